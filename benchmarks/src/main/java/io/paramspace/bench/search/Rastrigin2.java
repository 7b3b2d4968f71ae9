package io.paramspace.bench.search;

import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;

/**
 * The two-dimensional Rastrigin function on [-4.62, 5.62]^2 (the usual box shifted by 0.5, so the
 * optimum is off the middle): a grid of local minima; minimum 0 at the origin.
 */
@SearchSpace
public record Rastrigin2(
    @FloatRange(min = -4.62, max = 5.62) double x1,
    @FloatRange(min = -4.62, max = 5.62) double x2) {

  public double value() {
    return 20 + x1 * x1 - 10 * Math.cos(2 * Math.PI * x1) + x2 * x2 - 10 * Math.cos(2 * Math.PI * x2);
  }
}
