package io.paramspace.sample;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/**
 * A test-only config with what the sample configs lack: weighted choices (strings, an enum, a
 * boolean, branches), numeric choices, stepped, log and float ranges, a long, and a conditional
 * nested config.
 */
@SearchSpace
public record TuningConfig(
    @Choice(value = {"adam", "sgd", "rmsprop"}, weights = {3, 1, 2}) String optimizer,
    @FloatRange(min = 1e-5, max = 1e-1, log = true) double learningRate,
    @FloatRange(min = 0.0, max = 1.0, step = 0.1) double dropout,
    @IntRange(min = 8, max = 128, step = 8) int width,
    @IntRange(min = 1, max = 1024, log = true) long steps,
    @FloatRange(min = 0.0, max = 0.1) float decay,
    @Choice({"16", "32", "64"}) int batchSize,
    @Choice(weights = {3, 1}) boolean shuffle,
    @Choice(value = {"RELU", "GELU", "SILU"}, weights = {1, 2, 3}) Activation activation,
    @Choice(weights = {3, 1}) BlockConfig block,
    @When(field = "optimizer", equalsTo = "sgd") @FloatRange(min = 0.0, max = 0.99) Double momentum,
    @When(field = "shuffle", equalsTo = "true") OptimizerConfig warmup) {}
