package io.paramspace.sweep.testing;

import io.paramspace.Choice;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;

@SearchSpace
public record Head(@IntRange(min = 1, max = 3) int layers, @Choice({"relu", "tanh"}) String activation) {}
