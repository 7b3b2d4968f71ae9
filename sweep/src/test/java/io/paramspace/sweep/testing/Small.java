package io.paramspace.sweep.testing;

import io.paramspace.Choice;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/** Two conditionals on two drivers: 5 x 3 = 15 points. */
@SearchSpace
public record Small(
    @Choice({"a", "b", "c"}) String kind,
    boolean flag,
    @When(field = "kind", equalsTo = "b") @IntRange(min = 1, max = 3) Integer extra,
    @When(field = "flag", equalsTo = "true") @Choice({"x", "y"}) String sub) {}
