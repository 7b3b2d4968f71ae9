package io.paramspace.samplers.spaces;

import io.paramspace.Choice;
import io.paramspace.FloatRange;
import io.paramspace.SearchSpace;

@SearchSpace
public record Conv(@Choice({"3", "5", "7"}) int kernel, @FloatRange(min = 0, max = 1) double width) implements Block {}
