package io.paramspace.bench.search;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Rng;
import io.paramspace.samplers.CmaEs;
import io.paramspace.samplers.Direction;
import io.paramspace.study.Sampler;
import io.paramspace.study.Study;
import io.paramspace.study.StudyTrial;
import io.paramspace.study.TrialState;
import io.paramspace.study.sampler.CmaEsSampler;
import io.paramspace.study.sampler.RandomSampler;
import io.paramspace.study.sampler.TpeSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Search quality and ask time of the {@link CmaEsSampler} against TPE and random search, all
 * three through a study on {@code memory:} storage, printed as Markdown tables; its Python twin
 * {@code benchmarks/python/cmaes_bench.py} runs Optuna's CmaEsSampler on the same functions.
 *
 * <p>Quality: for Hartmann-6 and Rosenbrock-10 (on {@code [-5, 10]^10}) and each sampler, the
 * best value after {@code --trials} trials (default 100 and 300) for {@code --seeds} seeds
 * (default 20) from {@code --first-seed} (default 0), as median and interquartile range (numpy's
 * linear percentiles). Seed {@code s} is the study's seed; the samplers are {@code new
 * CmaEsSampler()} (Optuna's defaults: one random start-up trial, sigma0 1/6 of the unit cube, IPOP
 * restarts), {@code new TpeSampler(Tpe.defaults())} and {@code new RandomSampler()}.
 *
 * <p>Ask time on Hartmann-6 with 1,000 trials: the median wall and CPU time of {@code
 * study.ask(space)} (the sampler's work, the storage's and the config's) with 1,000 complete trials
 * run by the same sampler, each timed trial then told failed (which no sampler learns from); and
 * of {@link CmaEs#ask} alone on a history of 1,000 tagged trials (the replay of every generation).
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -Dmaven.test.skip=true
 * java -cp benchmarks/target/benchmarks.jar io.paramspace.bench.search.CmaEsBenchmark [--seeds 20] [--first-seed 0] [--trials 100,300] [--quality-only | --timing-only]
 * </pre>
 */
public final class CmaEsBenchmark {
  private CmaEsBenchmark() {}

  /** A test function: its space and objective. */
  record Problem<T>(String name, ConfigSpace<T> space, ToDoubleFunction<T> objective, String optimum) {}

  static final Problem<Hartmann6> HARTMANN6 =
      new Problem<>("Hartmann-6", Hartmann6Space.space(), Hartmann6::value, "-3.32237");
  static final Problem<Rosenbrock10> ROSENBROCK10 =
      new Problem<>("Rosenbrock-10 on [-5, 10]", Rosenbrock10Space.space(), Rosenbrock10::value, "0");

  /** A named sampler factory: a fresh sampler per study. */
  record Contender(String name, Supplier<Sampler> sampler) {}

  static final List<Contender> CONTENDERS = List.of(
      new Contender("Paramspace CMA-ES", CmaEsSampler::new),
      new Contender("Paramspace TPE", TpeSampler::new),
      new Contender("Paramspace random", RandomSampler::new));

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int seeds = 20;
    int firstSeed = 0;
    List<Integer> trials = List.of(100, 300);
    boolean quality = true;
    boolean timing = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seeds" -> seeds = Integer.parseInt(args[++i]);
        case "--first-seed" -> firstSeed = Integer.parseInt(args[++i]);
        case "--trials" -> trials = java.util.Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
        case "--quality-only" -> timing = false;
        case "--timing-only" -> quality = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; use --seeds N, --first-seed S, --trials N[,N...], --quality-only, --timing-only");
      }
    }
    if (quality) {
      for (int n : trials) {
        quality(firstSeed, seeds, n);
      }
    }
    if (timing) {
      timing();
    }
  }

  // ---- quality ------------------------------------------------------------------------------

  static void quality(int firstSeed, int seeds, int trials) {
    System.out.printf(Locale.ROOT, "## Best value after %d trials, seeds %d-%d: median [Q1, Q3]%n%n", trials, firstSeed,
        firstSeed + seeds - 1);
    StringBuilder header = new StringBuilder("| function (minimum) |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Contender c : CONTENDERS) {
      header.append(' ').append(c.name()).append(" |");
      rule.append("---|");
    }
    System.out.println(header);
    System.out.println(rule);
    for (Problem<?> problem : List.of(HARTMANN6, ROSENBROCK10)) {
      StringBuilder row = new StringBuilder("| " + problem.name() + " (" + problem.optimum() + ") |");
      for (Contender c : CONTENDERS) {
        double[] best = new double[seeds];
        for (int i = 0; i < seeds; i++) {
          best[i] = bestOf(problem, c.sampler().get(), firstSeed + i, trials);
        }
        row.append(' ').append(TpeBenchmark.summary(best)).append(" |");
      }
      System.out.println(row);
    }
    System.out.println();
  }

  /** The best value of one study of {@code trials} trials. */
  static <T> double bestOf(Problem<T> problem, Sampler sampler, long seed, int trials) {
    try (Study study = Study.builder("memory:", "bench").directions(io.paramspace.study.Direction.MINIMIZE)
        .seed(seed).sampler(sampler).open()) {
      double best = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        StudyTrial<T> trial = study.ask(problem.space());
        double value = problem.objective().applyAsDouble(trial.config());
        study.tell(trial, value);
        best = Math.min(best, value);
      }
      return best;
    }
  }

  // ---- ask time -----------------------------------------------------------------------------

  static void timing() {
    System.out.println("## Ask time on Hartmann-6 with 1,000 trials (median of many calls)");
    System.out.println();
    System.out.println("| call | median wall time | median CPU time | calls |");
    System.out.println("|---|---|---|---|");
    for (Contender c : CONTENDERS) {
      try (Study study = Study.builder("memory:", "timing").directions(io.paramspace.study.Direction.MINIMIZE)
          .seed(12345).sampler(c.sampler().get()).open()) {
        for (int t = 0; t < 1_000; t++) {
          StudyTrial<Hartmann6> trial = study.ask(HARTMANN6.space());
          study.tell(trial, trial.config().value());
        }
        double[] time = TpeBenchmark.time(() -> study.tell(study.ask(HARTMANN6.space()), TrialState.FAIL), 50, 300);
        row("study.ask, " + c.name(), time, 300);
      }
    }
    // The replay alone: CmaEs.ask on 1,000 tagged trials.
    Map<String, Distribution> space = HARTMANN6.space().distributions();
    CmaEs cma = CmaEs.builder().seed(12345).build();
    List<CmaEs.Evaluated> history = new ArrayList<>();
    LongFunction<Rng> rng = n -> new Rng(0x5DEECE66DL * (n + 1));
    CmaEs.Ask last = null;
    for (int t = 0; t < 1_000; t++) {
      last = cma.ask(space, history, Direction.MINIMIZE, rng.apply(t));
      Hartmann6 h = HARTMANN6.space().fromParameters(externalOf(last.params()));
      history.add(new CmaEs.Evaluated(last.params(), h.value(), last.restart(), last.generation()));
    }
    long[] n = {0};
    double[] replay =
        TpeBenchmark.time(() -> cma.ask(space, history, Direction.MINIMIZE, rng.apply(n[0]++)), 200, 1000);
    row("CmaEs.ask alone (replays " + generations(history) + " generations of " + (last.restart() + 1) + " run(s))",
        replay, 1000);
    System.out.println();
  }

  private static Map<String, Object> externalOf(Map<String, Double> internal) {
    return new java.util.LinkedHashMap<>(internal);
  }

  private static int generations(List<CmaEs.Evaluated> history) {
    return (int) history.stream().map(e -> e.restart() * 100_000L + e.generation()).distinct().count();
  }

  private static void row(String call, double[] wallCpu, int calls) {
    System.out.printf(Locale.ROOT, "| %s | %.3f ms | %.3f ms | %d |%n", call, wallCpu[0], wallCpu[1], calls);
  }
}
