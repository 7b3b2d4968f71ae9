package io.paramspace.study.workers;

import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.OptimizeResult;
import io.paramspace.study.Study;
import io.paramspace.study.configs.TinyConfig;
import io.paramspace.study.configs.TinyConfigSpace;
import java.time.Duration;

/**
 * One worker process of the multi-process tests: {@code study.optimize} on a shared study, as a
 * user's own program would run it.
 *
 * <p>Usage: {@code WorkerProcess URL STUDY TRIALS HEARTBEAT_MS GRACE_MS SLEEP_MS}. Prints {@code
 * RESULT complete pruned failed rejected total} on stdout when done.
 */
public final class WorkerProcess {
  private WorkerProcess() {}

  /** The objective, recomputed by the tests from each trial's stored config. */
  public static double objective(TinyConfig c) {
    return c.x() * c.x() + c.layers() + c.batch() / 64.0 + (c.flag() ? 1 : 0) + c.optimizer().lr();
  }

  public static void main(String[] args) {
    String url = args[0];
    String name = args[1];
    int trials = Integer.parseInt(args[2]);
    Duration heartbeat = Duration.ofMillis(Long.parseLong(args[3]));
    Duration grace = Duration.ofMillis(Long.parseLong(args[4]));
    long sleep = Long.parseLong(args[5]);
    try (Study study = Study.builder(url, name).seed(20240501L).heartbeat(heartbeat, grace).retryStaleTrials(3)
        .open()) {
      OptimizeResult r = study.optimize(TinyConfigSpace.space(), (config, trial) -> {
        if (sleep > 0) {
          trial.report(0, config.x());
          Thread.sleep(sleep);
        }
        return objective(config);
      }, OptimizeOptions.trials(trials).withProgressBar(false).withMaxConsecutiveFailures(1000));
      System.out.println("RESULT " + r.complete() + " " + r.pruned() + " " + r.failed() + " " + r.rejected() + " "
          + r.studyTotal());
    }
  }
}
