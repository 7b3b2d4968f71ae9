package io.paramspace.sweep.testing;

import io.paramspace.IntRange;
import io.paramspace.SearchSpace;

@SearchSpace
public record Circle(@IntRange(min = 1, max = 3) int radius) implements Shape {}
