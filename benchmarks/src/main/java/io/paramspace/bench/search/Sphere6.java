package io.paramspace.bench.search;

import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;

/** A six-dimensional sphere on the unit cube, centred off the middle at 0.3; minimum 0. */
@SearchSpace
public record Sphere6(
    @FloatRange(min = 0, max = 1) double x1,
    @FloatRange(min = 0, max = 1) double x2,
    @FloatRange(min = 0, max = 1) double x3,
    @FloatRange(min = 0, max = 1) double x4,
    @FloatRange(min = 0, max = 1) double x5,
    @FloatRange(min = 0, max = 1) double x6) {

  public double value() {
    double sum = 0;
    for (double x : new double[] {x1, x2, x3, x4, x5, x6}) {
      sum += (x - 0.3) * (x - 0.3);
    }
    return sum;
  }
}
