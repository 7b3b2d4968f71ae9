package io.paramspace.samplers.spaces;

import io.paramspace.IntRange;
import io.paramspace.SearchSpace;

/** 25 points: two ints of 5 values. */
@SearchSpace
public record Grid(@IntRange(min = 0, max = 4) int a, @IntRange(min = 0, max = 4) int b) {}
