package io.paramspace.sample;

import io.paramspace.FloatRange;
import io.paramspace.IntRange;
import io.paramspace.SearchSpace;
import io.paramspace.When;

/** A convolutional block. */
@SearchSpace
public record ConvConfig(
    @IntRange(min = 2, max = 12) int numLayers,
    Activation activation,
    @IntRange(min = 1, max = 64) int kernelSize,
    boolean normInput,
    boolean useDropout,
    @When(field = "useDropout", equalsTo = "true") @FloatRange(min = 0.05, max = 0.5) Double dropoutRate)
    implements BlockConfig {}
