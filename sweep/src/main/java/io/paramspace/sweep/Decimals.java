package io.paramspace.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Doubles as their shortest decimal: the grid values of a stepped float range ({@code min + k
 * step} computed in decimal from the shortest digits of {@code min} and {@code step}, rounded once,
 * so a step of 0.1 gives 0.3 and not 0.30000000000000004, as the runtime's seeded draws compute
 * them), and the text of numbers in CSV files and messages (Python's {@code repr}: {@code 0.0001},
 * {@code 1e-05}).
 *
 * <p>The runtime has the same rules in an internal class; this module keeps its own copy so that
 * it depends only on the runtime's public API.
 */
final class Decimals {
  private Decimals() {}

  /** The decimal with the fewest significant digits that reads back as {@code value}. */
  static BigDecimal shortest(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    if (value == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal exact = new BigDecimal(value);
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == value) {
        return rounded;
      }
      // Next to a power of two the nearest decimal of this length may miss while the one on the
      // other side of the value reads back.
      RoundingMode otherSide = rounded.compareTo(exact) < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR;
      BigDecimal other = exact.round(new MathContext(digits, otherSide));
      if (other.doubleValue() == value) {
        return other;
      }
    }
    return exact;
  }

  /** Python's {@code repr} of a double: shortest digits, positional for exponents in [-4, 16). */
  static String repr(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortest(value);
    String sign = shortest.signum() < 0 ? "-" : "";
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    digits = digits.replaceFirst("0+$", "");
    if (digits.isEmpty()) {
      digits = "0";
    }
    if (exponent >= -4 && exponent < 16) {
      if (exponent < 0) {
        return sign + "0." + "0".repeat(-exponent - 1) + digits;
      }
      if (digits.length() <= exponent + 1) {
        return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
      }
      return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    int magnitude = Math.abs(exponent);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
  }

  /** A value as messages write it: numbers as {@link #repr}, strings quoted, enums by name. */
  static String format(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Double d) {
      return repr(d);
    }
    if (value instanceof Float f) {
      return repr(Double.parseDouble(Float.toString(f)));
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Class<?> c) {
      return c.getSimpleName();
    }
    return value.toString();
  }
}
