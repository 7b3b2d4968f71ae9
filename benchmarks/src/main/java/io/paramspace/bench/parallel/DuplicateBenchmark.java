package io.paramspace.bench.parallel;

import io.paramspace.bench.workers.WorkersBenchmark;
import io.paramspace.samplers.Tpe;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.Study;
import io.paramspace.study.TrialState;
import io.paramspace.study.sampler.TpeSampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * Duplicate parameter sets with 8 concurrent workers: TPE on {@link Hartmann6Grid} (a discrete
 * space, where two proposals can be equal), with the constant liar on and off, and in the
 * deterministic mode; Optuna's issues #3626 and #1547. Its Python twin {@code
 * benchmarks/python/duplicates_bench.py} runs Optuna's TPESampler(constant_liar=True/False) the
 * same way.
 *
 * <p>Each run is a new study of {@code --trials} trials (default 200) with study seed {@code s}
 * for {@code --seeds} seeds (default 5) from 0. The objective sleeps {@code --sleep-ms} (default
 * 20) times a factor in [0.5, 1.5) drawn from the trial number, a stand-in for training, so that
 * trials overlap as real ones do. Rows: one worker (the duplicates TPE makes on its own), with the
 * defaults and with {@code optunaSettings()}; 8 threads of {@code optimize(...,
 * withParallelism(8))} on a memory: study; 8 processes on one SQLite file (the machinery of
 * {@link WorkersBenchmark}; {@code --process-seeds}, default 3, 0 to leave them out; {@code
 * --seeds 0} leaves out the thread rows), whose objective sleeps {@code --process-sleep-ms}
 * (default 1000) times the factor: eight JVMs sharing a few cores take longer to sample a trial
 * than 20 ms, and a trial still being sampled has no parameters for the others to see.
 * Reported, as medians over the seeds: <i>repeats</i>, the share of trials whose parameters equal
 * an earlier trial's; <i>concurrent</i>, the share whose parameters equal
 * those of a trial running when they started (see {@link DuplicateRate}); the best value (the
 * grid's minimum is -3.222, at (0.2, 0.2, 0.5, 0.3, 0.3, 0.7)); the wall time.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -Dmaven.test.skip=true
 * java -cp benchmarks/target/benchmarks.jar io.paramspace.bench.parallel.DuplicateBenchmark [--seeds 5] [--trials 200] [--sleep-ms 20] [--process-seeds 3]
 * </pre>
 */
public final class DuplicateBenchmark {
  private DuplicateBenchmark() {}

  /** The samplers compared. */
  enum Variant {
    LIAR("TPE, constant liar (default)"),
    NO_LIAR("TPE, no liar (constantLiar(false))"),
    DETERMINISTIC("TPE, constant liar, deterministic(8)"),
    OPTUNA_SETTINGS("TPE, constant liar, optunaSettings()");

    final String label;

    Variant(String label) {
      this.label = label;
    }

    TpeSampler sampler(int workers) {
      return switch (this) {
        case LIAR -> new TpeSampler();
        case NO_LIAR -> new TpeSampler(Tpe.builder().constantLiar(false).build());
        case DETERMINISTIC -> new TpeSampler().deterministic(workers);
        case OPTUNA_SETTINGS -> new TpeSampler(Tpe.builder().optunaSettings().build());
      };
    }
  }

  record Outcome(DuplicateRate rate, double best, double seconds) {}

  /** The objective: the grid point's value, after a sleep that stands in for training. */
  static double evaluate(Hartmann6Grid config, int trialNumber, int sleepMillis) throws InterruptedException {
    double factor = 0.5 + new SplittableRandom(trialNumber).nextDouble();
    Thread.sleep(Math.round(sleepMillis * factor));
    return config.value();
  }

  public static void main(String[] args) throws Exception {
    int seeds = 5;
    int trials = 200;
    int sleepMillis = 20;
    int processSeeds = 3;
    int processSleepMillis = 1000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seeds" -> seeds = Integer.parseInt(args[++i]);
        case "--trials" -> trials = Integer.parseInt(args[++i]);
        case "--sleep-ms" -> sleepMillis = Integer.parseInt(args[++i]);
        case "--process-seeds" -> processSeeds = Integer.parseInt(args[++i]);
        case "--process-sleep-ms" -> processSleepMillis = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; use --seeds N, --trials N, --sleep-ms MS, --process-seeds N, --process-sleep-ms MS");
      }
    }
    System.out.printf(Locale.ROOT, "Duplicate benchmark: Hartmann-6 on an 11^6 grid, %d trials, objective sleeps %d ms"
        + " x [0.5, 1.5), medians over seeds; %d cores%n%n", trials, sleepMillis,
        Runtime.getRuntime().availableProcessors());
    List<String> rows = new ArrayList<>();
    if (seeds > 0) {
      rows.add(threadRow(Variant.LIAR, 1, seeds, trials, sleepMillis));
      rows.add(threadRow(Variant.OPTUNA_SETTINGS, 1, seeds, trials, sleepMillis));
      for (Variant v : Variant.values()) {
        rows.add(threadRow(v, 8, seeds, trials, sleepMillis));
      }
    }
    for (Variant v : List.of(Variant.LIAR, Variant.NO_LIAR)) {
      if (processSeeds > 0) {
        rows.add(processRow(v, processSeeds, trials, processSleepMillis));
      }
    }
    System.out.println("| sampler | workers | seeds | repeats (median) | concurrent (median) | best (median)"
        + " | wall s (median) |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|");
    rows.forEach(System.out::println);
    System.out.println();
    System.out.println("Repeat: mvn -B -q -pl benchmarks -am package -Dmaven.test.skip=true && java -cp"
        + " benchmarks/target/benchmarks.jar io.paramspace.bench.parallel.DuplicateBenchmark" + String.join(" ", "",
            "--seeds", Integer.toString(seeds), "--trials", Integer.toString(trials), "--sleep-ms",
            Integer.toString(sleepMillis), "--process-seeds", Integer.toString(processSeeds), "--process-sleep-ms",
            Integer.toString(processSleepMillis)));
  }

  private static String threadRow(Variant v, int threads, int seeds, int trials, int sleepMillis) {
    List<Outcome> outcomes = new ArrayList<>();
    for (long seed = 0; seed < seeds; seed++) {
      long begun = System.nanoTime();
      try (Study study = Study.builder("memory:", "dup").seed(seed).sampler(v.sampler(8)).open()) {
        study.optimize(Hartmann6GridSpace.space(), (config, trial) -> evaluate(config, trial.number(), sleepMillis),
            OptimizeOptions.trials(trials).withParallelism(threads).withProgressBar(false));
        outcomes.add(outcome(study.trials(), (System.nanoTime() - begun) / 1e9));
      }
    }
    String label = threads > 1 ? v.label : v == Variant.OPTUNA_SETTINGS ? "TPE, optunaSettings() (one worker)"
        : "TPE (one worker: no running trials to lie about)";
    return row(label, threads + (threads == 1 ? " thread" : " threads"), outcomes);
  }

  private static String processRow(Variant v, int seeds, int trials, int sleepMillis) throws Exception {
    List<Outcome> outcomes = new ArrayList<>();
    for (long seed = 0; seed < seeds; seed++) {
      Path tmp = Files.createTempDirectory("duplicates-bench");
      try {
        AtomicReference<List<FrozenTrial>> stored = new AtomicReference<>();
        WorkersBenchmark.Run run = WorkersBenchmark.run("sqlite:" + tmp.resolve("bench.db"), 8, trials, seed,
            DuplicateWorker.class, List.of(v.name(), Integer.toString(sleepMillis)), stored::set);
        outcomes.add(outcome(stored.get(), run.seconds()));
      } finally {
        try (var files = Files.list(tmp)) {
          for (Path f : files.toList()) {
            Files.delete(f);
          }
        }
        Files.delete(tmp);
      }
    }
    return row(v.label, "8 processes, SQLite, " + sleepMillis + " ms", outcomes);
  }

  private static Outcome outcome(List<FrozenTrial> trials, double seconds) {
    List<FrozenTrial> complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
    double best = complete.stream().mapToDouble(FrozenTrial::value).min().orElse(Double.NaN);
    return new Outcome(DuplicateRate.of(complete), best, seconds);
  }

  private static String row(String sampler, String workers, List<Outcome> outcomes) {
    String line = String.format(Locale.ROOT, "| %s | %s | %d | %.1f%% | %.1f%% | %.3f | %.1f |", sampler, workers,
        outcomes.size(), 100 * median(outcomes, o -> o.rate().repeats()),
        100 * median(outcomes, o -> o.rate().concurrent()), median(outcomes, Outcome::best),
        median(outcomes, Outcome::seconds));
    System.out.println(line);
    return line;
  }

  private static double median(List<Outcome> outcomes, ToDoubleFunction<Outcome> f) {
    double[] v = outcomes.stream().mapToDouble(f).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
