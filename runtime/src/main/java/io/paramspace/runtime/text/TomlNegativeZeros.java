package io.paramspace.runtime.text;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Keeps the sign of TOML's negative zero. Jackson's TOML parser reads every float literal into a
 * {@code BigDecimal}, which has no negative zero, so {@code momentum = -0.0} came back as {@code
 * 0.0} and a config written by {@code toToml} did not read back equal. Before parsing, each float
 * literal that is a negative zero ({@code -0.0}, {@code -0e0}, {@code -0.00_0}) in a value's place
 * is written as {@code -1e-400}: a decimal Jackson keeps, whose nearest double is {@code -0.0}.
 * Strings, comments, keys and table headers are left alone; a text without {@code -0} is returned
 * as it is.
 */
final class TomlNegativeZeros {
  private TomlNegativeZeros() {}

  /** Rounds to -0.0 as a double, and is a float literal TOML and Jackson read. */
  static final String REPLACEMENT = "-1e-400";

  private static final Pattern NEGATIVE_ZERO =
      Pattern.compile("-0(?:\\.0(?:_?0)*(?:[eE][+-]?[0-9](?:_?[0-9])*)?|[eE][+-]?[0-9](?:_?[0-9])*)");

  /** {@code text} with its negative-zero float values written as {@link #REPLACEMENT}. */
  static String rewrite(String text) {
    if (!text.contains("-0")) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    // '[' for an array, '{' for an inline table, around the current position.
    Deque<Character> nesting = new ArrayDeque<>();
    boolean valueHere = false; // a value may start here: after '=', or in an array after '[' or ','
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      switch (c) {
        case '#' -> {
          while (i < n && text.charAt(i) != '\n') {
            i++;
          }
          continue;
        }
        case '"', '\'' -> {
          i = endOfString(text, i);
          valueHere = false;
          continue;
        }
        case '\n' -> {
          if (nesting.isEmpty()) {
            valueHere = false; // a new line of keys (arrays may span lines)
          }
          i++;
          continue;
        }
        case ' ', '\t', '\r' -> {
          i++;
          continue;
        }
        case '=' -> {
          valueHere = true;
          i++;
          continue;
        }
        case '[' -> {
          if (valueHere) {
            nesting.push('['); // an array; outside a value's place, a table header
          }
          i++;
          continue;
        }
        case '{' -> {
          nesting.push('{');
          valueHere = false;
          i++;
          continue;
        }
        case ']', '}' -> {
          if (!nesting.isEmpty() && nesting.peek() == (c == ']' ? '[' : '{')) {
            nesting.pop();
          }
          valueHere = false;
          i++;
          continue;
        }
        case ',' -> {
          valueHere = !nesting.isEmpty() && nesting.peek() == '[';
          i++;
          continue;
        }
        default -> {
          // A bare token: a key, a number, a boolean, a date.
        }
      }
      int end = i;
      while (end < n && !isDelimiter(text.charAt(end))) {
        end++;
      }
      if (valueHere && NEGATIVE_ZERO.matcher(text).region(i, end).matches()) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16);
        }
        out.append(text, copied, i).append(REPLACEMENT);
        copied = end;
      }
      valueHere = false;
      i = end;
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, n).toString();
  }

  private static boolean isDelimiter(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ']' || c == '}' || c == '['
        || c == '{' || c == '#' || c == '=' || c == '"' || c == '\'';
  }

  /** The index just past the string starting at {@code start}; the end of the line or text if it is not closed. */
  private static int endOfString(String text, int start) {
    char quote = text.charAt(start);
    String triple = String.valueOf(quote).repeat(3);
    int n = text.length();
    if (text.startsWith(triple, start)) {
      int i = start + 3;
      while (i < n) {
        if (quote == '"' && text.charAt(i) == '\\') {
          i += 2;
        } else if (text.startsWith(triple, i)) {
          int end = i + 3;
          // Up to two more quotes belong to the string: """a""""" is 'a""'.
          for (int extra = 0; extra < 2 && end < n && text.charAt(end) == quote; extra++) {
            end++;
          }
          return end;
        } else {
          i++;
        }
      }
      return n;
    }
    int i = start + 1;
    while (i < n) {
      char c = text.charAt(i);
      if (quote == '"' && c == '\\') {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else if (c == '\n') {
        return i;
      } else {
        i++;
      }
    }
    return n;
  }
}
