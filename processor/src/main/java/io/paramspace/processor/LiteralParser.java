package io.paramspace.processor;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses the string literals of {@code @Choice} and {@code @When} against a component's kind:
 * {@code Double}, {@code Float}, {@code Integer}, {@code Long}, {@code Boolean} or {@code String}
 * values; an enum constant or a permitted record as its name.
 */
final class LiteralParser {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  private LiteralParser() {}

  /**
   * The value of {@code text} for a component of {@code kind}, or {@code null} if it is none.
   *
   * @param names the enum constants or permitted record names, for those kinds
   */
  static Object parse(ValueKind kind, String text, List<String> names) {
    try {
      return switch (kind) {
        case DOUBLE -> DECIMAL.matcher(text).matches() ? finite(Double.parseDouble(text)) : null;
        case FLOAT -> DECIMAL.matcher(text).matches() ? finite(Float.parseFloat(text)) : null;
        case INT -> INTEGER.matcher(text).matches() ? Integer.parseInt(text) : null;
        case LONG -> INTEGER.matcher(text).matches() ? Long.parseLong(text) : null;
        case BOOLEAN -> text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
        case STRING -> text;
        case ENUM, POLYMORPHIC -> names.contains(text) ? text : null;
        case CONFIG -> null;
      };
    } catch (NumberFormatException outOfRange) {
      return null;
    }
  }

  private static Object finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static Object finite(float value) {
    return Float.isFinite(value) ? value : null;
  }

  /** What a literal of {@code kind} must be, for messages: "an int", "one of RELU, GELU". */
  static String expected(ValueKind kind, String typeName, List<String> names) {
    return switch (kind) {
      case DOUBLE -> "a double";
      case FLOAT -> "a float";
      case INT -> "an int";
      case LONG -> "a long";
      case BOOLEAN -> "true or false";
      case STRING -> "a string";
      case ENUM -> "a constant of " + typeName + " (" + String.join(", ", names) + ")";
      case POLYMORPHIC -> "a permitted record of " + typeName + " (" + String.join(", ", names) + ")";
      case CONFIG -> "a value of a nested config";
    };
  }

  /** {@code value} written for a message: strings and names quoted, numbers plain. */
  static String show(Object value) {
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    return String.valueOf(value);
  }

  /** A number written for a message without a needless ".0". */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
