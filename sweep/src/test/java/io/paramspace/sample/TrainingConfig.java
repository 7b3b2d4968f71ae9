package io.paramspace.sample;

import io.paramspace.IntRange;
import io.paramspace.SearchSpace;

/** A training run: SpaX's blog example, in Java. */
@SearchSpace
public record TrainingConfig(
    ModelConfig model, OptimizerConfig optimizer, @IntRange(min = 16, max = 128) int batchSize) {}
