package io.paramspace.bench.search;

import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;

/**
 * ZDT2 (Zitzler, Deb and Thiele 2000): concave front {@code f2 = 1 - f1^2} at {@code g = 1}; the
 * standard 30 variables in [0, 1], two objectives to minimize, {@code g = 1 + 9 * mean(x2..x30)}.
 */
@SearchSpace
public record Zdt2(
    @FloatRange(min = 0, max = 1) double x1,
    @FloatRange(min = 0, max = 1) double x2,
    @FloatRange(min = 0, max = 1) double x3,
    @FloatRange(min = 0, max = 1) double x4,
    @FloatRange(min = 0, max = 1) double x5,
    @FloatRange(min = 0, max = 1) double x6,
    @FloatRange(min = 0, max = 1) double x7,
    @FloatRange(min = 0, max = 1) double x8,
    @FloatRange(min = 0, max = 1) double x9,
    @FloatRange(min = 0, max = 1) double x10,
    @FloatRange(min = 0, max = 1) double x11,
    @FloatRange(min = 0, max = 1) double x12,
    @FloatRange(min = 0, max = 1) double x13,
    @FloatRange(min = 0, max = 1) double x14,
    @FloatRange(min = 0, max = 1) double x15,
    @FloatRange(min = 0, max = 1) double x16,
    @FloatRange(min = 0, max = 1) double x17,
    @FloatRange(min = 0, max = 1) double x18,
    @FloatRange(min = 0, max = 1) double x19,
    @FloatRange(min = 0, max = 1) double x20,
    @FloatRange(min = 0, max = 1) double x21,
    @FloatRange(min = 0, max = 1) double x22,
    @FloatRange(min = 0, max = 1) double x23,
    @FloatRange(min = 0, max = 1) double x24,
    @FloatRange(min = 0, max = 1) double x25,
    @FloatRange(min = 0, max = 1) double x26,
    @FloatRange(min = 0, max = 1) double x27,
    @FloatRange(min = 0, max = 1) double x28,
    @FloatRange(min = 0, max = 1) double x29,
    @FloatRange(min = 0, max = 1) double x30) {

  /** {@code (f1, f2)}, both minimized. */
  public double[] values() {
    double[] x = {x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15,
        x16, x17, x18, x19, x20, x21, x22, x23, x24, x25, x26, x27, x28, x29, x30};
    double sum = 0;
    for (int i = 1; i < x.length; i++) {
      sum += x[i];
    }
    double f1 = x[0];
    double g = 1 + 9 * sum / (x.length - 1);
    return new double[] {f1, g * (1 - (f1 / g) * (f1 / g))};
  }
}
