package io.paramspace.sweep.testing;

import io.paramspace.Choice;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/**
 * A chain of conditions, declared out of order: c reads b, which reads a; d is active for a
 * value band of a and when b is not "p"; e reads a fixed-then conditional.
 */
@SearchSpace
public record Chain(
    @When(field = "b", equalsTo = "q") @IntRange(min = 1, max = 2) Integer c,
    @When(field = "a", greaterThan = 2) @Choice({"p", "q"}) String b,
    @IntRange(min = 0, max = 6) int a,
    @When(field = "a", atLeast = 1, atMost = 4) @When(field = "b", notEqualsTo = "p") @Choice({"u", "v", "w"}) String d,
    @When(field = "a", lessThan = 2, then = "true", otherwise = "false") boolean low,
    @When(field = "low", equalsTo = "false") @IntRange(min = 0, max = 10, step = 5) Integer e) {}
