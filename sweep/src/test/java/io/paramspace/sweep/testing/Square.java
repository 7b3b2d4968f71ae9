package io.paramspace.sweep.testing;

import io.paramspace.Choice;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

@SearchSpace
public record Square(
    @IntRange(min = 1, max = 2) int side,
    boolean filled,
    @When(field = "filled", equalsTo = "true") @Choice({"red", "green"}) String color) implements Shape {}
