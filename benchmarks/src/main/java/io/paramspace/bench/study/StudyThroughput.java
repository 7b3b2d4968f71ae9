package io.paramspace.bench.study;

import io.paramspace.sample.TrainingConfigSpace;
import io.paramspace.study.Direction;
import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.Study;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trials told into SQLite per second (ask + sample + tell, random sampler, TrainingConfig's
 * space, a cheap objective, one thread) and the ask + sample latency after them. Optuna's side
 * is {@code benchmarks/python/study_throughput.py}; run both one after the other:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.paramspace.bench.study.StudyThroughput 2000
 * /usr/bin/python3.11 benchmarks/python/study_throughput.py
 * </pre>
 */
public final class StudyThroughput {
  private StudyThroughput() {}

  public static void main(String[] a) throws Exception {
    if (a.length != 1) {
      System.err.println("usage: StudyThroughput TRIALS");
      System.exit(2);
    }
    Path dir = Files.createTempDirectory("b9");
    String url = "sqlite:" + dir.resolve("s.db");
    int n = Integer.parseInt(a[0]);
    try (Study s = Study.builder(url, "b").directions(Direction.MINIMIZE).seed(1).open()) {
      // warm-up
      s.optimize(TrainingConfigSpace.space(), (c, t) -> c.batchSize() * 1e-3, OptimizeOptions.trials(200).withProgressBar(false));
      long t0 = System.nanoTime();
      s.optimize(TrainingConfigSpace.space(), (c, t) -> c.batchSize() * 1e-3, OptimizeOptions.trials(200 + n).withProgressBar(false));
      double secs = (System.nanoTime() - t0) / 1e9;
      System.out.printf("told %d trials in %.2f s = %.0f trials/s%n", n, secs, n / secs);
      // ask latency at the current size
      long[] ts = new long[200];
      for (int i = 0; i < ts.length; i++) {
        long t1 = System.nanoTime();
        var trial = s.ask(TrainingConfigSpace.space());
        ts[i] = System.nanoTime() - t1;
        s.tell(trial, 1.0);
      }
      java.util.Arrays.sort(ts);
      System.out.printf("ask+sample at %d finished trials: median %.3f ms%n", 200 + n, ts[ts.length / 2] / 1e6);
    }
  }
}
