package test;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

@SearchSpace
public record Optimizer(
    @Choice(value = {"adam", "sgd", "rmsprop"}, weights = {2, 1, 1}) String name,
    @FloatRange(min = 1e-5, max = 1e-1, log = true) double learningRate,
    @When(field = "name", notEqualsTo = {"adam", "rmsprop"}) @FloatRange(min = 0.0, max = 0.9) Double momentum) {}
