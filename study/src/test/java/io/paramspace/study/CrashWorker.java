package io.paramspace.study;

import io.paramspace.study.configs.TinyConfigSpace;

/** A worker process for CrashTest: runs a SQLite study slowly until it is killed. */
public final class CrashWorker {
  private CrashWorker() {}

  public static void main(String[] args) {
    try (Study study = Study.open("sqlite:" + args[0], args[1])) {
      study.optimize(TinyConfigSpace.space(), (config, trial) -> {
        trial.report(0, config.x());
        Thread.sleep(40);
        return config.x() * config.x();
      }, OptimizeOptions.trials(Integer.parseInt(args[2])).withProgressBar(false));
    }
  }
}
