package io.paramspace.bench.parallel;

import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.bench.search.Hartmann6;

/**
 * The Hartmann-6 function on a grid: each coordinate is {@code i / 10} for an integer {@code i} in
 * 0..10 (11^6 points). A discrete space, so a sampler can propose a point exactly twice.
 */
@SearchSpace
public record Hartmann6Grid(
    @IntRange(min = 0, max = 10) int x1,
    @IntRange(min = 0, max = 10) int x2,
    @IntRange(min = 0, max = 10) int x3,
    @IntRange(min = 0, max = 10) int x4,
    @IntRange(min = 0, max = 10) int x5,
    @IntRange(min = 0, max = 10) int x6) {

  public double value() {
    return new Hartmann6(x1 / 10.0, x2 / 10.0, x3 / 10.0, x4 / 10.0, x5 / 10.0, x6 / 10.0).value();
  }
}
