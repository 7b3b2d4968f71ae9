package io.paramspace.sweep.testing;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/** Two continuous ranges, one of them conditional: a grid needs values for both. */
@SearchSpace
public record Continuous(
    @Choice({"adam", "sgd"}) String name,
    @FloatRange(min = 1e-5, max = 1e-2, log = true) double learningRate,
    @When(field = "name", equalsTo = "sgd") @FloatRange(min = 0.0, max = 0.99) Double momentum) {}
