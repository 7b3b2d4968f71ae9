package io.paramspace.samplers.spaces;

/** An enum, for a categorical by constant. */
public enum Shape {
  CIRCLE,
  SQUARE,
  TRIANGLE
}
