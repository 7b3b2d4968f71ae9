package io.paramspace.samplers.spaces;

import io.paramspace.Choice;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/** A conditional grid of 10 points: a choice, then one int of 5 values per branch. */
@SearchSpace
public record GridBranch(
    @Choice({"A", "B"}) String x,
    @When(field = "x", equalsTo = "A") @IntRange(min = 0, max = 4) Integer a,
    @When(field = "x", equalsTo = "B") @IntRange(min = 0, max = 4) Integer b) {}
