package io.paramspace.runtime.internal;

import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.text.Literals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How values read from files and maps meet the values of a space: numbers converted to a field's
 * exact type, choices matched with their real types (an enum constant by its name), containment.
 */
public final class Values {
  private Values() {}

  /** Weights as the list a space keeps. */
  public static List<Double> weights(double[] weights) {
    List<Double> boxed = new ArrayList<>(weights.length);
    for (double w : weights) {
      boxed.add(w);
    }
    return boxed;
  }

  /**
   * {@code raw} as the boxed number type of a field ({@code Double}, {@code Float}, {@code
   * Integer}, {@code Long}), or {@code null} if it is not a number of that type (a fraction for an
   * integer field, a number beyond its range, a string). An infinity or NaN that was written as
   * one ({@code .inf} in YAML, {@code inf} in TOML) is kept for a float field, so that the range
   * checks say it is outside the range rather than that it is no number.
   */
  public static Object number(Object raw, Class<?> type) {
    if (!(raw instanceof Number n)) {
      return null;
    }
    boolean nonFinite = raw instanceof Double d && !Double.isFinite(d) || raw instanceof Float f && !Float.isFinite(f);
    if (type == double.class || type == Double.class) {
      double d = n.doubleValue();
      return nonFinite || Double.isFinite(d) ? d : null;
    }
    if (type == float.class || type == Float.class) {
      float f = n.floatValue();
      return nonFinite || Float.isFinite(f) ? f : null;
    }
    BigInteger whole = wholeNumber(n);
    if (whole == null) {
      return null;
    }
    if (type == int.class || type == Integer.class) {
      return whole.bitLength() < 32 ? whole.intValue() : null;
    }
    if (type == long.class || type == Long.class) {
      return whole.bitLength() < 64 ? whole.longValue() : null;
    }
    return null;
  }

  private static BigInteger wholeNumber(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return BigInteger.valueOf(n.longValue());
    }
    if (n instanceof BigInteger b) {
      return b;
    }
    return null; // a decimal, even 32.0, is not written as an integer
  }

  /** "a double", "an int", ... for messages. */
  public static String describeType(Class<?> type) {
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == float.class || type == Float.class) {
      return "a number (float)";
    }
    if (type == int.class || type == Integer.class) {
      return "an integer (int)";
    }
    if (type == long.class || type == Long.class) {
      return "an integer (long)";
    }
    return "a value of type " + type.getSimpleName();
  }

  /** {@code true} if a number lies in a range space (on its step grid). */
  public static boolean contains(Space range, Object value) {
    if (range instanceof FloatSpace f) {
      return value instanceof Float v ? containsFloat(f, v) : f.contains(((Number) value).doubleValue());
    }
    return ((IntSpace) range).contains(((Number) value).longValue());
  }

  /**
   * A float field holds the float nearest to a value of its range, so it contains {@code v} when a
   * value of the range rounds to it: 0.1f, a little above the double 0.1, is in [0.0, 0.1].
   */
  private static boolean containsFloat(FloatSpace range, float v) {
    if (!(v >= (float) range.min() && v <= (float) range.max())) {
      return false;
    }
    if (range.step() == 0) {
      return true;
    }
    double k = Math.rint((v - range.min()) / range.step());
    return Math.abs((float) (range.min() + k * range.step()) - v) <= Math.ulp(v);
  }

  /** A number as a double; a float as the decimal it was written as (0.1f is 0.1, not 0.100000001). */
  public static double asDouble(Object number) {
    return number instanceof Float f ? Double.parseDouble(f.toString()) : ((Number) number).doubleValue();
  }

  /** {@code true} if a number lies within a range space's bounds, on its grid or not. */
  public static boolean withinBounds(Space range, Object value) {
    double v = asDouble(value);
    if (range instanceof FloatSpace f) {
      return v >= f.min() && v <= f.max();
    }
    IntSpace i = (IntSpace) range;
    return v >= i.min() && v <= i.max();
  }

  /**
   * The index of the choice that {@code raw} names, or -1: equal strings and booleans, numbers
   * equal in value, an enum constant by its name.
   */
  public static int indexOfChoice(List<?> choices, Object raw) {
    for (int i = 0; i < choices.size(); i++) {
      if (sameValue(raw, choices.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** {@code true} if a value read from input means {@code actual}, a value of a space. */
  public static boolean sameValue(Object raw, Object actual) {
    if (raw == null || actual == null) {
      return raw == actual;
    }
    if (actual instanceof Enum<?> e) {
      return raw instanceof Enum<?> ? raw == actual : e.name().equals(raw);
    }
    if (raw instanceof Number a && actual instanceof Number b) {
      return sameNumber(a, b);
    }
    return raw.equals(actual);
  }

  /** Equal as written in decimal, so 0.1 read from a file matches a float choice 0.1f. */
  private static boolean sameNumber(Number a, Number b) {
    try {
      return new BigDecimal(decimal(a)).compareTo(new BigDecimal(decimal(b))) == 0;
    } catch (NumberFormatException notFinite) {
      return a.doubleValue() == b.doubleValue();
    }
  }

  /** The shortest decimal of a number (JDK 17's Float.toString is not always the shortest). */
  private static String decimal(Number n) {
    if (n instanceof Float f) {
      return Literals.formatFloat(f);
    }
    return n instanceof Double d ? Literals.formatDouble(d) : n.toString();
  }

  /**
   * For a string given where a boolean is wanted: a hint if it is one of YAML 1.1's boolean words
   * ({@code yes}, {@code no}, {@code on}, {@code off}, {@code y}, {@code n}), which this library
   * reads as strings, as YAML 1.2 does; otherwise "".
   */
  public static String booleanWordHint(Object raw) {
    if (raw instanceof String s
        && java.util.Set.of("y", "n", "yes", "no", "on", "off").contains(s.toLowerCase(java.util.Locale.ROOT))) {
      return " (yes/no/on/off are strings here, as in YAML 1.2: write true or false)";
    }
    return "";
  }

  /** Choices written for a message: {@code ['adam', 'sgd']}. */
  public static String list(List<?> choices) {
    return choices.stream().map(Literals::format).collect(Collectors.joining(", ", "[", "]"));
  }
}
