package io.paramspace.bench.search;

import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;

/** The six-dimensional Ackley function on [-3, 7]^6 (the optimum off the middle); minimum 0 at the origin. */
@SearchSpace
public record Ackley6(
    @FloatRange(min = -3, max = 7) double x1,
    @FloatRange(min = -3, max = 7) double x2,
    @FloatRange(min = -3, max = 7) double x3,
    @FloatRange(min = -3, max = 7) double x4,
    @FloatRange(min = -3, max = 7) double x5,
    @FloatRange(min = -3, max = 7) double x6) {

  public double value() {
    double squares = 0;
    double cosines = 0;
    for (double x : new double[] {x1, x2, x3, x4, x5, x6}) {
      squares += x * x;
      cosines += Math.cos(2 * Math.PI * x);
    }
    return -20 * Math.exp(-0.2 * Math.sqrt(squares / 6)) - Math.exp(cosines / 6) + 20 + Math.E;
  }
}
