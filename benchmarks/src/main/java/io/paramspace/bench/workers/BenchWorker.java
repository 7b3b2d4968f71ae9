package io.paramspace.bench.workers;

import io.paramspace.sample.TrainingConfig;
import io.paramspace.sample.TrainingConfigSpace;
import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.OptimizeResult;
import io.paramspace.study.Study;
import io.paramspace.study.sampler.TpeSampler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * One worker process of {@link WorkersBenchmark}: opens the study, says READY, waits for GO on
 * stdin, then runs {@code study.optimize} to the study's total with a cheap objective and prints
 * what it ran.
 *
 * <p>Usage: {@code BenchWorker URL STUDY TRIALS}
 */
public final class BenchWorker {
  private BenchWorker() {}

  /** A cheap objective of the sample app's TrainingConfig. */
  static double objective(TrainingConfig c) {
    return Math.log10(c.optimizer().learningRate()) + c.model().numBlocks() / 10.0 + c.batchSize() / 1000.0;
  }

  public static void main(String[] args) throws Exception {
    Study.Builder builder = Study.builder(args[0], args[1]);
    if ("tpe".equals(System.getenv("BENCH_SAMPLER"))) {
      builder.sampler(new TpeSampler());
    }
    try (Study study = builder.open()) {
      System.out.println("READY");
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      if (!"GO".equals(in.readLine())) {
        return;
      }
      OptimizeResult r = study.optimize(TrainingConfigSpace.space(), (config, trial) -> objective(config),
          OptimizeOptions.trials(Integer.parseInt(args[2])).withProgressBar(false));
      System.out.println("DONE " + r.complete() + " " + r.rejected());
    }
  }
}
