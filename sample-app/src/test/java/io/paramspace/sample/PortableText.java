package io.paramspace.sample;

import io.paramspace.runtime.text.Literals;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/**
 * Writes a sampled config as text that is the same on every JDK, for golden files: {@code
 * Name[component=value, ...]} like a record's {@code toString}, but with portable numbers.
 *
 * <p>A record's {@code toString} writes doubles with {@code Double.toString}, whose digits changed
 * in JDK 19 (JDK-4511638: JDK 17 sometimes writes more digits than needed), so a golden file
 * written on JDK 17 would fail on JDK 25 for the very same bits. Doubles are written with {@link
 * Literals#formatDouble} instead, rather than {@code Double.toHexString}: both are exact and the
 * same on every JDK, but formatDouble reads like the trees ({@code 0.00123}, {@code 1e-05}), so a
 * change in a golden diff can be judged by eye. It is exact because it picks the fewest digits that
 * read back as the same double, with BigDecimal arithmetic; {@link #number} checks that on every
 * value, so two different doubles can never be written alike. Floats likewise, with {@link
 * Literals#formatFloat} ({@code Float.toString} changed in JDK 19 too).
 */
final class PortableText {
  private PortableText() {}

  static String of(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Record record) {
      return ofRecord(record);
    }
    if (value instanceof Double || value instanceof Float) {
      return number((Number) value);
    }
    if (value instanceof String s) {
      return Literals.format(s);
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
      return value.toString();
    }
    throw new IllegalArgumentException("no portable text for a " + value.getClass().getName());
  }

  private static String ofRecord(Record record) {
    StringJoiner fields = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      fields.add(component.getName() + "=" + of(read(component, record)));
    }
    return fields.toString();
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }

  private static String number(Number value) {
    String text = Literals.format(value);
    boolean readsBack = value instanceof Float f
        ? Float.parseFloat(text) == f
        : Double.parseDouble(text) == value.doubleValue();
    if (!readsBack) {
      throw new AssertionError(value + " was written as " + text + ", which reads back as another number");
    }
    return text;
  }
}
