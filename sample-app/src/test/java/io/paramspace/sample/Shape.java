package io.paramspace.sample;

import io.paramspace.FloatRange;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;

/** A test-only sealed interface whose records are nested in it (permits inferred). */
public sealed interface Shape {
  @SearchSpace
  record Circle(@FloatRange(min = 1, max = 2) double radius) implements Shape {}

  @SearchSpace
  record Square(@IntRange(min = 1, max = 4) int side) implements Shape {}

  @SearchSpace
  record Triangle(boolean rightAngled) implements Shape {}
}
