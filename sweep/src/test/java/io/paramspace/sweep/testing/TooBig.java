package io.paramspace.sweep.testing;

import io.paramspace.IntRange;
import io.paramspace.SearchSpace;

/** 4e18 x 4e18 points: past a long. */
@SearchSpace
public record TooBig(
    @IntRange(min = 0, max = 4000000000000000000L) long a,
    @IntRange(min = 0, max = 4000000000000000000L) long b) {}
