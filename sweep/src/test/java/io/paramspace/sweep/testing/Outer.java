package io.paramspace.sweep.testing;

import io.paramspace.Choice;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/**
 * Conditions that read into nested configs (inner.mode, inner.ratio, head.layers), a conditional
 * nested config (head), and a polymorphic field inside a nested-conditional chain.
 */
@SearchSpace
public record Outer(
    @When(field = "inner.mode", equalsTo = "fast") @IntRange(min = 1, max = 3) Integer speed,
    Inner inner,
    @When(field = "inner.ratio", atLeast = 0.5, then = "true", otherwise = "false") boolean big,
    boolean useHead,
    @When(field = "useHead", equalsTo = "true") Head head,
    @When(field = "head.layers", greaterThan = 1) @Choice({"narrow", "wide"}) String width,
    @When(field = "big", equalsTo = "true") Shape shape) {}
