package io.paramspace.samplers;

import io.paramspace.runtime.Rng;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernels of one parameter in one set of observations (the good set or the bad set): one
 * kernel per observation in which the parameter was active, plus the prior kernel, and the
 * parameter's marginal mixture over them.
 *
 * <p>Kernels, in the kernel coordinate {@code y} of {@link Param}:
 *
 * <ul>
 *   <li>continuous: a Gaussian {@code N(mu, sigma)} truncated to {@code [lo, hi]}; the density is in
 *       {@code y} (for a log parameter the Jacobian {@code 1/v} is the same in l and g and cancels);
 *   <li>discrete: the mass of the value's cell under that truncated Gaussian, so the masses of the
 *       grid values sum to one;
 *   <li>categorical: Optuna's kernel: with {@code a = priorWeight * C / (m + 1)} ({@code C} choices,
 *       {@code m} kernels) and the space's normalized choice weights {@code pi},
 *       {@code p(k) = (a pi_k + [k == observed]) / (a + 1)};
 *   <li>the prior kernel: {@code N(mid, hi - lo)} truncated for numbers, {@code pi} for choices.
 * </ul>
 *
 * <p>Bandwidths follow Optuna: each kernel's sigma is the larger gap to its neighbours among the
 * sorted centres (the interval ends count as neighbours unless {@code considerEndpoints} is off, in
 * which case the outermost centres use their one inner gap), clipped to {@code [(hi - lo) max(0.01,
 * (m + 2)^-e), hi - lo]} ("magic clip"; Optuna's is {@code e = 1} for both sets; here {@code e} is
 * {@link Tpe#magicClipExponent()}, default 1.5, except for a continuous parameter of the joint
 * model's bad set, where it is {@link Tpe#badClipExponent()}, default 0.75); or, for {@link
 * Tpe.Bandwidth#SCOTT}, {@code 0.2 (hi - lo) max(m, 1)^(-1/(d + 4))} for all, Optuna 3's
 * multivariate rule, clipped the same way.
 */
final class ParamKernels {
  final Param param;
  /** Number of observation kernels. */
  final int m;
  /** Index of each kernel's observation in its set; kernels are in the set's order. */
  final int[] obsOf;
  /** Observations of the set that lack this parameter. */
  final int[] lacking;

  // Numeric kernels.
  final double[] mu;
  final double[] sigma;
  final double[] invSigma;
  /** Continuous: -log sigma - log sqrt(2 pi) - logMass; discrete: logMass, both of [lo, hi]. */
  final double[] logNorm;
  final double priorMu;
  final double priorSigma;
  final double priorLogNorm;

  // Categorical kernels.
  final int[] observed;
  /** log p(k) for a kernel that did not observe k, and for one that did. */
  final double[] logMiss;
  final double[] logHit;
  final double[] miss;
  final double[] hit;

  // Discrete kernels: those of equal centre and bandwidth share one mass per value (many
  // observations of a grid value, and many sigmas at the clip's minimum), computed once per class.
  /** The class of each kernel; null for other kinds. */
  private final int[] classOf;
  /** A representative kernel of each class. */
  private final int[] classKernel;
  /**
   * Per grid value scored so far, its log mass under each class, and under the marginal: the
   * candidates of one proposal repeat a few grid values many times, and every mass costs a
   * difference of two normal tails.
   */
  private Map<Double, double[]> classLogCache;
  private Map<Double, Double> marginalCache;

  private final double[] weights;
  private final double priorWeight;
  // The marginal mixture, computed on first use (a set whose observations all have the parameter
  // needs it only for independent sampling): log weights of the kernels, then of the prior.
  private double[] logMarginalWeight;
  private double logMarginalPriorWeight;
  private double[] marginalCumulative;

  /**
   * @param values the internal values of the kernels' observations, in set order (kept: not to be
   *     changed afterwards)
   * @param obsOf the set index of each value's observation
   * @param lacking the set indices of the observations that lack the parameter
   * @param weights the (unnormalized) mixture weight of each value's observation
   * @param priorWeight the prior component's weight in the marginal, on the scale of {@code weights}
   * @param dims the number of parameters, for Scott's rule
   * @param continuousClipExponent the magic clip's exponent if the parameter is continuous (a
   *     discrete one's is {@link Tpe#magicClipExponent()})
   */
  ParamKernels(Param param, double[] values, int[] obsOf, int[] lacking, double[] weights, double priorWeight,
      Tpe options, int dims, double continuousClipExponent) {
    this.param = param;
    this.m = values.length;
    this.obsOf = obsOf;
    this.lacking = lacking;

    this.weights = weights;
    this.priorWeight = priorWeight;

    if (param.kind == Param.Kind.CATEGORICAL) {
      mu = sigma = invSigma = logNorm = null;
      priorMu = priorSigma = priorLogNorm = 0;
      classOf = classKernel = null;
      int c = param.choices();
      // Optuna's share of the prior in a categorical kernel: priorWeight / (m + 1) per choice,
      // from the option (not the mixture's prior weight, which is on the scale of the weights).
      double a = options.priorWeight() * c / (m + 1);
      observed = new int[m];
      for (int k = 0; k < m; k++) {
        observed[k] = (int) values[k];
      }
      logMiss = new double[c];
      logHit = new double[c];
      miss = new double[c];
      hit = new double[c];
      double logDenominator = Math.log(a + 1);
      for (int k = 0; k < c; k++) {
        miss[k] = a * param.prior[k] / (a + 1);
        hit[k] = (a * param.prior[k] + 1) / (a + 1);
        logMiss[k] = Math.log(a * param.prior[k]) - logDenominator;
        logHit[k] = Math.log1p(a * param.prior[k]) - logDenominator;
      }
      return;
    }
    observed = null;
    logMiss = logHit = miss = hit = null;

    double lo = param.lo;
    double hi = param.hi;
    double range = hi - lo;
    if (param.log) {
      mu = new double[m];
      for (int k = 0; k < m; k++) {
        mu[k] = param.toKernel(values[k]);
      }
    } else {
      mu = values; // the caller's own copy: the centres are the values
    }
    double clipExponent =
        param.kind == Param.Kind.CONTINUOUS ? continuousClipExponent : options.magicClipExponent();
    sigma = bandwidths(mu, lo, hi, options, dims, clipExponent);
    invSigma = new double[m];
    logNorm = new double[m];
    double lastSigma = Double.NaN;
    double logSigma = 0;
    // Kernels of one centre and bandwidth (a grid value observed many times) are one class and
    // share their mass.
    boolean discrete = param.kind == Param.Kind.DISCRETE;
    Map<CentreAndWidth, Integer> classIndex = discrete ? new HashMap<>() : null;
    int[] classes = discrete ? new int[m] : null;
    int[] representative = discrete ? new int[m] : null;
    for (int k = 0; k < m; k++) {
      double sk = sigma[k];
      if (sk != lastSigma) { // many sigmas are the clip's minimum: one log for them all
        lastSigma = sk;
        logSigma = Math.log(sk);
      }
      invSigma[k] = 1 / sk;
      double inv = invSigma[k];
      double centre = mu[k];
      if (discrete) {
        Integer known = classIndex.putIfAbsent(new CentreAndWidth(centre, sk), classIndex.size());
        if (known != null) {
          classes[k] = known;
          logNorm[k] = logNorm[representative[known]];
          continue;
        }
        classes[k] = classIndex.size() - 1;
        representative[classes[k]] = k;
      }
      double logMass = Normal.logMass((lo - centre) * inv, (hi - centre) * inv);
      logNorm[k] = param.kind == Param.Kind.CONTINUOUS ? -logSigma - Normal.LOG_SQRT_2PI - logMass : logMass;
    }
    classOf = classes;
    classKernel = discrete ? Arrays.copyOf(representative, classIndex.size()) : null;
    priorMu = 0.5 * (lo + hi);
    priorSigma = range;
    priorLogNorm = norm(priorMu, priorSigma);
  }

  private double norm(double mu, double sigma) {
    double logMass = Normal.logMass((param.lo - mu) / sigma, (param.hi - mu) / sigma);
    if (param.kind == Param.Kind.CONTINUOUS) {
      return -Math.log(sigma) - Normal.LOG_SQRT_2PI - logMass;
    }
    return logMass;
  }

  /**
   * The smallest bandwidth of {@code m} kernels over {@code range}: {@code range * max(0.01, (m +
   * 2)^-exponent)}. With exponent 1 this is Optuna's {@code range / min(100, m + 2)}.
   */
  static double magicClip(double range, int m, double exponent) {
    return range * Math.max(0.01, Math.pow(m + 2.0, -exponent));
  }

  /**
   * Optuna's bandwidths for centres {@code mu} in {@code [lo, hi]}, the magic clip's with {@code
   * clipExponent} (see the class comment).
   */
  static double[] bandwidths(double[] mu, double lo, double hi, Tpe options, int dims, double clipExponent) {
    int m = mu.length;
    double range = hi - lo;
    double[] sigma = new double[m];
    if (m == 0) {
      return sigma;
    }
    double min = options.considerMagicClip() ? magicClip(range, m, clipExponent) : 1e-12;
    if (options.bandwidth() == Tpe.Bandwidth.SCOTT) {
      java.util.Arrays.fill(sigma, 0.2 * range * Math.pow(Math.max(m, 1), -1.0 / (dims + 4)));
    } else if (m >= 64 && range / min <= 4.0 * m) {
      neighbourGapsByBuckets(mu, lo, hi, min, options.considerEndpoints(), sigma);
    } else {
      neighbourGapsBySorting(mu, lo, hi, options.considerEndpoints(), sigma);
    }
    for (int k = 0; k < m; k++) {
      sigma[k] = Math.min(range, Math.max(min, sigma[k]));
    }
    return sigma;
  }

  /** Each centre's larger gap to its sorted neighbours (the range's ends beyond the outermost). */
  static void neighbourGapsBySorting(double[] mu, double lo, double hi, boolean considerEndpoints, double[] out) {
    int m = mu.length;
    int[] order = sortedOrder(mu);
    for (int r = 0; r < m; r++) {
      double centre = mu[order[r]];
      double left = r == 0 ? centre - lo : centre - mu[order[r - 1]];
      double right = r == m - 1 ? hi - centre : mu[order[r + 1]] - centre;
      if (!considerEndpoints && m >= 2) {
        if (r == 0) {
          left = right;
        } else if (r == m - 1) {
          right = left;
        }
      }
      out[order[r]] = Math.max(left, right);
    }
  }

  /**
   * The same gaps as {@link #neighbourGapsBySorting} wherever they reach {@code floor}, in linear
   * time: with buckets {@code floor} wide, two centres in one bucket are less than {@code floor}
   * apart, so only a bucket's first centre (smallest value, first index among ties) can have a
   * left gap of {@code floor} or more, and only its last a right one; every other centre gets 0,
   * which the clip raises to {@code floor} as it would its true gap.
   */
  static void neighbourGapsByBuckets(double[] mu, double lo, double hi, double floor, boolean considerEndpoints,
      double[] out) {
    int m = mu.length;
    int buckets = Math.max(1, (int) Math.ceil((hi - lo) / floor));
    int[] first = new int[buckets];
    int[] last = new int[buckets];
    java.util.Arrays.fill(first, -1);
    for (int i = 0; i < m; i++) {
      int b = Math.min(buckets - 1, Math.max(0, (int) ((mu[i] - lo) / floor)));
      if (first[b] < 0) {
        first[b] = i;
        last[b] = i;
      } else {
        if (mu[i] < mu[first[b]]) {
          first[b] = i;
        }
        if (mu[i] >= mu[last[b]]) {
          last[b] = i;
        }
      }
    }
    java.util.Arrays.fill(out, 0);
    // Cross-bucket gaps: a bucket's first centre to the previous bucket's last one.
    int previous = -1;
    int firstBucket = -1;
    double firstRight = 0; // the right gap of the lowest centre, if it is alone in its bucket
    for (int b = 0; b < buckets; b++) {
      if (first[b] < 0) {
        continue;
      }
      double gap = previous < 0 ? mu[first[b]] - lo : mu[first[b]] - mu[last[previous]];
      if (previous < 0) {
        firstBucket = b;
      } else {
        out[last[previous]] = Math.max(out[last[previous]], gap); // the right gap of the previous last
        if (previous == firstBucket && first[firstBucket] == last[firstBucket]) {
          firstRight = gap;
        }
      }
      out[first[b]] = Math.max(out[first[b]], gap); // the left gap of this first
      previous = b;
    }
    int lowest = first[firstBucket];
    int highest = last[previous];
    double highestRight = hi - mu[highest];
    if (considerEndpoints || m < 2) {
      out[highest] = Math.max(out[highest], highestRight);
    } else {
      // Optuna without endpoints: the outermost centres take their inner gap on both sides.
      out[lowest] = firstRight;
      out[highest] = first[previous] == highest ? mu[highest] - mu[last[prevNonEmpty(first, previous)]] : 0;
    }
  }

  /** The last non-empty bucket before {@code b}. */
  private static int prevNonEmpty(int[] first, int b) {
    for (int c = b - 1; c >= 0; c--) {
      if (first[c] >= 0) {
        return c;
      }
    }
    throw new AssertionError("no bucket before " + b);
  }

  /**
   * The indices of {@code values} in ascending order of value, ties in index order: insertion sort
   * for few values, otherwise a stable LSD radix sort on the order-preserving bits of the doubles
   * (linear time, which matters for the bad set of a long study).
   */
  static int[] sortedOrder(double[] values) {
    int n = values.length;
    int[] order = new int[n];
    if (n < 64) {
      for (int i = 0; i < n; i++) {
        int j = i;
        double v = values[i];
        while (j > 0 && values[order[j - 1]] > v) {
          order[j] = order[j - 1];
          j--;
        }
        order[j] = i;
      }
      return order;
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToLongBits(values[i]);
      keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE); // unsigned order = numeric order
      order[i] = i;
    }
    long[] keys2 = new long[n];
    int[] order2 = new int[n];
    int[] counts = new int[257];
    for (int shift = 0; shift < 64; shift += 8) {
      java.util.Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        counts[(int) ((keys[i] >>> shift) & 0xFF) + 1]++;
      }
      if (counts[(int) ((keys[0] >>> shift) & 0xFF) + 1] == n) {
        continue; // every key has this byte: the pass would not move anything
      }
      for (int b = 0; b < 256; b++) {
        counts[b + 1] += counts[b];
      }
      for (int i = 0; i < n; i++) {
        int to = counts[(int) ((keys[i] >>> shift) & 0xFF)]++;
        keys2[to] = keys[i];
        order2[to] = order[i];
      }
      long[] tk = keys;
      keys = keys2;
      keys2 = tk;
      int[] to = order;
      order = order2;
      order2 = to;
    }
    return order;
  }

  // ---- densities ----------------------------------------------------------------------------

  /** The log-density (log-mass) of the internal value {@code v} under kernel {@code k}. */
  double logKernel(int k, double v, double[] cell) {
    switch (param.kind) {
      case CONTINUOUS -> {
        double z = (param.toKernel(v) - mu[k]) * invSigma[k];
        return logNorm[k] - 0.5 * z * z;
      }
      case DISCRETE -> {
        param.cell(v, cell);
        return Normal.logMass((cell[0] - mu[k]) * invSigma[k], (cell[1] - mu[k]) * invSigma[k]) - logNorm[k];
      }
      default -> {
        int c = (int) v;
        return observed[k] == c ? logHit[c] : logMiss[c];
      }
    }
  }

  /** {@link #logKernel} of {@code v} for each class of discrete kernels. */
  private double[] classLogKernels(double v, double[] cell) {
    if (classLogCache == null) {
      classLogCache = new HashMap<>();
    }
    double[] known = classLogCache.get(v);
    if (known == null) {
      known = computeClassLogKernels(v, cell);
      classLogCache.put(v, known);
    }
    return known;
  }

  private double[] computeClassLogKernels(double v, double[] cell) {
    param.cell(v, cell);
    double left = cell[0];
    double right = cell[1];
    double[] logMass = new double[classKernel.length];
    for (int c = 0; c < logMass.length; c++) {
      int k = classKernel[c];
      logMass[c] = Normal.logMass((left - mu[k]) * invSigma[k], (right - mu[k]) * invSigma[k]) - logNorm[k];
    }
    return logMass;
  }

  /** A discrete kernel's class: its centre and bandwidth. */
  private record CentreAndWidth(double centre, double width) {}

  /** The log-density of {@code v} under the prior kernel. */
  double logPrior(double v, double[] cell) {
    switch (param.kind) {
      case CONTINUOUS -> {
        double z = (param.toKernel(v) - priorMu) / priorSigma;
        return priorLogNorm - 0.5 * z * z;
      }
      case DISCRETE -> {
        param.cell(v, cell);
        return Normal.logMass((cell[0] - priorMu) / priorSigma, (cell[1] - priorMu) / priorSigma) - priorLogNorm;
      }
      default -> {
        return param.logPrior[(int) v];
      }
    }
  }

  /**
   * Adds {@code log K_k(v)} to {@code acc[obsOf[k]]} for every kernel: the hot loop of scoring. For
   * continuous parameters it is one multiply-add per kernel.
   */
  void addLogKernels(double v, double[] acc, double[] cell) {
    switch (param.kind) {
      case CONTINUOUS -> {
        double y = param.toKernel(v);
        double[] mu = this.mu;
        double[] inv = this.invSigma;
        double[] norm = this.logNorm;
        int[] obs = this.obsOf;
        if (lacking.length == 0) {
          for (int k = 0; k < m; k++) {
            double z = (y - mu[k]) * inv[k];
            acc[k] += norm[k] - 0.5 * z * z;
          }
        } else {
          for (int k = 0; k < m; k++) {
            double z = (y - mu[k]) * inv[k];
            acc[obs[k]] += norm[k] - 0.5 * z * z;
          }
        }
      }
      case DISCRETE -> {
        int[] classes = classOf;
        double[] logMass = classLogKernels(v, cell);
        for (int k = 0; k < m; k++) {
          acc[obsOf[k]] += logMass[classes[k]];
        }
      }
      default -> {
        int c = (int) v;
        double h = logHit[c];
        double miss = logMiss[c];
        for (int k = 0; k < m; k++) {
          acc[obsOf[k]] += observed[k] == c ? h : miss;
        }
      }
    }
  }

  /** Computes the marginal mixture's weights: the kernels' and the prior's, normalized together. */
  private void marginalWeights() {
    if (logMarginalWeight != null) {
      return;
    }
    double total = priorWeight;
    for (double w : weights) {
      total += w;
    }
    if (m == 0) {
      total = 1;
    }
    double[] logW = new double[m];
    double[] cumulativeW = new double[m + 1];
    double cumulative = 0;
    for (int k = 0; k < m; k++) {
      logW[k] = Math.log(weights[k] / total);
      cumulative += weights[k] / total;
      cumulativeW[k] = cumulative;
    }
    cumulativeW[m] = Double.POSITIVE_INFINITY;
    logMarginalPriorWeight = m == 0 ? 0 : Math.log(priorWeight / total);
    marginalCumulative = cumulativeW;
    logMarginalWeight = logW;
  }

  /** The log-density of {@code v} under the marginal mixture (kernels and prior). */
  double logMarginal(double v, double[] cell, double[] scratch) {
    if (param.kind != Param.Kind.DISCRETE) {
      return computeLogMarginal(v, cell, scratch);
    }
    if (marginalCache == null) {
      marginalCache = new HashMap<>();
    }
    Double known = marginalCache.get(v);
    if (known == null) {
      known = computeLogMarginal(v, cell, scratch);
      marginalCache.put(v, known);
    }
    return known;
  }

  private double computeLogMarginal(double v, double[] cell, double[] scratch) {
    marginalWeights();
    double priorTerm = logMarginalPriorWeight + logPrior(v, cell);
    if (m == 0) {
      return priorTerm;
    }
    double[] logW = logMarginalWeight;
    switch (param.kind) {
      case CONTINUOUS -> {
        double y = param.toKernel(v);
        for (int k = 0; k < m; k++) {
          double z = (y - mu[k]) * invSigma[k];
          scratch[k] = logW[k] + logNorm[k] - 0.5 * z * z;
        }
      }
      case DISCRETE -> {
        double[] classLog = classLogKernels(v, cell);
        for (int k = 0; k < m; k++) {
          scratch[k] = logW[k] + classLog[classOf[k]];
        }
      }
      default -> {
        int c = (int) v;
        double h = logHit[c];
        double miss = logMiss[c];
        for (int k = 0; k < m; k++) {
          scratch[k] = logW[k] + (observed[k] == c ? h : miss);
        }
      }
    }
    return Parzen.logSumExp(scratch, m, priorTerm);
  }

  // ---- draws --------------------------------------------------------------------------------

  /** A draw (internal value) from kernel {@code k}, or from the prior kernel for {@code k < 0}. */
  double sample(int k, Rng rng) {
    if (param.kind == Param.Kind.CATEGORICAL) {
      int c = param.choices();
      double u = rng.nextDouble();
      double cumulative = 0;
      for (int j = 0; j < c - 1; j++) {
        double p = k < 0 ? param.prior[j] : (observed[k] == j ? hit[j] : miss[j]);
        cumulative += p;
        if (u < cumulative) {
          return j;
        }
      }
      return c - 1;
    }
    double center = k < 0 ? priorMu : mu[k];
    double s = k < 0 ? priorSigma : sigma[k];
    double z = Normal.truncatedQuantile((param.lo - center) / s, (param.hi - center) / s, rng.nextDouble());
    return param.fromKernel(center + s * z);
  }

  /** A draw from the marginal mixture: a kernel by weight (or the prior), then from it. */
  double sampleMarginal(Rng rng) {
    return sample(pickMarginal(rng.nextDouble()), rng);
  }

  /** The kernel whose cumulative marginal weight first exceeds {@code u}, or -1 for the prior. */
  private int pickMarginal(double u) {
    marginalWeights();
    int k = firstAbove(marginalCumulative, u);
    return k >= m ? -1 : k;
  }

  /** The first index whose (non-decreasing) cumulative value exceeds {@code u}. */
  static int firstAbove(double[] cumulative, double u) {
    int lowIndex = 0;
    int highIndex = cumulative.length - 1;
    while (lowIndex < highIndex) {
      int mid = (lowIndex + highIndex) >>> 1;
      if (u < cumulative[mid]) {
        highIndex = mid;
      } else {
        lowIndex = mid + 1;
      }
    }
    return lowIndex;
  }
}
