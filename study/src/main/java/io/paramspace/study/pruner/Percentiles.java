package io.paramspace.study.pruner;

import java.util.Arrays;

/** NumPy's {@code nanpercentile} with its default (linear) interpolation. */
final class Percentiles {
  private Percentiles() {}

  /**
   * The {@code q}-th percentile (0 to 100) of the values that are not NaN: sorted ascending as
   * {@code v[0..n-1]}, the value at rank {@code q / 100 * (n - 1)}, interpolated linearly between
   * its neighbours. NaN if every value is NaN (or there are none).
   */
  static double nanPercentile(double[] values, double q) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    double rank = q / 100.0 * (v.length - 1);
    int lower = (int) Math.floor(rank);
    int upper = Math.min(lower + 1, v.length - 1);
    double fraction = rank - lower;
    if (fraction == 0 || v[lower] == v[upper]) {
      return v[lower];
    }
    return v[lower] + (v[upper] - v[lower]) * fraction;
  }
}
