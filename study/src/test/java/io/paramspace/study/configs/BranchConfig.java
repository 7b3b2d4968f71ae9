package io.paramspace.study.configs;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/** A shared float and one float per branch of a choice, for the NSGA-II sampler tests. */
@SearchSpace
public record BranchConfig(
    @Choice({"a", "b"}) String kind,
    @FloatRange(min = 0, max = 1) double x,
    @When(field = "kind", equalsTo = "a") @FloatRange(min = 0, max = 1) Double alpha,
    @When(field = "kind", equalsTo = "b") @FloatRange(min = 0, max = 1) Double beta) {

  /** Two objectives to minimize: branch a trades x against alpha, branch b is shifted by 0.2. */
  public double[] objectives() {
    double t = "a".equals(kind) ? alpha : beta + 0.2;
    return new double[] {x + t, (1 - x) + (1 - t) * (1 - t)};
  }
}
