package io.paramspace.bench.study;

import io.paramspace.sample.TrainingConfig;
import io.paramspace.sample.TrainingConfigSpace;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.Study;
import io.paramspace.study.StudyTrial;
import io.paramspace.study.storage.SqliteStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The study engine's figures on the embedded SQLite store (random sampler, TrainingConfig's 11
 * parameters, a cheap objective, one thread), each the median of several rounds with its range:
 *
 * <ol>
 *   <li>trials told per second (ask + sample + tell, through {@code optimize});
 *   <li>ask + sample latency at 1,000 finished trials (each ask told at once);
 *   <li>the same at {@code --large} finished trials, against 1,000, and SQL statements per ask;
 *   <li>in a fresh JVM (its start-up excluded: timed from {@code main}): open a study and load all
 *       10,000 finished trials; open it and read its best trial.
 * </ol>
 *
 * <p>Optuna's side, on the same space: {@code benchmarks/python/study_bench.py}. Run one after the
 * other, alone on the machine:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.paramspace.bench.study.StudyBenchmark [--large 100000]
 * /usr/bin/python3.11 benchmarks/python/study_bench.py [--read-db DIR/read.db, as the Java run prints]
 * </pre>
 */
public final class StudyBenchmark {
  private static final int ROUNDS = 5;

  private StudyBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("fresh")) {
      fresh(args[1], args[2]);
      return;
    }
    int large = 100_000;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--large") && i + 1 < args.length) {
        large = Integer.parseInt(args[++i]);
      } else {
        System.err.println("usage: StudyBenchmark [--large N]");
        System.exit(2);
      }
    }
    Path dir = Files.createTempDirectory("study-bench");
    System.out.println("study databases in " + dir + " (study_bench.py --read-db " + dir.resolve("read.db")
        + " times Optuna reading the 10,000-trial one)");
    told(dir);
    askAt(dir, large);
    freshReads(dir);
  }

  private static double objective(TrainingConfig c) {
    return c.batchSize() * 1e-3;
  }

  private static OptimizeOptions upTo(int total) {
    return OptimizeOptions.trials(total).withProgressBar(false);
  }

  /** Trials told per second: rounds of 5,000 trials on one study, after a warm-up of 5,000. */
  private static void told(Path dir) {
    double[] rates = new double[ROUNDS];
    try (Study s = Study.builder("sqlite:" + dir.resolve("told.db"), "told").directions(Direction.MINIMIZE)
        .seed(1).open()) {
      int total = 5_000;
      s.optimize(TrainingConfigSpace.space(), (c, t) -> objective(c), upTo(total));
      for (int r = 0; r < ROUNDS; r++) {
        total += 5_000;
        long t0 = System.nanoTime();
        s.optimize(TrainingConfigSpace.space(), (c, t) -> objective(c), upTo(total));
        rates[r] = 5_000 / ((System.nanoTime() - t0) / 1e9);
      }
    }
    System.out.println("told per second (rounds of 5,000 trials): " + summary(rates, "%.0f"));
  }

  /** Ask latency at 1,000 and at {@code large} finished trials, and statements per ask. */
  private static void askAt(Path dir, int large) {
    try (Study s = Study.builder("sqlite:" + dir.resolve("ask.db"), "ask").directions(Direction.MINIMIZE)
        .seed(2).open()) {
      s.optimize(TrainingConfigSpace.space(), (c, t) -> objective(c), upTo(1_000));
      double[] small = askLatencies(s);
      System.out.println("ask + sample at 1,000 finished trials, ms: " + summary(small, "%.3f")
          + "; SQL statements per ask + tell: " + statementsPerAsk(s));
      if (large > 1_000) {
        long t0 = System.nanoTime();
        s.optimize(TrainingConfigSpace.space(), (c, t) -> objective(c), upTo(large));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("told %d more trials in %.1f s: %.0f per second%n", large - 2_001, seconds,
            (large - 2_001) / seconds);
        double[] big = askLatencies(s);
        System.out.println("ask + sample at " + large + " finished trials, ms: " + summary(big, "%.3f")
            + "; SQL statements per ask + tell: " + statementsPerAsk(s) + "; ratio of medians to 1,000: "
            + String.format("%.2f", median(big) / median(small)));
      }
    }
  }

  /** The median ask time of each round of 200 asks (each told at once: the size barely moves). */
  private static double[] askLatencies(Study s) {
    double[] medians = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      double[] ms = new double[200];
      for (int i = 0; i < ms.length; i++) {
        long t0 = System.nanoTime();
        StudyTrial<TrainingConfig> trial = s.ask(TrainingConfigSpace.space());
        ms[i] = (System.nanoTime() - t0) / 1e6;
        s.tell(trial, objective(trial.config()));
      }
      medians[r] = median(ms);
    }
    return medians;
  }

  private static long statementsPerAsk(Study s) {
    SqliteStorage storage = (SqliteStorage) s.storage();
    long before = storage.statementCount();
    StudyTrial<TrainingConfig> trial = s.ask(TrainingConfigSpace.space());
    s.tell(trial, objective(trial.config()));
    return storage.statementCount() - before;
  }

  /** A study of 10,000 finished trials, then fresh JVMs that read it. */
  private static void freshReads(Path dir) throws IOException, InterruptedException {
    String url = "sqlite:" + dir.resolve("read.db");
    try (Study s = Study.builder(url, "read").directions(Direction.MINIMIZE).seed(3).open()) {
      s.optimize(TrainingConfigSpace.space(), (c, t) -> objective(c), upTo(10_000));
    }
    for (String what : List.of("load", "best")) {
      double[] all = new double[ROUNDS];
      double[] afterDriver = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        double[] ms = freshRun(url, what);
        all[r] = ms[0];
        afterDriver[r] = ms[1];
      }
      String label = what.equals("load") ? "load all 10,000 trials" : "best of 10,000";
      System.out.println("fresh JVM, open + " + label + ", ms from main: " + summary(all, "%.0f"));
      System.out.println("fresh JVM, open + " + label + ", ms after the driver's native library is loaded: "
          + summary(afterDriver, "%.0f"));
    }
  }

  private static double[] freshRun(String url, String what) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        StudyBenchmark.class.getName(), "fresh", url, what).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("the fresh run failed: " + out);
    }
    String[] lines = out.split("\n");
    String[] ms = lines[lines.length - 1].trim().split(" ");
    return new double[] {Double.parseDouble(ms[0]), Double.parseDouble(ms[1])};
  }

  /**
   * In the fresh JVM: the time from here until the trials (or the best one) are in hand, and the
   * part of it after sqlite-jdbc has loaded its native library (what Python's import of its
   * sqlite3 module does before Optuna's clock starts), in ms.
   */
  private static void fresh(String url, String what) throws Exception {
    long t0 = System.nanoTime();
    org.sqlite.SQLiteJDBCLoader.initialize();
    long t1 = System.nanoTime();
    try (Study s = Study.load(url, "read")) {
      if (what.equals("load")) {
        List<FrozenTrial> trials = s.trials();
        if (trials.size() != 10_000) {
          throw new IllegalStateException("expected 10,000 trials, read " + trials.size());
        }
      } else {
        s.bestTrial();
      }
    }
    long t2 = System.nanoTime();
    System.out.println((t2 - t0) / 1e6 + " " + (t2 - t1) / 1e6);
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String summary(double[] xs, String format) {
    double[] s = xs.clone();
    Arrays.sort(s);
    List<String> rounds = new ArrayList<>();
    for (double x : xs) {
      rounds.add(String.format(format, x));
    }
    return "median " + String.format(format, median(xs)) + " (range " + String.format(format, s[0]) + "–"
        + String.format(format, s[s.length - 1]) + "; rounds " + rounds + ")";
  }
}
