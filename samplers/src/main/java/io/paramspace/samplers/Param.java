package io.paramspace.samplers;

import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Distribution.CategoricalDistribution;
import io.paramspace.runtime.Distribution.FloatDistribution;
import io.paramspace.runtime.Distribution.IntDistribution;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parameter of the space as the estimator models it: its kind, and for numbers the interval
 * {@code [lo, hi]} of the <em>kernel coordinate</em> {@code y} in which the truncated Gaussians
 * live: {@code y = log(v)} for log parameters, {@code y = v} otherwise; for integers and steps the
 * interval is widened by half a step on each side ({@code [log(low - 1/2), log(high + 1/2)]} for
 * log integers), so that a grid value {@code v} owns the cell {@code [v - step/2, v + step/2]}, as
 * in Optuna.
 */
final class Param {
  enum Kind {
    /** A float without a step: a density in y. */
    CONTINUOUS,
    /** An int, or a float with a step: the mass of the value's cell in y. */
    DISCRETE,
    /** An index among choices. */
    CATEGORICAL
  }

  final int index;
  final String name;
  final Distribution distribution;
  final Kind kind;
  final boolean log;
  /** Bounds of the internal value. */
  final double low;
  final double high;
  /** The step of a discrete parameter (1 for plain ints), 0 otherwise. */
  final double step;
  /** Bounds of the kernel coordinate. */
  final double lo;
  final double hi;
  /** Number of grid values of a discrete parameter, or of choices. */
  final long count;
  /** A categorical's prior: the space's weights, normalized. */
  final double[] prior;
  final double[] logPrior;
  // Decimal form of a float grid, so that 0.1 steps give 0.3 rather than 0.30000000000000004.
  private final BigDecimal decimalLow;
  private final BigDecimal decimalStep;

  private Param(int index, String name, Distribution distribution) {
    this.index = index;
    this.name = name;
    this.distribution = distribution;
    BigDecimal dLow = null;
    BigDecimal dStep = null;
    if (distribution instanceof FloatDistribution f) {
      low = f.low();
      high = f.high();
      log = f.log();
      if (f.step() == null) {
        kind = Kind.CONTINUOUS;
        step = 0;
        lo = log ? Math.log(low) : low;
        hi = log ? Math.log(high) : high;
        count = 0;
      } else {
        kind = Kind.DISCRETE;
        step = f.step();
        lo = low - step / 2;
        hi = high + step / 2;
        count = Math.round((high - low) / step) + 1;
        dLow = BigDecimal.valueOf(low);
        dStep = BigDecimal.valueOf(step);
      }
      prior = null;
      logPrior = null;
    } else if (distribution instanceof IntDistribution i) {
      kind = Kind.DISCRETE;
      low = i.low();
      high = i.high();
      log = i.log();
      step = i.step();
      if (log) {
        lo = Math.log(low - 0.5 * step);
        hi = Math.log(high + 0.5 * step);
      } else {
        lo = low - 0.5 * step;
        hi = high + 0.5 * step;
      }
      count = Math.round((high - low) / step) + 1;
      prior = null;
      logPrior = null;
    } else {
      CategoricalDistribution c = (CategoricalDistribution) distribution;
      kind = Kind.CATEGORICAL;
      log = false;
      int n = c.choices().size();
      low = 0;
      high = n - 1;
      step = 1;
      lo = 0;
      hi = n - 1;
      count = n;
      prior = new double[n];
      logPrior = new double[n];
      double sum = 0;
      for (double w : c.weights()) {
        sum += w;
      }
      for (int k = 0; k < n; k++) {
        prior[k] = c.weights().get(k) / sum;
        logPrior[k] = Math.log(prior[k]);
      }
    }
    decimalLow = dLow;
    decimalStep = dStep;
  }

  /** The parameters of a space's distributions, indexed in their order. */
  static Map<String, Param> of(Map<String, Distribution> distributions) {
    Map<String, Param> params = new LinkedHashMap<>();
    for (Map.Entry<String, Distribution> e : distributions.entrySet()) {
      params.put(e.getKey(), new Param(params.size(), e.getKey(), e.getValue()));
    }
    return params;
  }

  static Param[] array(Map<String, Param> params) {
    return params.values().toArray(new Param[0]);
  }

  /**
   * {@code true} if {@code v} is a value of the current distribution: inside the bounds, on the grid
   * (up to rounding), or a valid choice index.
   */
  boolean contains(double v) {
    if (!(v >= low && v <= high)) {
      return false;
    }
    if (kind == Kind.CONTINUOUS) {
      return true;
    }
    double k = (v - low) / step;
    return Math.abs(k - Math.rint(k)) <= 1e-9 * Math.max(1, Math.abs(k));
  }

  /** The kernel coordinate of an internal value. */
  double toKernel(double v) {
    return log ? Math.log(v) : v;
  }

  /**
   * The cell {@code [left, right]} of a discrete value in kernel coordinates (stored in {@code
   * out[0], out[1]}).
   */
  void cell(double v, double[] out) {
    double half = 0.5 * step;
    if (log) {
      out[0] = Math.log(v - half);
      out[1] = Math.log(v + half);
    } else {
      out[0] = Math.max(lo, v - half);
      out[1] = Math.min(hi, v + half);
    }
  }

  /** The internal value of a kernel coordinate: back from log, onto the grid, into the bounds. */
  double fromKernel(double y) {
    double v = log ? Math.exp(y) : y;
    if (kind == Kind.CONTINUOUS) {
      return Math.max(low, Math.min(high, v));
    }
    long k = Math.round((v - low) / step);
    k = Math.max(0, Math.min(count - 1, k));
    return gridValue(k);
  }

  /** The {@code k}-th grid value of a discrete parameter. */
  double gridValue(long k) {
    if (decimalStep != null) {
      double v = decimalLow.add(decimalStep.multiply(BigDecimal.valueOf(k))).doubleValue();
      return Math.max(low, Math.min(high, v));
    }
    return low + k * step;
  }

  /** The space's choices' count, for categoricals. */
  int choices() {
    return (int) count;
  }

  @Override
  public String toString() {
    return name + " " + kind + (log ? " log" : "") + " [" + low + ", " + high + "]";
  }

  static List<Param> list(Map<String, Param> params) {
    return List.copyOf(params.values());
  }
}
