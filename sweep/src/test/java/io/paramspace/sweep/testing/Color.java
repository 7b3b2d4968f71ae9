package io.paramspace.sweep.testing;

public enum Color {
  RED,
  GREEN,
  BLUE
}
