package io.paramspace.study.configs;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/** A nested config with a conditional field, for the study tests. */
@SearchSpace
public record OptConfig(
    @Choice({"adam", "sgd"}) String name,
    @FloatRange(min = 1e-5, max = 1e-2, log = true) double lr,
    @When(field = "name", equalsTo = "sgd") @FloatRange(min = 0.0, max = 0.9, step = 0.1) Double momentum) {}
