package io.paramspace.bench.search;

import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;

/** Branin's function on its usual box; minimum 0.397887 at three points. */
@SearchSpace
public record Branin(@FloatRange(min = -5, max = 10) double x1, @FloatRange(min = 0, max = 15) double x2) {

  public double value() {
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    double u = x2 - b * x1 * x1 + c * x1 - 6;
    return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
  }
}
