package io.paramspace.samplers.spaces;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/** A nested config with a polymorphic block, conditionals and a log float: sample-app's shape. */
@SearchSpace
public record Training(
    Block block,
    @IntRange(min = 2, max = 12) int blocks,
    @When(field = "blocks", greaterThan = 8, then = "true", otherwise = "false") boolean checkpoint,
    Optimizer optimizer,
    @IntRange(min = 16, max = 128, step = 16) int batchSize) {

  @SearchSpace
  public record Optimizer(
      @Choice({"adam", "sgd"}) String name,
      @FloatRange(min = 1e-5, max = 1e-2, log = true) double learningRate,
      @When(field = "name", equalsTo = "sgd") @FloatRange(min = 0.0, max = 0.99) Double momentum) {}
}
