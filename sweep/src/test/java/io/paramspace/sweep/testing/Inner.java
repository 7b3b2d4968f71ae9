package io.paramspace.sweep.testing;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;

@SearchSpace
public record Inner(
    @Choice({"fast", "slow"}) String mode,
    @FloatRange(min = 0.0, max = 1.0, step = 0.25) double ratio) {}
