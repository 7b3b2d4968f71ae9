package test;

import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

@SearchSpace
public record Conv(
    @IntRange(min = 1, max = 7, step = 2) int kernel,
    boolean pool,
    @When(field = "pool", equalsTo = "true", otherwise = "1") @IntRange(min = 2, max = 4) int poolSize)
    implements Block {}
