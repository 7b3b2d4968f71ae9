package io.paramspace.sample;

import io.paramspace.Choice;
import io.paramspace.SearchSpace;

/**
 * A test-only config with a weighted {@code @Choice} on each kind of categorical: a String, an
 * enum (restricted to three constants), a sealed interface, an int, and a boolean weighted
 * without listing its values.
 */
@SearchSpace
public record WeightedConfig(
    @Choice(value = {"small", "medium", "large"}, weights = {1, 2, 5}) String size,
    @Choice(value = {"RELU", "GELU", "SILU"}, weights = {6, 3, 1}) Activation activation,
    @Choice(value = {"Circle", "Square", "Triangle"}, weights = {1, 3, 4}) Shape shape,
    @Choice(value = {"16", "32", "64"}, weights = {2, 1, 1}) int width,
    @Choice(weights = {9, 1}) boolean shuffle) {}
