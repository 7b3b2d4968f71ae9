package io.paramspace.study.configs;

import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;

/**
 * Tanaka's constrained problem (TNK, 1995): minimize {@code (x1, x2)} over {@code [0, pi]^2}
 * subject to {@code x1^2 + x2^2 - 1 - 0.1 cos(16 atan(x1 / x2)) >= 0} and {@code (x1 - 0.5)^2 +
 * (x2 - 0.5)^2 <= 0.5}. The Pareto front lies on the boundary of the first constraint.
 */
@SearchSpace
public record TnkConfig(
    @FloatRange(min = 0, max = 3.141592653589793) double x1,
    @FloatRange(min = 0, max = 3.141592653589793) double x2) {

  /** The constraint values, each {@code <= 0} when satisfied. */
  public double[] constraints() {
    double c1 = -(x1 * x1 + x2 * x2 - 1 - 0.1 * Math.cos(16 * Math.atan2(x1, x2)));
    double c2 = (x1 - 0.5) * (x1 - 0.5) + (x2 - 0.5) * (x2 - 0.5) - 0.5;
    return new double[] {c1, c2};
  }
}
