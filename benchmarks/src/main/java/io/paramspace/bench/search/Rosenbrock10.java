package io.paramspace.bench.search;

import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;

/**
 * The ten-dimensional Rosenbrock function {@code sum_i 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2} on
 * its standard domain {@code [-5, 10]^10} (the one of Surjanovic and Bingham's library of test
 * functions; De Jong's {@code [-2.048, 2.048]} is the other common one); minimum 0 at {@code (1,
 * ..., 1)}, away from the domain's centre 2.5.
 */
@SearchSpace
public record Rosenbrock10(
    @FloatRange(min = -5, max = 10) double x1,
    @FloatRange(min = -5, max = 10) double x2,
    @FloatRange(min = -5, max = 10) double x3,
    @FloatRange(min = -5, max = 10) double x4,
    @FloatRange(min = -5, max = 10) double x5,
    @FloatRange(min = -5, max = 10) double x6,
    @FloatRange(min = -5, max = 10) double x7,
    @FloatRange(min = -5, max = 10) double x8,
    @FloatRange(min = -5, max = 10) double x9,
    @FloatRange(min = -5, max = 10) double x10) {

  public double value() {
    double[] x = {x1, x2, x3, x4, x5, x6, x7, x8, x9, x10};
    double sum = 0;
    for (int i = 0; i < x.length - 1; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      sum += 100 * a * a + b * b;
    }
    return sum;
  }
}
