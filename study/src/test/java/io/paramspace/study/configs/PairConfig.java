package io.paramspace.study.configs;

import io.paramspace.IntRange;
import io.paramspace.SearchSpace;

/** A small discrete space (7 * 7 = 49 points) where a converged TPE keeps proposing one point. */
@SearchSpace
public record PairConfig(@IntRange(min = 0, max = 6) int a, @IntRange(min = 0, max = 6) int b) {}
