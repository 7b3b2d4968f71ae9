package test;

import io.paramspace.IntRange;
import io.paramspace.SearchSpace;

@SearchSpace
public record Dense(@IntRange(min = 1, max = 4) int layers) implements Block {}
