package io.paramspace.study.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader for the short texts a study stores (attributes, distributions), giving
 * what {@link PythonJson#read} gives: {@code null}, {@link String}, {@link Boolean}, {@link Long}
 * (an integer literal that fits), {@link Double} (a literal with a fraction or exponent, and Python's
 * {@code NaN}, {@code Infinity}, {@code -Infinity}), {@link Map} in order, {@link List}. It exists so
 * that opening a study and reading its trials does not start Jackson (a tenth of a second in a fresh
 * process); a text it does not take ({@code null} return) is read by Jackson instead.
 */
final class JsonReader {
  private final String s;
  private int i;

  private JsonReader(String s) {
    this.s = s;
  }

  /** The value of {@code json}, or {@code NOT_READ} if this reader does not take it. */
  static Object read(String json) {
    JsonReader r = new JsonReader(json);
    try {
      Object v = r.value();
      r.space();
      return r.i == json.length() ? v : NOT_READ;
    } catch (RuntimeException e) {
      return NOT_READ;
    }
  }

  static final Object NOT_READ = new Object();

  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  private void space() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      i++;
    }
  }

  private Object value() {
    space();
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      case 'N':
        return literal("NaN", Double.NaN);
      case 'I':
        return literal("Infinity", Double.POSITIVE_INFINITY);
      default:
        if (c == '-' && s.startsWith("-Infinity", i)) {
          return literal("-Infinity", Double.NEGATIVE_INFINITY);
        }
        return number();
    }
  }

  private Object literal(String word, Object value) {
    if (!s.startsWith(word, i)) {
      throw new Unsupported();
    }
    i += word.length();
    return value;
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    i++;
    space();
    if (s.charAt(i) == '}') {
      i++;
      return map;
    }
    while (true) {
      space();
      if (s.charAt(i) != '"') {
        throw new Unsupported();
      }
      String key = string();
      space();
      if (s.charAt(i++) != ':') {
        throw new Unsupported();
      }
      map.put(key, value());
      space();
      char c = s.charAt(i++);
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        throw new Unsupported();
      }
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    i++;
    space();
    if (s.charAt(i) == ']') {
      i++;
      return list;
    }
    while (true) {
      list.add(value());
      space();
      char c = s.charAt(i++);
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        throw new Unsupported();
      }
    }
  }

  private String string() {
    i++; // the opening quote
    StringBuilder out = null;
    int start = i;
    while (true) {
      char c = s.charAt(i);
      if (c == '"') {
        String chunk = s.substring(start, i);
        i++;
        return out == null ? chunk : out.append(chunk).toString();
      }
      if (c < 0x20) {
        throw new Unsupported();
      }
      if (c == '\\') {
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(s, start, i);
        char e = s.charAt(i + 1);
        i += 2;
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> throw new Unsupported();
        }
        start = i;
      } else {
        i++;
      }
    }
  }

  private Object number() {
    int start = i;
    if (s.charAt(i) == '-') {
      i++;
    }
    int digits = i;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == digits || (s.charAt(digits) == '0' && i - digits > 1)) {
      throw new Unsupported(); // no digits, or a leading zero
    }
    boolean integral = true;
    if (i < s.length() && s.charAt(i) == '.') {
      integral = false;
      i++;
      int fraction = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == fraction) {
        throw new Unsupported();
      }
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      integral = false;
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponent = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == exponent) {
        throw new Unsupported();
      }
    }
    String text = s.substring(start, i);
    if (integral) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException tooLong) {
        throw new Unsupported(); // Jackson decides (and refuses it, as it reads integers as longs)
      }
    }
    return Double.parseDouble(text);
  }
}
