package test;

import io.paramspace.SearchSpace;

/** A branch with no parameters. */
@SearchSpace
public record Identity() implements Block {}
