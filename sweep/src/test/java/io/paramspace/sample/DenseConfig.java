package io.paramspace.sample;

import io.paramspace.FloatRange;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/** A dense block. */
@SearchSpace
public record DenseConfig(
    @IntRange(min = 2, max = 12) int numLayers,
    Activation activation,
    boolean normInput,
    boolean useDropout,
    @When(field = "useDropout", equalsTo = "true") @FloatRange(min = 0.05, max = 0.5) Double dropoutRate)
    implements BlockConfig {}
