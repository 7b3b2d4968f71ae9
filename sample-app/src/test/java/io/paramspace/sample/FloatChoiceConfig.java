package io.paramspace.sample;

import io.paramspace.Choice;
import io.paramspace.SearchSpace;

/**
 * A test-only config with float choices whose {@code Float.toString} differs between JDK 17
 * ({@code 8.1109158E8}) and JDK 19+ ({@code 8.110916E8}).
 */
@SearchSpace
public record FloatChoiceConfig(@Choice({"0.1", "8.110916E8", "3.912614E10"}) float scale) {}
