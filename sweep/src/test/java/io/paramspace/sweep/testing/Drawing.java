package io.paramspace.sweep.testing;

import io.paramspace.Choice;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/** A polymorphic field, a condition on its branch, an enum and a weighted int choice. */
@SearchSpace
public record Drawing(
    Shape shape,
    @Choice(value = {"1", "2"}, weights = {3, 1}) int count,
    @When(field = "shape", equalsTo = "Square") @IntRange(min = 0, max = 2) Integer rotation,
    Color background) {}
