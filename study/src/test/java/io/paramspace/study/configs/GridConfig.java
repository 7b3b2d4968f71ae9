package io.paramspace.study.configs;

import io.paramspace.Choice;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/** A discrete space for the grid sampler: 3 * 2 * (3 + 1) = 24 points, one parameter conditional. */
@SearchSpace
public record GridConfig(
    @IntRange(min = 1, max = 3) int a,
    @Choice({"x", "y"}) String b,
    boolean c,
    @When(field = "c", equalsTo = "true") @IntRange(min = 0, max = 2) Integer d) {}
