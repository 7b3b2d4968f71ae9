package io.paramspace.study.configs;

import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;

/**
 * ZDT1 with five variables and the constraint {@code f1 + f2 >= 1.5}: ZDT1's own front {@code f2 = 1 -
 * sqrt(f1)} violates it, so the constrained Pareto front is the segment {@code f1 + f2 = 1.5}, {@code
 * f1} in [0, 1], on the constraint's boundary (reachable: for each {@code f1} some {@code g} in [1.5,
 * 1.87] gives it). Set so that the constraint binds within a few hundred trials.
 */
@SearchSpace
public record LineZdtConfig(
    @FloatRange(min = 0, max = 1) double x1,
    @FloatRange(min = 0, max = 1) double x2,
    @FloatRange(min = 0, max = 1) double x3,
    @FloatRange(min = 0, max = 1) double x4,
    @FloatRange(min = 0, max = 1) double x5) {

  public double[] objectives() {
    double g = 1 + 9 * (x2 + x3 + x4 + x5) / 4;
    return new double[] {x1, g * (1 - Math.sqrt(x1 / g))};
  }

  /** {@code 1.5 - f1 - f2}: satisfied ({@code <= 0}) on and above the line. */
  public double constraint() {
    double[] f = objectives();
    return 1.5 - f[0] - f[1];
  }
}
