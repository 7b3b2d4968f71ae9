package io.paramspace.samplers;

import java.util.Arrays;

/**
 * The joint Parzen estimator of one set of observations (the good trials, for l, or the others, for
 * g): a mixture with one component per observation and one prior component,
 *
 * <pre>
 * p(x) = w_0 prod_{j in A(x)} prior_j(x_j) + sum_i w_i prod_{j in A(x)} K_ij(x_j)
 * </pre>
 *
 * where {@code A(x)} is the set of parameters active in the configuration {@code x} and {@code K_ij}
 * is observation {@code i}'s kernel of parameter {@code j} if {@code j} was active in {@code i}, and
 * otherwise the marginal of {@code j} over the observations of the set in which it was active
 * ({@link ParamKernels#logMarginal}). Each component is a proper distribution over the
 * tree-structured space (one normalized factor per active parameter, given the path), so {@code p}
 * is one too, and drawing a component then walking the space's tree with its kernels draws from
 * {@code p} exactly.
 */
final class Parzen {
  /** Number of observations. */
  final int n;
  final double[] logWeight;
  final double logPriorWeight;
  /** Cumulative normalized weights: observations, then the prior (ends at +inf). */
  private final double[] cumulative;
  /** Per parameter index. */
  final ParamKernels[] kernels;

  /**
   * @param values per observation of the set (in chronological order), its internal values by
   *     parameter index, NaN where inactive
   * @param weights the observations' unnormalized weights
   * @param priorWeight the prior component's weight, on the scale of {@code weights}
   * @param goodSet whether this is the good set's estimator (l) or the bad set's (g)
   */
  Parzen(Param[] params, double[][] values, double[] weights, double priorWeight, Tpe options, boolean goodSet) {
    this.n = values.length;
    if (n == 0) {
      priorWeight = 1;
    }
    double total = priorWeight;
    for (double w : weights) {
      total += w;
    }
    logWeight = new double[n];
    cumulative = new double[n + 1];
    double c = 0;
    for (int i = 0; i < n; i++) {
      logWeight[i] = Math.log(weights[i] / total);
      c += weights[i] / total;
      cumulative[i] = c;
    }
    logPriorWeight = Math.log(priorWeight / total);
    cumulative[n] = Double.POSITIVE_INFINITY;

    kernels = new ParamKernels[params.length];
    double clip = goodSet ? options.magicClipExponent() : options.badClipExponent();
    int[] present = new int[n];
    int[] absent = new int[n];
    int[] identity = null;
    int[] none = new int[0];
    for (Param p : params) {
      int m = 0;
      int lacking = 0;
      for (int i = 0; i < n; i++) {
        if (Double.isNaN(values[i][p.index])) {
          absent[lacking++] = i;
        } else {
          present[m++] = i;
        }
      }
      double[] v = new double[m];
      for (int k = 0; k < m; k++) {
        v[k] = values[present[k]][p.index];
      }
      if (lacking == 0) { // every observation has it (the common case): share the index and weights
        if (identity == null) {
          identity = present.clone();
        }
        kernels[p.index] = new ParamKernels(p, v, identity, none, weights, priorWeight, options, params.length, clip);
      } else {
        double[] w = new double[m];
        for (int k = 0; k < m; k++) {
          w[k] = weights[present[k]];
        }
        kernels[p.index] = new ParamKernels(p, v, Arrays.copyOf(present, m), Arrays.copyOf(absent, lacking), w,
            priorWeight, options, params.length, clip);
      }
    }
  }

  /** The component whose cumulative weight first exceeds {@code u}: an observation, or -1 for the prior. */
  int pickComponent(double u) {
    int k = ParamKernels.firstAbove(cumulative, u);
    return k >= n ? -1 : k;
  }

  /** Kernel slot of observation {@code obs} for parameter {@code p}, or -1 if it lacks it. */
  int slot(int p, int obs) {
    ParamKernels k = kernels[p];
    if (k.lacking.length == 0) {
      return obs;
    }
    int s = Arrays.binarySearch(k.obsOf, obs);
    return s >= 0 ? s : -1;
  }

  /** Scratch arrays for {@link #logDensity}, sized for this set; one per thread. */
  Scratch scratch() {
    int maxM = 0;
    for (ParamKernels k : kernels) {
      maxM = Math.max(maxM, k.m);
    }
    return new Scratch(n, maxM);
  }

  static final class Scratch {
    final double[] acc;
    final double[] marginal;
    final double[] cell = new double[2];

    Scratch(int n, int m) {
      acc = new double[n];
      marginal = new double[m];
    }
  }

  /**
   * Adds each observation's log factor for parameter {@code p} at {@code v} to {@code acc}: its
   * kernel, or the marginal of {@code p} if it lacked {@code p}; returns the prior kernel's.
   */
  double addLogFactor(int p, double v, double[] acc, Scratch s) {
    ParamKernels k = kernels[p];
    if (k.lacking.length > 0) {
      double fallback = k.logMarginal(v, s.cell, s.marginal);
      for (int i : k.lacking) {
        acc[i] += fallback;
      }
    }
    k.addLogKernels(v, acc, s.cell);
    return k.logPrior(v, s.cell);
  }

  /** {@code log(exp(prior) + sum_i exp(acc[i]))}, skipping terms too small to count. */
  static double logSumExp(double[] acc, int n, double prior) {
    double max = prior;
    for (int i = 0; i < n; i++) {
      if (acc[i] > max) {
        max = acc[i];
      }
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    // Terms more than 40 below the largest add less than 1e-17 each: skip their exp.
    double floor = max - 40;
    double sum = Math.exp(prior - max);
    for (int i = 0; i < n; i++) {
      double a = acc[i];
      if (a > floor) {
        sum += Math.exp(a - max);
      }
    }
    return max + Math.log(sum);
  }

  /**
   * {@code log p(x)} for the configuration whose internal values are {@code values} (by parameter
   * index) with the parameters {@code active[0..activeCount)} active.
   */
  double logDensity(double[] values, int[] active, int activeCount, Scratch s) {
    double[] acc = s.acc;
    System.arraycopy(logWeight, 0, acc, 0, n);
    double prior = logPriorWeight;
    for (int a = 0; a < activeCount; a++) {
      int p = active[a];
      prior += addLogFactor(p, values[p], acc, s);
    }
    return logSumExp(acc, n, prior);
  }
}
