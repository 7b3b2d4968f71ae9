package io.paramspace.sweep.testing;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/** What sweeps set: an optimizer, a learning rate, a batch size and a seed. */
@SearchSpace
public record Seeded(
    @Choice({"adam", "sgd"}) String optimizer,
    @FloatRange(min = 1e-5, max = 1e-1, log = true) double learningRate,
    @When(field = "optimizer", equalsTo = "sgd") @FloatRange(min = 0.0, max = 0.99) Double momentum,
    @IntRange(min = 8, max = 512) int batchSize,
    @IntRange(min = 0, max = 1000) int seed,
    Inner inner) {}
