package io.paramspace.sample;

/** The activation functions a block can use. */
public enum Activation {
  SILU,
  MISH,
  RELU,
  GELU
}
