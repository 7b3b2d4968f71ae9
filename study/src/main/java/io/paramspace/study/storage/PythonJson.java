package io.paramspace.study.storage;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.paramspace.runtime.text.Literals;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON as Python's {@code json.dumps} writes it, with its defaults: {@code ", "} and {@code ": "}
 * separators, non-ASCII characters escaped, floats as {@code repr} writes them ({@code 1e-05},
 * {@code 0.5}) and infinities as {@code Infinity}. Written the same, a value that Paramspace stores
 * is byte for byte what Optuna stores. Reading accepts any JSON and Python's non-finite tokens.
 */
public final class PythonJson {
  /** Started on the first text {@link JsonReader} does not take. */
  private static final class Jackson {
    static final ObjectMapper READER = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .enable(DeserializationFeature.USE_LONG_FOR_INTS)
        .build();
  }

  private PythonJson() {}

  /** {@code value} (null, String, Boolean, a Number, a Map with String keys, a List) as JSON. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  /** A JSON text as null, String, Boolean, Long, Double, Map (in order) or List. */
  public static Object read(String json) {
    // The short texts of a study without Jackson (which a fresh process would have to start).
    Object quick = JsonReader.read(json);
    if (quick != JsonReader.NOT_READ) {
      return quick;
    }
    try {
      return Jackson.READER.readValue(json, Object.class);
    } catch (IOException e) {
      throw new StorageException("not valid JSON: " + json + " (" + e.getMessage() + ")", e);
    }
  }

  static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (value instanceof Double || value instanceof Float) {
      number(((Number) value).doubleValue(), out);
    } else if (value instanceof Number n) {
      out.append(n.toString());
    } else if (value instanceof Enum<?> e) {
      string(e.name(), out);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> entry = it.next();
        string(String.valueOf(entry.getKey()), out);
        out.append(": ");
        write(entry.getValue(), out);
        if (it.hasNext()) {
          out.append(", ");
        }
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        write(list.get(i), out);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName()
          + " as JSON; use null, String, Boolean, a number, a Map or a List");
    }
  }

  private static void number(double d, StringBuilder out) {
    if (Double.isNaN(d)) {
      out.append("NaN");
    } else if (Double.isInfinite(d)) {
      out.append(d > 0 ? "Infinity" : "-Infinity");
    } else {
      out.append(Literals.formatDouble(d));
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
