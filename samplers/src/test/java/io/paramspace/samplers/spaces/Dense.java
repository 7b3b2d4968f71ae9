package io.paramspace.samplers.spaces;

import io.paramspace.FloatRange;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

@SearchSpace
public record Dense(
    @IntRange(min = 1, max = 8) int layers,
    boolean dropout,
    @When(field = "dropout", equalsTo = "true") @FloatRange(min = 0.05, max = 0.5) Double rate) implements Block {}
