package io.paramspace.bench.search;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Rng;
import io.paramspace.samplers.Direction;
import io.paramspace.samplers.Hypervolume;
import io.paramspace.samplers.Nsga2;
import io.paramspace.samplers.Observation;
import io.paramspace.samplers.Proposal;
import io.paramspace.samplers.Tpe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Search quality of NSGA-II and MOTPE against random search with two objectives, printed as a
 * Markdown table: for each problem and sampler, the hypervolume of the (feasible) trials after a
 * fixed budget, for seeds {@code --first-seed} (default 0) to {@code + --seeds - 1} (default 20),
 * as median and interquartile range (numpy's linear percentiles), all in the same run; on the
 * constrained problem also the median share of feasible trials.
 *
 * <ul>
 *   <li>Problems: ZDT1 and ZDT2 with the standard 30 variables, hypervolume against (11, 11) (at
 *       this budget no sampler's trials reach the (1.1, 1.1) box on 30 variables, so that point
 *       would give 0 everywhere; the best possible is 120.67 for ZDT1 and 120.33 for ZDT2); and the
 *       constrained TNK (two variables, front on the boundary of its first constraint),
 *       hypervolume of the feasible trials against (1.2, 1.2).
 *   <li>Budget: {@code --trials} (default 300) trials per run: for NSGA-II with its default
 *       population of 50, generation 0 (random) and five evolved generations.
 *   <li>Samplers: {@code Nsga2.defaults()} (Optuna's defaults); {@code Tpe} with several directions
 *       (MOTPE) and its defaults, {@code Tpe.builder().seed(s)}; random search ({@code
 *       space.random(rng)}). Seed {@code s} gives each an {@code Rng(s)} for the whole run. On TNK
 *       both samplers see the constraint values (Optuna's {@code constraints_func}); random search
 *       ignores them, and only its feasible trials count.
 * </ul>
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -Dmaven.test.skip=true
 * java -cp benchmarks/target/benchmarks.jar io.paramspace.bench.search.MultiObjectiveBenchmark \
 *     [--seeds 20] [--first-seed 0] [--trials 300]
 * </pre>
 */
public final class MultiObjectiveBenchmark {
  private MultiObjectiveBenchmark() {}

  private static final List<Direction> MIN_MIN = List.of(Direction.MINIMIZE, Direction.MINIMIZE);

  /** A problem: its space, objectives, constraints (null: none) and reference point. */
  record Problem<T>(String name, ConfigSpace<T> space, Function<T, double[]> objectives,
      Function<T, double[]> constraints, double[] reference) {
    Evaluation evaluate(Object config) {
      @SuppressWarnings("unchecked")
      T t = (T) config;
      return new Evaluation(objectives.apply(t), constraints == null ? null : constraints.apply(t));
    }
  }

  /** One trial's objective values and constraint values (null: unconstrained). */
  record Evaluation(double[] values, double[] constraints) {
    boolean feasible() {
      return constraints == null || Arrays.stream(constraints).allMatch(c -> c <= 0);
    }

    Observation observation(Proposal p) {
      Observation o = Observation.complete(p.params(), Arrays.stream(values).boxed().toList());
      return constraints == null ? o : o.withConstraints(Arrays.stream(constraints).boxed().toList());
    }
  }

  static final Problem<Zdt1> ZDT1 = new Problem<>("ZDT1 (n = 30, reference (11, 11))", Zdt1Space.space(),
      Zdt1::values, null, new double[] {11, 11});
  static final Problem<Zdt2> ZDT2 = new Problem<>("ZDT2 (n = 30, reference (11, 11))", Zdt2Space.space(),
      Zdt2::values, null, new double[] {11, 11});
  static final Problem<Tnk> TNK = new Problem<>("TNK, constrained (n = 2, reference (1.2, 1.2))", TnkSpace.space(),
      Tnk::values, Tnk::constraints, new double[] {1.2, 1.2});

  public static void main(String[] args) {
    int seeds = 20;
    int firstSeed = 0;
    int trials = 300;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seeds" -> seeds = Integer.parseInt(args[++i]);
        case "--first-seed" -> firstSeed = Integer.parseInt(args[++i]);
        case "--trials" -> trials = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; use --seeds N, --first-seed S, --trials N");
      }
    }
    System.out.printf(Locale.ROOT, "## Hypervolume after %d trials, seeds %d-%d: median [Q1, Q3]%n%n", trials,
        firstSeed, firstSeed + seeds - 1);
    System.out.println("| problem | NSGA-II (population 50) | NSGA-II, SBX (eta 20) | MOTPE | random | feasible trials,"
        + " median (NSGA-II, SBX, MOTPE, random) | seconds per run (NSGA-II, MOTPE) |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Problem<?> problem : List.of(ZDT1, ZDT2, TNK)) {
      double[] nsga = new double[seeds];
      double[] sbx = new double[seeds];
      double[] motpe = new double[seeds];
      double[] random = new double[seeds];
      double[][] feasible = new double[4][seeds];
      long nsgaNanos = 0;
      long motpeNanos = 0;
      for (int i = 0; i < seeds; i++) {
        int s = firstSeed + i;
        long t0 = System.nanoTime();
        Nsga2 nsga2 = Nsga2.defaults();
        double[] n = run(problem, trials, s, (history, rng) -> nsga2.propose(problem.space(), history, MIN_MIN, rng));
        long t1 = System.nanoTime();
        Nsga2 blend = Nsga2.defaults().withSbxCrossover(20);
        double[] b = run(problem, trials, s, (history, rng) -> blend.propose(problem.space(), history, MIN_MIN, rng));
        long tb = System.nanoTime();
        Tpe tpe = Tpe.builder().seed(s).build();
        double[] m = run(problem, trials, s, (history, rng) -> tpe.propose(problem.space(), history, MIN_MIN, rng));
        long t2 = System.nanoTime();
        double[] r = runRandom(problem, trials, s);
        nsga[i] = n[0];
        sbx[i] = b[0];
        motpe[i] = m[0];
        random[i] = r[0];
        feasible[0][i] = n[1];
        feasible[1][i] = b[1];
        feasible[2][i] = m[1];
        feasible[3][i] = r[1];
        nsgaNanos += t1 - t0;
        motpeNanos += t2 - tb;
      }
      String share = problem.constraints() == null ? "all" : String.format(Locale.ROOT,
          "%.0f%%, %.0f%%, %.0f%%, %.0f%%", 100 * TpeBenchmark.median(feasible[0]),
          100 * TpeBenchmark.median(feasible[1]), 100 * TpeBenchmark.median(feasible[2]),
          100 * TpeBenchmark.median(feasible[3]));
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2f, %.2f |%n", problem.name(),
          TpeBenchmark.summary(nsga), TpeBenchmark.summary(sbx), TpeBenchmark.summary(motpe),
          TpeBenchmark.summary(random), share,
          nsgaNanos / 1e9 / seeds, motpeNanos / 1e9 / seeds);
    }
    System.out.println();
  }

  /** A sampler: the next proposal from the history and the run's random source. */
  @FunctionalInterface
  interface Proposer {
    Proposal propose(List<Observation> history, Rng rng);
  }


  /** The hypervolume of the feasible trials of one run, and the share of its trials that are feasible. */
  static double[] run(Problem<?> problem, int trials, long seed, Proposer proposer) {
    Rng rng = new Rng(seed);
    List<Observation> history = new ArrayList<>(trials);
    List<double[]> feasible = new ArrayList<>(trials);
    for (int t = 0; t < trials; t++) {
      Proposal p = proposer.propose(history, rng);
      Evaluation e = problem.evaluate(p.config(problem.space()));
      history.add(e.observation(p));
      if (e.feasible()) {
        feasible.add(e.values());
      }
    }
    return new double[] {Hypervolume.of(feasible, problem.reference()), feasible.size() / (double) trials};
  }

  static double[] runRandom(Problem<?> problem, int trials, long seed) {
    Rng rng = new Rng(seed);
    List<double[]> feasible = new ArrayList<>(trials);
    for (int t = 0; t < trials; t++) {
      Evaluation e = problem.evaluate(problem.space().random(rng));
      if (e.feasible()) {
        feasible.add(e.values());
      }
    }
    return new double[] {Hypervolume.of(feasible, problem.reference()), feasible.size() / (double) trials};
  }
}
