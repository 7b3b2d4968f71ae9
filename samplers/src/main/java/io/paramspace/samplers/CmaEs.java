package io.paramspace.samplers;

import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Rng;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CMA-ES ({@link CmaEsOptimizer}) over the numeric parameters of a search space, with IPOP
 * restarts, storage-free: the optimizer's state is never stored, it is <em>replayed</em> from
 * the history on every call.
 *
 * <pre>{@code
 * CmaEs cma = CmaEs.builder().seed(42).build();
 * CmaEs.Ask next = cma.ask(numericSpace, history, Direction.MINIMIZE, new Rng(trialSeed));
 * // evaluate next.params(), then history.add(new CmaEs.Evaluated(next.params(), value,
 * //     next.restart(), next.generation()))
 * }</pre>
 *
 * <ul>
 *   <li><b>Coordinates.</b> The search space's parameters, in its order, as a point of {@code [0,
 *       1]^n} ({@link UnitCube}: log parameters in log space, ints and steps widened by half a step
 *       and rounded to their grid when decoded). Restart 0 starts at the centre with {@code
 *       sigma0} (default 1/6, Optuna's {@code min(range) / 6} of the cube).
 *   <li><b>Tags.</b> Each asked point belongs to a restart and a generation of it; the caller
 *       keeps that tag with the trial ({@link Ask#restart()}, {@link Ask#generation()}) and hands
 *       it back with the value ({@link Evaluated}). Trials without a tag (the start-up trials, those
 *       another sampler proposed) take no part, as in Optuna.
 *   <li><b>Replay.</b> From a fresh optimizer: while the current (restart, generation) has at least
 *       {@code lambda} evaluated trials, the first {@code lambda} of them in history order are told
 *       (surplus ones, asked by parallel workers, are ignored, as Optuna does), their points being
 *       the stored values re-encoded (so an int is told at its grid value). After each tell, if
 *       restarts are on and {@link CmaEsOptimizer#stop()} holds, restart {@code r + 1} begins with
 *       {@code lambda} multiplied by {@code incPopsize} (IPOP, default 2), a uniform random mean
 *       drawn from {@code Rng(seed, r + 1)}, and {@code sigma0}. The point asked next comes from the
 *       optimizer reached, with the caller's random source.
 *   <li><b>Cost.</b> One pass over the history and one tell per generation: {@code O(N n + G
 *       (lambda n^2 + n^3))} for {@code N} trials and {@code G} generations.
 * </ul>
 *
 * <p>Deterministic: the options, the search space, the history (its order, values and tags) and
 * the random source's state decide the point. A change of the search space (the intersection of
 * the trials' parameters shrank) replays the same tags in the new coordinates.
 */
public final class CmaEs {
  private final int populationSize;
  private final double sigma0;
  private final boolean restarts;
  private final int incPopsize;
  private final long seed;

  private CmaEs(Builder b) {
    this.populationSize = b.populationSize;
    this.sigma0 = b.sigma0;
    this.restarts = b.restarts;
    this.incPopsize = b.incPopsize;
    this.seed = b.seed;
  }

  /** The defaults: population {@code 4 + floor(3 ln n)}, sigma0 1/6, IPOP restarts (factor 2), seed 0. */
  public static CmaEs defaults() {
    return new Builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A finished trial the optimizer may learn from: its internal values, its objective value and its tag. */
  public record Evaluated(Map<String, Double> params, double value, int restart, int generation) {
    public Evaluated {
      params = Map.copyOf(Objects.requireNonNull(params, "params"));
    }
  }

  /** The point to evaluate next and its tag. */
  public record Ask(Map<String, Double> params, int restart, int generation, int populationSize) {}

  /**
   * The next point.
   *
   * @param searchSpace the numeric parameters to search jointly (none categorical or single-valued)
   * @param history evaluated trials in trial order (untagged ones are not passed)
   * @param rng the random source of this point only
   * @throws IllegalArgumentException if the search space is empty or holds a categorical or a
   *     single-valued distribution
   */
  public Ask ask(Map<String, Distribution> searchSpace, List<Evaluated> history, Direction direction, Rng rng) {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(rng, "rng");
    if (searchSpace.isEmpty()) {
      throw new IllegalArgumentException("the CMA-ES search space is empty: sample the parameters independently");
    }
    UnitCube cube = new UnitCube(searchSpace);
    Replay replay = replay(cube, history, direction);
    double[] x = replay.optimizer.ask(rng);
    return new Ask(cube.decode(x), replay.restart, replay.optimizer.generation(), replay.optimizer.populationSize());
  }

  /** The optimizer and restart index that the history leads to. */
  record Replay(CmaEsOptimizer optimizer, int restart) {}

  Replay replay(UnitCube cube, List<Evaluated> history, Direction direction) {
    // One pass: the encoded points and losses of each (restart, generation), in history order.
    Map<Long, List<double[]>> points = new HashMap<>();
    Map<Long, List<Double>> losses = new HashMap<>();
    for (Evaluated e : history) {
      double loss = direction.sign() * e.value();
      double[] x = cube.encode(e.params());
      if (x == null || !Double.isFinite(loss)) {
        continue;
      }
      long key = key(e.restart(), e.generation());
      points.computeIfAbsent(key, k -> new ArrayList<>()).add(x);
      losses.computeIfAbsent(key, k -> new ArrayList<>()).add(loss);
    }
    int n = cube.dimension();
    int restart = 0;
    int lambda = populationSize == 0 ? CmaEsOptimizer.defaultPopulationSize(n) : populationSize;
    CmaEsOptimizer optimizer = start(n, lambda, restart);
    while (true) {
      long key = key(restart, optimizer.generation());
      List<double[]> xs = points.getOrDefault(key, List.of());
      if (xs.size() < optimizer.populationSize()) {
        return new Replay(optimizer, restart);
      }
      List<Double> fs = losses.get(key);
      double[] f = new double[optimizer.populationSize()];
      for (int k = 0; k < f.length; k++) {
        f[k] = fs.get(k);
      }
      optimizer.tell(xs.subList(0, f.length), f);
      if (restarts && optimizer.stop().isPresent()) {
        restart++;
        optimizer = start(n, optimizer.populationSize() * incPopsize, restart);
      }
    }
  }

  /** Restart 0 at the centre; later ones at a uniform point drawn from (seed, restart). */
  private CmaEsOptimizer start(int n, int lambda, int restart) {
    double[] mean = new double[n];
    if (restart == 0) {
      java.util.Arrays.fill(mean, 0.5);
    } else {
      Rng rng = new Rng(mix(seed, restart));
      for (int i = 0; i < n; i++) {
        mean[i] = rng.nextDouble();
      }
    }
    return new CmaEsOptimizer(mean, sigma0, lambda);
  }

  private static long key(int restart, int generation) {
    return ((long) restart << 32) | (generation & 0xffffffffL);
  }

  /** SplitMix64's finalizer over the seed and a counter. */
  private static long mix(long seed, long n) {
    long z = seed + 0x9E3779B97F4A7C15L * (n + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  // ---- options ------------------------------------------------------------------------------

  /** {@code lambda} of restart 0, or 0 for {@code 4 + floor(3 ln n)}. */
  public int populationSize() {
    return populationSize;
  }

  public double sigma0() {
    return sigma0;
  }

  public boolean restarts() {
    return restarts;
  }

  public int incPopsize() {
    return incPopsize;
  }

  public long seed() {
    return seed;
  }

  /** Options; every setter checks its value. */
  public static final class Builder {
    private int populationSize;
    private double sigma0 = 1.0 / 6;
    private boolean restarts = true;
    private int incPopsize = 2;
    private long seed;

    private Builder() {}

    private Builder(CmaEs c) {
      populationSize = c.populationSize;
      sigma0 = c.sigma0;
      restarts = c.restarts;
      incPopsize = c.incPopsize;
      seed = c.seed;
    }

    /** Points per generation of the first run ({@code >= 2}), or 0 for {@code 4 + floor(3 ln n)}. */
    public Builder populationSize(int lambda) {
      if (lambda != 0 && lambda < 2) {
        throw new IllegalArgumentException("populationSize must be >= 2, or 0 for 4 + floor(3 ln n); got " + lambda);
      }
      this.populationSize = lambda;
      return this;
    }

    /** The initial step size in the unit cube, in (0, 1]; default 1/6. */
    public Builder sigma0(double sigma) {
      if (!(sigma > 0 && sigma <= 1)) {
        throw new IllegalArgumentException("sigma0 is a step in the unit cube and must be in (0, 1], got " + sigma);
      }
      this.sigma0 = sigma;
      return this;
    }

    /** IPOP restarts when a run stagnates (default on); off, a stagnated run goes on. */
    public Builder restarts(boolean on) {
      this.restarts = on;
      return this;
    }

    /** The factor of the population size at each restart ({@code >= 1}; default 2). */
    public Builder incPopsize(int factor) {
      if (factor < 1) {
        throw new IllegalArgumentException("incPopsize must be >= 1, got " + factor);
      }
      this.incPopsize = factor;
      return this;
    }

    /** The seed of the restarts' start points (each asked point uses the caller's random source). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public CmaEs build() {
      return new CmaEs(this);
    }
  }
}
