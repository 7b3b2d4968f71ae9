package io.paramspace.sample;

import io.paramspace.FloatRange;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;

/** A test-only config of grids: stepped float and int ranges, and a log int range. */
@SearchSpace
public record SteppedConfig(
    @FloatRange(min = 0.1, max = 0.5, step = 0.1) double dropout,
    @FloatRange(min = 0, max = 1, step = 0.25) float ratio,
    @IntRange(min = 16, max = 256, step = 16) int width,
    @IntRange(min = -10, max = 10, step = 5) Long offset,
    @IntRange(min = 1, max = 64, log = true) int heads) {}
