package io.paramspace.samplers.spaces;

import io.paramspace.SearchSpace;

/** Four points: two booleans. */
@SearchSpace
public record Tiny(boolean a, boolean b) {}
