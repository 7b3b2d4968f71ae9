package test;

import io.paramspace.FloatRange;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;

public final class Outer {
  private Outer() {}

  @SearchSpace
  public record Inner(
      @FloatRange(min = 1e-4, max = 1.0, log = true) float scale,
      @IntRange(min = 0, max = 100, step = 25) int warmup) {}
}
