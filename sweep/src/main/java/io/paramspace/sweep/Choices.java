package io.paramspace.sweep;

import java.util.List;

/**
 * Finds a value among a categorical's choices, given in its real form ({@code Activation.GELU},
 * {@code 32}) or its external form ({@code "GELU"}, {@code 32L}, as {@code ConfigSpace.parameters}
 * and JSON give them): enums by constant or name, numbers by value, anything else by {@code
 * equals}.
 */
final class Choices {
  private Choices() {}

  /** The index of {@code value} in {@code choices}, or -1. */
  static int indexOf(List<?> choices, Object value) {
    for (int i = 0; i < choices.size(); i++) {
      if (same(choices.get(i), value)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code true} if {@code value} (real or external) means {@code choice}. */
  static boolean same(Object choice, Object value) {
    if (choice == null || value == null) {
      return choice == value;
    }
    if (choice instanceof Enum<?> e) {
      return value == choice || (value instanceof String s && e.name().equals(s));
    }
    if (choice instanceof Number c && value instanceof Number v) {
      if (integral(c) && integral(v)) {
        return c.longValue() == v.longValue();
      }
      if (choice instanceof Float f) {
        return Float.compare(f, (float) v.doubleValue()) == 0
            || Double.compare(Double.parseDouble(Float.toString(f)), v.doubleValue()) == 0;
      }
      return Double.compare(c.doubleValue(), v.doubleValue()) == 0;
    }
    return choice.equals(value);
  }

  static boolean integral(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
  }
}
