package io.paramspace.runtime.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.paramspace.runtime.InputFormat;
import io.paramspace.runtime.InputNode;
import io.paramspace.runtime.InputProblem;
import io.paramspace.runtime.InvalidInputException;
import io.paramspace.runtime.internal.FieldPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON, YAML or TOML into an {@link InputNode} tree that keeps the line and column of every
 * value, with Jackson's streaming parser (its tree model drops locations). Malformed input and
 * duplicate keys are reported as {@link InvalidInputException}s.
 */
public final class InputReader {
  public static final int MAX_DEPTH = 64;

  /**
   * The most a text may hold, in characters, and a file, in bytes: 1 MiB. Checked before anything
   * is parsed, so that a huge input is rejected at once (YAML's parser takes seconds per megabyte
   * of a single value); config and override files are a few kilobytes.
   */
  public static final int MAX_SIZE = 1 << 20;

  private static final String MAX_SIZE_TEXT = "1 MiB";

  // Jackson's factories are thread-safe; one of each, shared with InputWriter.
  private static final JsonFactory JSON = new JsonFactory();
  // YAML 1.2's booleans only: yes, no, on, off, y, n are strings (YAML 1.1 and Jackson's default
  // read them as booleans), so a String choice 'on' can be written as it reads.
  private static final JsonFactory YAML = YAMLFactory.builder()
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .build();
  private static final JsonFactory TOML = new TomlFactory();

  private InputReader() {}

  /** The Jackson factory that reads and writes {@code format}. */
  static JsonFactory factory(InputFormat format) {
    return switch (format) {
      case JSON -> JSON;
      case YAML -> YAML;
      case TOML -> TOML;
    };
  }

  public static InputNode read(Path file) {
    InputFormat format = InputFormat.of(file);
    String text;
    try {
      long size = Files.size(file);
      if (size > MAX_SIZE) {
        throw tooLarge(file.toString(), size + " bytes", MAX_SIZE + " bytes");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      String why = e instanceof NoSuchFileException ? "no such file: " + file.toAbsolutePath()
          : "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
      throw new InvalidInputException("Cannot read " + file + ":",
          List.of(new InputProblem(file.toString(), "", InputNode.Location.UNKNOWN, why)));
    }
    return read(text, format, file.toString());
  }

  private static InvalidInputException tooLarge(String source, String size, String limit) {
    return new InvalidInputException("Cannot read " + source + ":", List.of(new InputProblem(source, "",
        InputNode.Location.UNKNOWN, "is too large: " + size + ", over the limit of " + MAX_SIZE_TEXT + " (" + limit
            + ")")));
  }

  public static InputNode read(String text, InputFormat format, String source) {
    if (text.length() > MAX_SIZE) {
      throw tooLarge(source, text.length() + " characters", MAX_SIZE + " characters");
    }
    if (format == InputFormat.TOML) {
      String signed = TomlNegativeZeros.rewrite(text);
      if (signed != text) { // rewrite returns the text itself when it has no negative zero
        try {
          return parse(signed, format, source);
        } catch (InvalidInputException e) {
          parse(text, format, source); // the error with the positions of the text as written
          throw e;
        }
      }
    }
    return parse(text, format, source);
  }

  private static InputNode parse(String text, InputFormat format, String source) {
    List<InputProblem> problems = new ArrayList<>();
    InputNode root = null;
    try (JsonParser parser = factory(format).createParser(text)) {
      parser.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(new InputProblem(source, "", InputNode.Location.UNKNOWN, "is empty; write an object of fields"));
      } else {
        root = node(parser, "", source, problems, 0);
        if (problems.isEmpty() && parser.nextToken() != null) {
          problems.add(new InputProblem(source, "", location(parser.currentTokenLocation()),
              "has content after the end of the first value"));
        }
      }
    } catch (JsonProcessingException e) {
      problems.add(new InputProblem(source, "", location(e.getLocation()), "is malformed: " + e.getOriginalMessage()));
    } catch (IOException | RuntimeException e) {
      // Jackson's format modules may throw unchecked exceptions for malformed input.
      problems.add(new InputProblem(source, "", InputNode.Location.UNKNOWN,
          "is malformed: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Cannot read " + source + ":", problems);
    }
    return root;
  }

  private static InputNode node(JsonParser parser, String path, String source, List<InputProblem> problems, int depth)
      throws IOException {
    InputNode.Location at = location(parser.currentTokenLocation());
    if (depth > MAX_DEPTH) {
      throw new StructureException(parser, "nests deeper than " + MAX_DEPTH + " levels");
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT: {
        Map<String, InputNode> entries = new LinkedHashMap<>();
        Map<String, InputNode.Location> keys = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          InputNode.Location keyAt = location(parser.currentTokenLocation());
          if (keyAt.isKnown()) {
            keys.put(key, keyAt);
          }
          parser.nextToken();
          entries.put(key, node(parser, FieldPaths.child(path, key), source, problems, depth + 1));
        }
        return new InputNode.MapNode(entries, at, keys);
      }
      case START_ARRAY: {
        List<InputNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(node(parser, path, source, problems, depth + 1));
        }
        return new InputNode.ListNode(items, at);
      }
      case VALUE_STRING:
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
          // Jackson hands a YAML alias over as the string of its name: never take "*b" for "b".
          throw new StructureException(parser, "uses the alias *" + parser.getText()
              + "; YAML anchors and aliases are not supported, write the value itself");
        }
        return new InputNode.Scalar(parser.getText(), at);
      case VALUE_NUMBER_INT:
        return new InputNode.Scalar(parser.getNumberValue(), at);
      case VALUE_NUMBER_FLOAT: {
        Double special = yamlSpecialFloat(parser);
        return new InputNode.Scalar(special != null ? special : parser.getDoubleValue(), at);
      }
      case VALUE_TRUE:
        return new InputNode.Scalar(Boolean.TRUE, at);
      case VALUE_FALSE:
        return new InputNode.Scalar(Boolean.FALSE, at);
      case VALUE_NULL:
        return new InputNode.Scalar(null, at);
      default:
        Object embedded = token == JsonToken.VALUE_EMBEDDED_OBJECT ? parser.getEmbeddedObject() : null;
        if (embedded != null) {
          // TOML dates and times arrive as embedded objects: keep their text.
          return new InputNode.Scalar(embedded.toString(), at);
        }
        throw new StructureException(parser, "has an unexpected " + token);
    }
  }

  /**
   * YAML's {@code .inf}, {@code -.inf}, {@code +.inf} and {@code .nan} (in any of their cases),
   * which Jackson types as floats but cannot convert; {@code null} for any other token.
   */
  private static Double yamlSpecialFloat(JsonParser parser) throws IOException {
    if (!(parser instanceof YAMLParser)) {
      return null;
    }
    String text = parser.getText();
    String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    if (unsigned.equalsIgnoreCase(".inf")) {
      return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return text.equalsIgnoreCase(".nan") ? Double.NaN : null;
  }

  private static InputNode.Location location(JsonLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return InputNode.Location.UNKNOWN;
    }
    return new InputNode.Location(location.getLineNr(), location.getColumnNr());
  }

  /** A structural problem found while walking tokens, reported like a parse error. */
  private static final class StructureException extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    StructureException(JsonParser parser, String message) {
      super(message, parser.currentTokenLocation());
    }
  }
}
