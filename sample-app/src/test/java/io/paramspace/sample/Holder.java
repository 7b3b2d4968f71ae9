package io.paramspace.sample;

import io.paramspace.IntRange;
import io.paramspace.SearchSpace;

/** A class holding a nested {@code @SearchSpace} record, whose space is {@code Holder_NestedConfigSpace}. */
public final class Holder {
  private Holder() {}

  @SearchSpace
  public record NestedConfig(@IntRange(min = 1, max = 3) int depth) {}

  /** A record without {@code @SearchSpace}: no space is generated. */
  public record Plain(int depth) {}
}
