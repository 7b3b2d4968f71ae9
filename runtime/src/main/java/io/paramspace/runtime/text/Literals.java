package io.paramspace.runtime.text;

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

  /** Strings longer than this are cut in messages ({@link #brief}). */
  private static final int BRIEF_MAX = 64;

  /** How much of a cut string a message shows. */
  private static final int BRIEF_PREFIX = 40;

  /**
   * {@code value} as {@link #format} writes it, for a message: a string longer than 64
   * characters is cut to its first 40, {@code 'aaaa'... (10485760 characters)}, so that a huge
   * value does not make a huge message. Trees and hashes use {@link #format}, which never cuts.
   */
  public static String brief(Object value) {
    if (value instanceof String s && s.length() > BRIEF_MAX) {
      return format(prefix(s)) + "... (" + s.length() + " characters)";
    }
    return format(value);
  }

  /** A key or name for a message, cut as {@link #brief} cuts strings, without quotes. */
  public static String briefName(String name) {
    return name.length() > BRIEF_MAX ? prefix(name) + "... (" + name.length() + " characters)" : name;
  }

  private static String prefix(String s) {
    int end = BRIEF_PREFIX;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--; // never half a character
    }
    return s.substring(0, end);
  }

  public static String format(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
          .replace("\t", "\\t") + "'";
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
    return write(shortest(new BigDecimal(value), d -> d.doubleValue() == value));
  }

  /**
   * A float as {@link #formatDouble} writes a double, with the fewest digits that read back as
   * the same float ({@code 0.1f} is {@code 0.1}). Not through {@code Float.toString}, which on
   * JDK 17 sometimes writes more digits than needed ({@code 1.4E-45} for {@code 1e-45}).
   */
  public static String formatFloat(float value) {
    if (!Float.isFinite(value) || value == 0) {
      return formatDouble(value);
    }
    return write(shortest(new BigDecimal(value), d -> d.floatValue() == value));
  }

  /**
   * The decimal with the fewest significant digits that reads back as {@code value} (finite):
   * what the runtime's stepped-float formula and grids compute with.
   */
  public static BigDecimal shortestDecimal(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    return value == 0 ? BigDecimal.ZERO : shortest(new BigDecimal(value), d -> d.doubleValue() == value);
  }

  /** Of the decimals with the fewest digits that read back as {@code exact}, the nearest. */
  private static BigDecimal shortest(BigDecimal exact, Predicate<BigDecimal> readsBack) {
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (readsBack.test(rounded)) {
        return rounded;
      }
      // At a power of two the next double down is twice as close as the next one up, so the
      // nearest decimal with this many digits may miss while the one on the other side reads back.
      RoundingMode otherSide = rounded.compareTo(exact) < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR;
      BigDecimal other = exact.round(new MathContext(digits, otherSide));
      if (readsBack.test(other)) {
        return other;
      }
    }
    return exact;
  }

  /** {@code shortest} in Python's notation. */
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
    // Not String.format: it writes the default locale's digits (Arabic-Indic under ar-EG).
    int magnitude = Math.abs(exponent);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
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
  public static boolean matches(Object operand, Object value) {
    if (operand instanceof Class<?> c) {
      return c.isInstance(value);
    }
    if (operand instanceof Number a && value instanceof Number b) {
    return compare(a, b) == 0;
    }
    return operand.equals(value);
  }

  /**
   * The sign of {@code a - b}, as Java's {@code <}, {@code ==} and {@code >} on the unboxed numbers
   * decide it (so as generated code does): two integers exactly, anything else as doubles (-0.0
   * equals 0.0). {@code 2} if either is NaN, which no ordering and no equality holds for.
   */
  public static int compare(Number a, Number b) {
    if (isIntegral(a) && isIntegral(b)) {
      return Long.compare(a.longValue(), b.longValue());
    }
    double x = a.doubleValue();
    double y = b.doubleValue();
    return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
  }
}
