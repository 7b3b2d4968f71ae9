package test;

public enum Activation {
  RELU,
  GELU,
  SILU
}
