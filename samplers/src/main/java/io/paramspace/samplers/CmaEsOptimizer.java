package io.paramspace.samplers;

import io.paramspace.runtime.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Hansen's (mu/mu_w, lambda)-CMA-ES with ask and tell, in the box {@code [0, 1]^n}: the
 * evolution strategy with covariance matrix adaptation as in "The CMA Evolution Strategy: A
 * Tutorial" (Hansen 2016, arXiv:1604.00772), with the tutorial's default parameters, which are
 * also those of the {@code cmaes} library behind Optuna's {@code CmaEsSampler}.
 *
 * <p>Why the engine is written here: commons-math3's {@code CMAESOptimizer} (and Hipparchus',
 * its fork) is a closed loop, {@code optimize(...)} calls the objective itself until it stops,
 * with no way to ask for a point, hand back a value later, or rebuild its state from past
 * generations. A study needs exactly that: each trial is asked by some worker, evaluated
 * elsewhere, and told through the storage. The eigendecomposition is commons-math3's.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code lambda} (default {@code 4 + floor(3 ln n)}), {@code mu =
 *       floor(lambda / 2)}; weights {@code w'_i = ln((lambda + 1) / 2) - ln i}, the positive ones
 *       normalized to sum 1, the negative ones ("active" CMA, the tutorial's default) scaled to
 *       the tutorial's {@code min(alpha_mu, alpha_mueff, alpha_posdef) / sum |w'_neg|}; learning
 *       rates {@code c_sigma, d_sigma, c_c, c_1, c_mu} by the tutorial's formulas (eq. 55-58).
 *   <li><b>Ask.</b> {@code x = m + sigma B D z}, {@code z ~ N(0, I)} from the given {@link Rng}
 *       (by inversion of the normal distribution, so the stream is portable). Bounds by
 *       resampling: up to {@code 10 n} draws (Optuna's {@code n_max_resampling}) until one lies in
 *       the box, then the last one clipped into it (repair).
 *   <li><b>Tell.</b> Exactly {@code lambda} points with their losses (smaller is better; ties keep
 *       the given order): weighted recombination of the mean, cumulation of {@code p_sigma} and
 *       {@code p_c} (with the tutorial's stall {@code h_sigma}), the rank-one and rank-mu updates
 *       of {@code C} (negative weights rescaled by {@code n / |C^-1/2 y_i|^2}), cumulative step-size
 *       adaptation, and a new eigendecomposition (eigenvalues below 1e-8 lifted to 1e-8).
 *   <li><b>Termination</b> ({@link #stop()}), the {@code cmaes} library's set with Hansen's
 *       definitions: {@link Stop#TOL_FUN} the best and worst losses of the last {@code 10 +
 *       ceil(30 n / lambda)} generations span less than 1e-12; {@link Stop#TOL_X} {@code sigma
 *       sqrt(C_ii)} and {@code sigma |p_c,i|} below {@code 1e-12 sigma0} in every coordinate (the
 *       library compares {@code sigma C_ii}); {@link Stop#TOL_X_UP} {@code sigma max(D) > 1e4};
 *       {@link Stop#NO_EFFECT_COORD} and {@link Stop#NO_EFFECT_AXIS} (adding 0.2 standard
 *       deviations in a coordinate, or 0.1 along one principal axis, generation modulo {@code n},
 *       leaves the mean unchanged); {@link Stop#CONDITION_COV} the condition number of {@code C}
 *       above 1e14 (the library compares the square root of it).
 * </ul>
 *
 * <p>Mutable, not thread-safe: a sampler builds one per call by replaying the history (see {@link
 * CmaEs}). Deterministic: the same tells and the same random sources give the same points.
 */
public final class CmaEsOptimizer {
  private static final double EPS = 1e-8;
  private static final double TOL_FUN = 1e-12;
  private static final double TOL_X_FACTOR = 1e-12;
  private static final double TOL_X_UP = 1e4;
  private static final double TOL_CONDITION = 1e14;

  /** Why a run has stagnated (or diverged), see the class comment. */
  public enum Stop {
    TOL_FUN,
    TOL_X,
    TOL_X_UP,
    NO_EFFECT_COORD,
    NO_EFFECT_AXIS,
    CONDITION_COV
  }

  private final int n;
  private final int lambda;
  private final int mu;
  private final double[] weights;
  private final double muEff;
  private final double cSigma;
  private final double dSigma;
  private final double cc;
  private final double c1;
  private final double cMu;
  private final double chiN;
  private final double tolX;
  private final int maxResampling;

  private final double[] mean;
  private double sigma;
  private final double[][] c;
  private final double[] pSigma;
  private final double[] pc;
  // C = B diag(d)^2 B^T, kept up to date after every tell.
  private double[][] b;
  private double[] d;
  private int generation;
  // Best and worst loss of the last funHistTerm generations, as a ring.
  private final int funHistTerm;
  private final double[] funHist;

  /**
   * A run from {@code mean} with step size {@code sigma} and identity covariance.
   *
   * @param mean the start point, inside {@code [0, 1]^n}, {@code n >= 1}
   * @param sigma the initial step size, {@code > 0} (Optuna's default in the unit cube: 1/6)
   * @param populationSize {@code lambda >= 2}, or 0 for the default {@code 4 + floor(3 ln n)}
   * @throws IllegalArgumentException if an argument is outside those ranges
   */
  public CmaEsOptimizer(double[] mean, double sigma, int populationSize) {
    Objects.requireNonNull(mean, "mean");
    n = mean.length;
    if (n < 1) {
      throw new IllegalArgumentException("CMA-ES needs at least one dimension, got a mean of length 0");
    }
    for (int i = 0; i < n; i++) {
      if (!(mean[i] >= 0 && mean[i] <= 1)) {
        throw new IllegalArgumentException("the mean must lie in the unit cube; coordinate " + i + " is " + mean[i]);
      }
    }
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be positive and finite, got " + sigma);
    }
    if (populationSize != 0 && populationSize < 2) {
      throw new IllegalArgumentException("populationSize must be >= 2 (or 0 for the default), got " + populationSize);
    }
    lambda = populationSize == 0 ? defaultPopulationSize(n) : populationSize;
    mu = lambda / 2;

    double[] raw = new double[lambda];
    for (int i = 0; i < lambda; i++) {
      raw[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
    }
    muEff = effectiveMass(raw, 0, mu);
    double muEffMinus = mu < lambda ? effectiveMass(raw, mu, lambda) : 0;
    double alphaCov = 2;
    c1 = alphaCov / ((n + 1.3) * (n + 1.3) + muEff);
    cMu = Math.min(1 - c1, alphaCov * (muEff - 2 + 1 / muEff) / ((n + 2.0) * (n + 2.0) + alphaCov * muEff / 2));
    double alphaMinus = Math.min(1 + c1 / cMu, Math.min(1 + 2 * muEffMinus / (muEff + 2), (1 - c1 - cMu) / (n * cMu)));
    double positive = 0;
    double negative = 0;
    for (double w : raw) {
      if (w > 0) {
        positive += w;
      } else {
        negative -= w;
      }
    }
    weights = new double[lambda];
    for (int i = 0; i < lambda; i++) {
      weights[i] = raw[i] >= 0 ? raw[i] / positive : alphaMinus * raw[i] / negative;
    }
    cSigma = (muEff + 2) / (n + muEff + 5);
    dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
    cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
    chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
    tolX = TOL_X_FACTOR * sigma;
    maxResampling = 10 * n;

    this.mean = mean.clone();
    this.sigma = sigma;
    c = new double[n][n];
    b = new double[n][n];
    d = new double[n];
    for (int i = 0; i < n; i++) {
      c[i][i] = 1;
      b[i][i] = 1;
      d[i] = 1;
    }
    pSigma = new double[n];
    pc = new double[n];
    funHistTerm = 10 + (int) Math.ceil(30.0 * n / lambda);
    funHist = new double[2 * funHistTerm];
  }

  /** {@code 4 + floor(3 ln n)}, the tutorial's default population size (eq. 48). */
  public static int defaultPopulationSize(int n) {
    return 4 + (int) Math.floor(3 * Math.log(n));
  }

  private static double effectiveMass(double[] w, int from, int to) {
    double sum = 0;
    double squares = 0;
    for (int i = from; i < to; i++) {
      sum += w[i];
      squares += w[i] * w[i];
    }
    return sum * sum / squares;
  }

  // ---- ask ----------------------------------------------------------------------------------

  /** A point of {@code [0, 1]^n} drawn from {@code N(m, sigma^2 C)}, resampled or repaired into the box. */
  public double[] ask(Rng rng) {
    Objects.requireNonNull(rng, "rng");
    double[] x = sample(rng);
    for (int i = 1; i < maxResampling && !inBox(x); i++) {
      x = sample(rng);
    }
    for (int i = 0; i < n; i++) {
      x[i] = Math.max(0, Math.min(1, x[i]));
    }
    return x;
  }

  private double[] sample(Rng rng) {
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = d[i] * Normal.lowerTailInverse(openUnit(rng));
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += b[i][j] * z[j];
      }
      x[i] = mean[i] + sigma * s;
    }
    return x;
  }

  /** A uniform double in the open interval (0, 1), so that its normal quantile is finite. */
  private static double openUnit(Rng rng) {
    return ((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
  }

  private static boolean inBox(double[] x) {
    for (double v : x) {
      if (!(v >= 0 && v <= 1)) {
        return false;
      }
    }
    return true;
  }

  // ---- tell ---------------------------------------------------------------------------------

  /**
   * Updates the distribution with one generation.
   *
   * @param points exactly {@link #populationSize()} points of {@code [0, 1]^n}, as asked (or as
   *     rounded to a parameter's grid: any points of the box may be told)
   * @param losses their losses, smaller is better; finite
   * @throws IllegalArgumentException if the counts, a point's dimension or a loss is wrong
   */
  public void tell(List<double[]> points, double[] losses) {
    if (points.size() != lambda || losses.length != lambda) {
      throw new IllegalArgumentException("a generation has " + lambda + " points and losses, got " + points.size()
          + " points and " + losses.length + " losses");
    }
    Integer[] order = new Integer[lambda];
    for (int k = 0; k < lambda; k++) {
      if (points.get(k).length != n) {
        throw new IllegalArgumentException("point " + k + " has " + points.get(k).length + " coordinates, not " + n);
      }
      if (!Double.isFinite(losses[k])) {
        throw new IllegalArgumentException("loss " + k + " is " + losses[k] + "; CMA-ES needs finite losses");
      }
      order[k] = k;
    }
    Arrays.sort(order, (p, q) -> Double.compare(losses[p], losses[q]));
    int slot = 2 * (generation % funHistTerm);
    funHist[slot] = losses[order[0]];
    funHist[slot + 1] = losses[order[lambda - 1]];

    // y_k = (x_k - m) / sigma in rank order; y_w their weighted mean over the mu best.
    double[][] y = new double[lambda][n];
    double[] yw = new double[n];
    for (int r = 0; r < lambda; r++) {
      double[] x = points.get(order[r]);
      for (int i = 0; i < n; i++) {
        y[r][i] = (x[i] - mean[i]) / sigma;
        if (r < mu) {
          yw[i] += weights[r] * y[r][i];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      mean[i] += sigma * yw[i];
    }

    double[] whitenedW = invSqrtC(yw);
    double sp = Math.sqrt(cSigma * (2 - cSigma) * muEff);
    double normPs = 0;
    for (int i = 0; i < n; i++) {
      pSigma[i] = (1 - cSigma) * pSigma[i] + sp * whitenedW[i];
      normPs += pSigma[i] * pSigma[i];
    }
    normPs = Math.sqrt(normPs);
    double hSigma = normPs / Math.sqrt(1 - Math.pow(1 - cSigma, 2.0 * (generation + 1)))
        < (1.4 + 2.0 / (n + 1)) * chiN ? 1 : 0;
    double scc = hSigma * Math.sqrt(cc * (2 - cc) * muEff);
    for (int i = 0; i < n; i++) {
      pc[i] = (1 - cc) * pc[i] + scc * yw[i];
    }

    double[] wo = new double[lambda];
    double weightSum = 0;
    for (int r = 0; r < lambda; r++) {
      weightSum += weights[r];
      if (weights[r] >= 0) {
        wo[r] = weights[r];
      } else {
        double[] wy = invSqrtC(y[r]);
        double sq = 0;
        for (double v : wy) {
          sq += v * v;
        }
        wo[r] = weights[r] * n / (sq + EPS);
      }
    }
    double delta = (1 - hSigma) * cc * (2 - cc);
    double keep = 1 + c1 * delta - c1 - cMu * weightSum;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double rankMu = 0;
        for (int r = 0; r < lambda; r++) {
          rankMu += wo[r] * y[r][i] * y[r][j];
        }
        double v = keep * c[i][j] + c1 * pc[i] * pc[j] + cMu * rankMu;
        c[i][j] = v;
        c[j][i] = v;
      }
    }

    sigma *= Math.exp(cSigma / dSigma * (normPs / chiN - 1));
    sigma = Math.min(sigma, 1e32);
    generation++;
    decompose();
  }

  /** {@code C^-1/2 v = B D^-1 B^T v}. */
  private double[] invSqrtC(double[] v) {
    double[] t = new double[n];
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += b[i][j] * v[i];
      }
      t[j] = s / d[j];
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += b[i][j] * t[j];
      }
      out[i] = s;
    }
    return out;
  }

  private void decompose() {
    RealMatrix m = new Array2DRowRealMatrix(c, false);
    EigenDecomposition eigen = new EigenDecomposition(m);
    RealMatrix v = eigen.getV();
    double[] values = eigen.getRealEigenvalues();
    b = v.getData();
    d = new double[n];
    for (int k = 0; k < n; k++) {
      d[k] = Math.sqrt(Math.max(values[k], EPS));
    }
    // C again from its (lifted) eigenvalues, so that it stays symmetric positive definite.
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += b[i][k] * d[k] * d[k] * b[j][k];
        }
        c[i][j] = s;
        c[j][i] = s;
      }
    }
  }

  // ---- termination --------------------------------------------------------------------------

  /** The first criterion of the class comment that holds now, if any. */
  public Optional<Stop> stop() {
    if (generation > funHistTerm) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double v : funHist) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      if (hi - lo < TOL_FUN) {
        return Optional.of(Stop.TOL_FUN);
      }
    }
    boolean small = true;
    for (int i = 0; i < n && small; i++) {
      small = sigma * Math.sqrt(c[i][i]) < tolX && sigma * Math.abs(pc[i]) < tolX;
    }
    if (small) {
      return Optional.of(Stop.TOL_X);
    }
    double dMax = 0;
    double dMin = Double.POSITIVE_INFINITY;
    for (double v : d) {
      dMax = Math.max(dMax, v);
      dMin = Math.min(dMin, v);
    }
    if (sigma * dMax > TOL_X_UP) {
      return Optional.of(Stop.TOL_X_UP);
    }
    for (int i = 0; i < n; i++) {
      if (mean[i] == mean[i] + 0.2 * sigma * Math.sqrt(c[i][i])) {
        return Optional.of(Stop.NO_EFFECT_COORD);
      }
    }
    int axis = generation % n;
    boolean noEffect = true;
    for (int i = 0; i < n && noEffect; i++) {
      noEffect = mean[i] == mean[i] + 0.1 * sigma * d[axis] * b[i][axis];
    }
    if (noEffect) {
      return Optional.of(Stop.NO_EFFECT_AXIS);
    }
    if ((dMax / dMin) * (dMax / dMin) > TOL_CONDITION) {
      return Optional.of(Stop.CONDITION_COV);
    }
    return Optional.empty();
  }

  // ---- state --------------------------------------------------------------------------------

  public int dimension() {
    return n;
  }

  /** {@code lambda}, the number of points per generation. */
  public int populationSize() {
    return lambda;
  }

  /** The number of generations told so far. */
  public int generation() {
    return generation;
  }

  public double[] mean() {
    return mean.clone();
  }

  public double sigma() {
    return sigma;
  }

  /** A copy of the covariance matrix {@code C} (the distribution is {@code N(m, sigma^2 C)}). */
  public double[][] covariance() {
    double[][] copy = new double[n][];
    for (int i = 0; i < n; i++) {
      copy[i] = c[i].clone();
    }
    return copy;
  }

  /** The recombination weights, by rank (the last {@code lambda - mu} negative). */
  double[] weights() {
    return weights.clone();
  }
}
