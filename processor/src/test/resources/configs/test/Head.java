package test;

import io.paramspace.FloatRange;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

@SearchSpace
public record Head(
    @IntRange(min = 1, max = 3) int layers,
    @When(field = "layers", atLeast = 2) @FloatRange(min = 0.0, max = 0.5, step = 0.1) Double dropout) {}
