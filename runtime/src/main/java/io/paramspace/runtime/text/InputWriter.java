package io.paramspace.runtime.text;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.paramspace.runtime.InputFormat;
import io.paramspace.runtime.InputNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Map;

/** Writes an {@link InputNode} tree as JSON (pretty), YAML or TOML with Jackson's generators. */
public final class InputWriter {
  private InputWriter() {}

  public static String write(InputNode node, InputFormat format) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = InputReader.factory(format).createGenerator(out)) {
      if (format == InputFormat.JSON) {
        generator.setPrettyPrinter(new DefaultPrettyPrinter());
      }
      write(generator, node, format);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string failed", e);
    }
    String text = out.toString();
    return text.endsWith("\n") ? text : text + "\n";
  }

  private static void write(JsonGenerator generator, InputNode node, InputFormat format) throws IOException {
    if (node instanceof InputNode.MapNode map) {
      generator.writeStartObject();
      for (Map.Entry<String, InputNode> entry : map.entries().entrySet()) {
        boolean isNull = entry.getValue() instanceof InputNode.Scalar s && s.value() == null;
        if (isNull && format == InputFormat.TOML) {
          continue; // TOML has no null: a missing key reads back as null
        }
        generator.writeFieldName(entry.getKey());
        write(generator, entry.getValue(), format);
      }
      generator.writeEndObject();
    } else if (node instanceof InputNode.ListNode list) {
      generator.writeStartArray();
      for (InputNode item : list.items()) {
        write(generator, item, format);
      }
      generator.writeEndArray();
    } else {
      Object value = ((InputNode.Scalar) node).value();
      if (value == null) {
        generator.writeNull();
      } else if (value instanceof String s) {
        generator.writeString(s);
      } else if (value instanceof Boolean b) {
        generator.writeBoolean(b);
      } else if (value instanceof Double d) {
        generator.writeNumber(d);
      } else if (value instanceof Float f) {
        generator.writeNumber(f);
      } else if (value instanceof BigInteger b) {
        generator.writeNumber(b);
      } else {
        generator.writeNumber(((Number) value).longValue());
      }
    }
  }
}
