package io.paramspace.samplers.spaces;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;

/** One parameter of every kind of kernel. */
@SearchSpace
public record Mixed(
    @FloatRange(min = -1, max = 3) double plain,
    @FloatRange(min = 1e-4, max = 1, log = true) double logFloat,
    @FloatRange(min = 0, max = 1, step = 0.1) double steppedFloat,
    @IntRange(min = -3, max = 7) int plainInt,
    @IntRange(min = 1, max = 100, log = true) int logInt,
    @IntRange(min = 0, max = 20, step = 4) int steppedInt,
    @Choice(value = {"a", "b", "c"}, weights = {1, 2, 5}) String choice,
    Shape shape) {}
