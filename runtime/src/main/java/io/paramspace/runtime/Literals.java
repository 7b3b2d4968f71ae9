package io.paramspace.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Predicate;

/**
 * How values are written in trees and messages, in SpaX's style with Java's literals: strings in
 * single quotes, {@code true}, {@code null}, enum constants and record classes by name, and
 * floating-point numbers as Python's {@code repr} writes them ({@code 1e-05}, {@code 0.0001},
 * {@code 0.5}, {@code 12.0}).
 */
public final class Literals {
  private Literals() {}

  public static String format(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (value instanceof Double d) {
      return formatDouble(d);
    }
    if (value instanceof Float f) {
      return formatFloat(f);
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Class<?> c) {
      return c.getSimpleName();
    }
    return value.toString();
  }

  /**
   * Python's {@code repr} of a double: the fewest significant digits that read back as the same
   * double, in positional notation when the decimal exponent is in {@code [-4, 16)} and as {@code
   * d.ddde-XX} otherwise. Written by hand because {@code Double.toString} differs (it writes {@code
   * 1.0E-5}, and JDK 17 does not always pick the shortest digits) and no maintained library
   * formats like Python.
   */
  public static String formatDouble(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    return write(shortest(new BigDecimal(value), 17, d -> d.doubleValue() == value));
  }

  /**
   * A float as {@link #formatDouble} writes a double: the fewest significant digits that read back
   * as the same float ({@code 0.1}, not {@code 0.10000000149011612}). Not via {@code
   * Float.toString}, whose digits differ between JDK 17 and JDK 19+ ({@code 8.1109158E8} versus
   * {@code 8.110916E8}).
   */
  public static String formatFloat(float value) {
    if (!Float.isFinite(value) || value == 0) {
      return formatDouble(value);
    }
    return write(shortest(new BigDecimal(value), 9, d -> d.floatValue() == value));
  }

  /**
   * {@code exact} rounded to the fewest significant digits that still read back; of two such
   * roundings, the nearer one.
   */
  private static BigDecimal shortest(BigDecimal exact, int maxDigits, Predicate<BigDecimal> readsBack) {
    for (int digits = 1; digits <= maxDigits; digits++) {
      BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (readsBack.test(nearest)) {
        return nearest;
      }
      // At a power of two the gap below is half the gap above, so the rounding on the other side
      // can read back when the nearest does not (2^-24 is 5.960464477539063e-08, as in Python).
      RoundingMode otherSide = nearest.compareTo(exact) < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR;
      BigDecimal other = exact.round(new MathContext(digits, otherSide));
      if (readsBack.test(other)) {
        return other;
      }
    }
    return exact;
  }

  /** A nonzero decimal in Python's repr layout. */
  private static String write(BigDecimal shortest) {
    String sign = shortest.signum() < 0 ? "-" : "";
    String digits = shortest.unscaledValue().abs().toString();
    // Strip trailing zeros of the digit string; the decimal exponent is that of the first digit.
    int exponent = digits.length() - 1 - shortest.scale();
    digits = digits.replaceFirst("0+$", "");
    if (digits.isEmpty()) {
      digits = "0";
    }
    if (exponent >= -4 && exponent < 16) {
      return sign + positional(digits, exponent);
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = String.format("%02d", Math.abs(exponent));
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
  }

  private static String positional(String digits, int exponent) {
    if (exponent < 0) {
      return "0." + "0".repeat(-exponent - 1) + digits;
    }
    if (digits.length() <= exponent + 1) {
      return digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
    }
    return digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
  }

  /**
   * {@code true} if {@code operand} (a condition literal) matches {@code value} (a field value):
   * numbers by numeric value, a {@code Class} by instance, everything else by {@code equals}.
   */
  static boolean matches(Object operand, Object value) {
    if (operand instanceof Class<?> c) {
      return c.isInstance(value);
    }
    if (operand instanceof Number a && value instanceof Number b) {
      return a.doubleValue() == b.doubleValue();
    }
    return operand.equals(value);
  }
}
