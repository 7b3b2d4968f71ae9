package io.paramspace.study.configs;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;

/** What the study tests search: floats, ints, a categorical of ints, a boolean, a nested config. */
@SearchSpace
public record TinyConfig(
    @FloatRange(min = -5, max = 5) double x,
    @IntRange(min = 1, max = 8) int layers,
    @Choice({"32", "64", "128"}) int batch,
    boolean flag,
    OptConfig optimizer) {}
