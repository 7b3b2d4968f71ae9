package io.paramspace.study.configs;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;

/** Two floats and a categorical, for importance and several-objective tests. */
@SearchSpace
public record CurveConfig(
    @FloatRange(min = 0, max = 1) double x,
    @FloatRange(min = 0, max = 1) double z,
    @Choice({"a", "b", "c"}) String kind) {}
