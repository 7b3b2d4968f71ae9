package io.paramspace.samplers.spaces;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/** optuna#5299: a choice, a shared float, and one float per branch. */
@SearchSpace
public record Issue5299(
    @Choice({"A", "B"}) String x,
    @FloatRange(min = -2, max = 2) double t,
    @When(field = "x", equalsTo = "A") @FloatRange(min = 1, max = 2) Double y,
    @When(field = "x", equalsTo = "B") @FloatRange(min = -2, max = 1) Double z) {
  public double value() {
    double d = x.equals("A") ? y - t : z - t;
    return d * d;
  }
}
