package test;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;
import io.paramspace.WhenAny;

/** Every feature of the annotations in one space; fields named trial, sampler and rng test name clashes. */
@SearchSpace
public record Experiment(
    Optimizer optimizer,
    @Choice(value = {"Dense", "Conv", "Identity"}, weights = {1, 3, 1}) Block block,
    Activation activation,
    @Choice({"RELU", "GELU"}) Activation headActivation,
    @IntRange(min = 1, max = 1_000_000, log = true) long steps,
    @FloatRange(min = 0.25, max = 0.75) float ratio,
    @Choice({"16", "32", "64"}) Integer batchSize,
    @Choice({"0.5", "0.25"}) double mixup,
    @Choice({"1000", "100000"}) Long budget,
    Boolean shuffle,
    @Choice(value = {"true", "false"}, weights = {3, 1}) boolean augment,
    @When(field = "optimizer.name", equalsTo = "sgd") @Choice({"0.5", "0.9"}) Double nesterov,
    @When(field = "block", equalsTo = "Conv") @IntRange(min = 1, max = 3) Integer stride,
    @WhenAny({@When(field = "activation", equalsTo = "GELU"), @When(field = "augment", equalsTo = "true")})
        @FloatRange(min = 0.0, max = 0.3) Double labelSmoothing,
    @When(field = "steps", atLeast = 1000, atMost = 100000)
        @When(field = "shuffle", equalsTo = "true")
        @Choice({"cosine", "linear"}) String schedule,
    @When(field = "activation", notEqualsTo = {"RELU", "SILU"}) @Choice({"8", "16"}) Integer heads,
    @When(field = "augment", equalsTo = "true") Head head,
    @When(field = "head.layers", atLeast = 2) Boolean deepHead,
    @When(field = "batchSize", greaterThan = 16, then = "true", otherwise = "false") boolean accumulate,
    Outer.Inner inner,
    @Choice({"a", "b"}) String trial,
    @IntRange(min = 0, max = 3) int sampler,
    boolean rng) {}
