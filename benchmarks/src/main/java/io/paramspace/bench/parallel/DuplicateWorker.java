package io.paramspace.bench.parallel;

import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.Study;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * One worker process of {@link DuplicateBenchmark}'s process rows (started by the machinery of
 * {@link io.paramspace.bench.workers.WorkersBenchmark}): opens the study with TPE, says READY,
 * waits for GO on stdin, runs one trial at a time to the study's total, prints what it ran.
 *
 * <p>Usage: {@code DuplicateWorker URL STUDY TRIALS SAMPLER SLEEP_MS}, SAMPLER one of {@link
 * DuplicateBenchmark.Variant}'s names.
 */
public final class DuplicateWorker {
  private DuplicateWorker() {}

  public static void main(String[] args) throws Exception {
    DuplicateBenchmark.Variant variant = DuplicateBenchmark.Variant.valueOf(args[3]);
    int sleepMillis = Integer.parseInt(args[4]);
    try (Study study = Study.builder(args[0], args[1]).sampler(variant.sampler(8)).open()) {
      System.out.println("READY");
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      if (!"GO".equals(in.readLine())) {
        return;
      }
      var r = study.optimize(Hartmann6GridSpace.space(),
          (config, trial) -> DuplicateBenchmark.evaluate(config, trial.number(), sleepMillis),
          OptimizeOptions.trials(Integer.parseInt(args[2])).withProgressBar(false));
      System.out.println("DONE " + r.complete() + " " + r.rejected());
    }
  }
}
