package io.paramspace.study.sampler;

import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.Study;
import io.paramspace.study.configs.GridConfigSpace;

/** A worker process for GridSamplerTest: searches the grid of GridConfig in a shared SQLite study. */
public final class GridWorker {
  private GridWorker() {}

  /** Args: database, study name, threads. */
  public static void main(String[] args) {
    try (Study study = Study.builder("sqlite:" + args[0], args[1]).sampler(GridSampler.exhaustive()).seed(7).open()) {
      study.optimize(GridConfigSpace.space(), (config, trial) -> {
        Thread.sleep(2);
        return config.a();
      }, OptimizeOptions.trials(1000).withParallelism(Integer.parseInt(args[2])).withProgressBar(false));
    }
    System.out.println("done");
  }
}
