package io.paramspace.sweep.testing;

import io.paramspace.IntRange;
import io.paramspace.SearchSpace;

/** 10^12 points. */
@SearchSpace
public record Huge(
    @IntRange(min = 1, max = 1000) int a,
    @IntRange(min = 1, max = 1000) int b,
    @IntRange(min = 1, max = 1000) int c,
    @IntRange(min = 1, max = 1000) int d) {}
