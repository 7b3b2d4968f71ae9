package io.paramspace.sample;

import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/** The model: a polymorphic block, how many of them, and checkpointing for deep models. */
@SearchSpace
public record ModelConfig(
    BlockConfig blockConfig,
    @IntRange(min = 2, max = 12) int numBlocks,
    @When(field = "numBlocks", greaterThan = 8, then = "true", otherwise = "false") boolean useCheckpoint) {}
