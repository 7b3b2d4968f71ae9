package io.paramspace.sample;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/** The optimizer: momentum only for SGD, beta2 only for Adam. */
@SearchSpace
public record OptimizerConfig(
    @Choice({"adam", "sgd"}) String name,
    @FloatRange(min = 1e-5, max = 1e-2, log = true) double learningRate,
    @When(field = "name", equalsTo = "sgd") @FloatRange(min = 0.0, max = 0.99) Double momentum,
    @When(field = "name", equalsTo = "adam") @FloatRange(min = 0.9, max = 0.999) Double beta2) {}
