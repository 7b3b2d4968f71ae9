package io.paramspace.bench.search;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Rng;
import io.paramspace.samplers.Direction;
import io.paramspace.samplers.Observation;
import io.paramspace.samplers.Proposal;
import io.paramspace.samplers.Tpe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Search quality and speed of {@link Tpe} against random search, printed as Markdown tables; its
 * Python twin {@code benchmarks/python/tpe_bench.py} runs Optuna's TPESampler on the same functions
 * and seeds.
 *
 * <p>Quality: for each function (Branin, Hartmann-6, the conditional objective of optuna#5299)
 * and each sampler, the best value after {@code --trials} trials (default 100) for {@code --seeds}
 * seeds (default 20) from {@code --first-seed} (default 0), as median and interquartile range
 * (numpy's linear percentiles).
 * Samplers: TPE with the defaults (multivariate, one joint model along the tree); the same with
 * {@code optunaSettings()} (Optuna's magic clip and weights, which makes it Optuna 5.0's
 * multivariate TPE on the spaces without conditions); TPE with {@code multivariate(false)}
 * (independent, per parameter); TPE with {@code groups(true)} (Optuna's group decomposition, with
 * this TPE's estimator), the same with {@code optunaSettings()} (Optuna's estimator with its
 * groups: against the joint model with Optuna's settings, the like-for-like comparison on
 * optuna#5299); and random search ({@code
 * space.random(rng)}). Seed {@code s} gives
 * TPE {@code Tpe.builder().seed(s)} and random search {@code new Rng(s)}.
 *
 * <p>Speed: on Hartmann-6, a prepared history of {@code N} complete trials (uniform random points
 * with their values, seed 12345), the median wall and CPU time of one {@code propose} call (N =
 * 10,000) and of {@code propose} plus {@code space.sample(proposal.trial())} (N = 1,000), over many
 * calls after a warm-up; and of the first {@code propose} on fresh copies of the 10,000 trials (an
 * observation remembers its internal values for a space's distributions after the first read).
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -Dmaven.test.skip=true
 * java -cp benchmarks/target/benchmarks.jar io.paramspace.bench.search.TpeBenchmark [--seeds 20] [--first-seed 0] [--trials 100] [--quality-only | --timing-only]
 * </pre>
 */
public final class TpeBenchmark {
  private TpeBenchmark() {}

  /** A test function: its space and objective. */
  record Problem<T>(String name, ConfigSpace<T> space, ToDoubleFunction<T> objective, String optimum) {
    double evaluate(Proposal p) {
      return objective.applyAsDouble(p.config(space));
    }

    double evaluateConfig(Object config) {
      @SuppressWarnings("unchecked")
      T t = (T) config;
      return objective.applyAsDouble(t);
    }
  }

  static final Problem<Branin> BRANIN =
      new Problem<>("Branin", BraninSpace.space(), Branin::value, "0.397887");
  static final Problem<Hartmann6> HARTMANN6 =
      new Problem<>("Hartmann-6", Hartmann6Space.space(), Hartmann6::value, "-3.32237");
  static final Problem<Issue5299> ISSUE_5299 =
      new Problem<>("optuna#5299", Issue5299Space.space(), Issue5299::value, "0");

  public static void main(String[] args) {
    int seeds = 20;
    int firstSeed = 0;
    int trials = 100;
    boolean quality = true;
    boolean timing = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seeds" -> seeds = Integer.parseInt(args[++i]);
        case "--first-seed" -> firstSeed = Integer.parseInt(args[++i]);
        case "--trials" -> trials = Integer.parseInt(args[++i]);
        case "--quality-only" -> timing = false;
        case "--timing-only" -> quality = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; use --seeds N, --first-seed S, --trials N, --quality-only, --timing-only");
      }
    }
    if (quality) {
      quality(firstSeed, seeds, trials);
    }
    if (timing) {
      timing();
    }
  }

  // ---- quality ------------------------------------------------------------------------------

  static void quality(int firstSeed, int seeds, int trials) {
    System.out.printf(Locale.ROOT, "## Best value after %d trials, seeds %d-%d: median [Q1, Q3]%n%n", trials, firstSeed,
        firstSeed + seeds - 1);
    System.out.println("| function (minimum) | Paramspace TPE (joint, default)"
        + " | Paramspace TPE (joint, Optuna's settings) | Paramspace TPE (Optuna's groups)"
        + " | Paramspace TPE (Optuna's groups and settings) | Paramspace TPE (independent) | Paramspace random |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Problem<?> problem : List.of(BRANIN, HARTMANN6, ISSUE_5299)) {
      double[] joint = new double[seeds];
      double[] optuna = new double[seeds];
      double[] groups = new double[seeds];
      double[] optunaGroups = new double[seeds];
      double[] independent = new double[seeds];
      double[] random = new double[seeds];
      for (int i = 0; i < seeds; i++) {
        int s = firstSeed + i;
        joint[i] = bestOf(problem, Tpe.builder().seed(s).build(), trials);
        optuna[i] = bestOf(problem, Tpe.builder().seed(s).optunaSettings().build(), trials);
        groups[i] = bestOf(problem, Tpe.builder().seed(s).groups(true).build(), trials);
        optunaGroups[i] = bestOf(problem, Tpe.builder().seed(s).optunaSettings().groups(true).build(), trials);
        independent[i] = bestOf(problem, Tpe.builder().seed(s).multivariate(false).build(), trials);
        random[i] = bestRandom(problem, s, trials);
      }
      System.out.printf(Locale.ROOT, "| %s (%s) | %s | %s | %s | %s | %s | %s |%n", problem.name(), problem.optimum(),
          summary(joint), summary(optuna), summary(groups), summary(optunaGroups), summary(independent),
          summary(random));
    }
    System.out.println();
  }

  /** The best value of one TPE run. */
  static double bestOf(Problem<?> problem, Tpe tpe, int trials) {
    List<Observation> history = new ArrayList<>(trials);
    double best = Double.POSITIVE_INFINITY;
    for (int t = 0; t < trials; t++) {
      Proposal p = tpe.propose(problem.space(), history, Direction.MINIMIZE);
      double value = problem.evaluate(p);
      history.add(Observation.complete(p.params(), value));
      best = Math.min(best, value);
    }
    return best;
  }

  static double bestRandom(Problem<?> problem, long seed, int trials) {
    Rng rng = new Rng(seed);
    double best = Double.POSITIVE_INFINITY;
    for (int t = 0; t < trials; t++) {
      best = Math.min(best, problem.evaluateConfig(problem.space().random(rng)));
    }
    return best;
  }

  /** {@code median [Q1, Q3]} with numpy's default (linear) percentiles. */
  static String summary(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return format(percentile(sorted, 50)) + " [" + format(percentile(sorted, 25)) + ", "
        + format(percentile(sorted, 75)) + "]";
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return percentile(sorted, 50);
  }

  static double percentile(double[] sorted, double q) {
    double pos = q / 100 * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  static String format(double v) {
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-3 || a >= 1e5)) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  // ---- speed --------------------------------------------------------------------------------

  static void timing() {
    System.out.println("## Time per call on Hartmann-6 with N complete trials (median of many calls)");
    System.out.println();
    System.out.println("| call | N | median wall time | median CPU time | calls |");
    System.out.println("|---|---|---|---|---|");
    ConfigSpace<Hartmann6> space = Hartmann6Space.space();
    List<Observation> h1k = history(1_000);
    double[] askSample = time(() -> {
      Proposal p = Tpe.defaults().propose(space, h1k, Direction.MINIMIZE, new Rng(counter++));
      sink += p.config(space).x1();
    }, 300, 500);
    row("propose + sample", "1,000", askSample, 500);
    List<Observation> h10k = history(10_000);
    double[] ask = time(() -> {
      Proposal p = Tpe.defaults().propose(space, h10k, Direction.MINIMIZE, new Rng(counter++));
      sink += p.params().size();
    }, 60, 200);
    row("propose", "10,000", ask, 200);
    // The first call on a history also reads every observation's parameter map (later calls find
    // the values the observations remember): fresh copies of the history, one call each.
    int copies = 30;
    List<List<Observation>> fresh = new ArrayList<>();
    for (int c = 0; c < copies + 5; c++) {
      List<Observation> copy = new ArrayList<>(h10k.size());
      for (Observation o : h10k) {
        copy.add(new Observation(o.params(), o.state(), o.values(), o.step()));
      }
      fresh.add(copy);
    }
    int[] next = {0};
    double[] cold = time(() -> {
      Proposal p = Tpe.defaults().propose(space, fresh.get(next[0]++), Direction.MINIMIZE, new Rng(counter++));
      sink += p.params().size();
    }, 5, copies);
    row("propose, first call on the history", "10,000", cold, copies);
    System.out.println();
    if (sink == 42.4242) {
      System.out.println(); // keeps the work observable
    }
  }

  private static void row(String call, String n, double[] wallCpu, int calls) {
    System.out.printf(Locale.ROOT, "| %s | %s | %.3f ms | %.3f ms | %d |%n", call, n, wallCpu[0], wallCpu[1], calls);
  }

  private static long counter;
  private static double sink;

  /** {@code n} complete Hartmann-6 trials at uniform random points. */
  static List<Observation> history(int n) {
    Rng rng = new Rng(12345);
    List<Observation> history = new ArrayList<>(n);
    ConfigSpace<Hartmann6> space = Hartmann6Space.space();
    for (int i = 0; i < n; i++) {
      Hartmann6 h = space.random(rng);
      history.add(Observation.complete(Observation.internalParams(space, space.parameters(h)), h.value()));
    }
    return history;
  }

  /**
   * The median wall time and the median CPU time of this thread of {@code calls} runs after {@code
   * warmup} runs, in milliseconds. On a shared machine the CPU time is the fairer of the two: it
   * leaves out the time the thread waited for a core.
   */
  static double[] time(Runnable r, int warmup, int calls) {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < warmup; i++) {
      r.run();
    }
    double[] wall = new double[calls];
    double[] cpu = new double[calls];
    for (int i = 0; i < calls; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      r.run();
      wall[i] = (System.nanoTime() - t0) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new double[] {percentile(wall, 50), percentile(cpu, 50)};
  }
}
