package io.paramspace.bench.search;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/**
 * The objective of optuna#5299: a choice {@code x}, a shared {@code t}, and a branch parameter that
 * must match {@code t}: {@code (y - t)^2} for A, {@code (z - t)^2} for B; minimum 0.
 */
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
