package io.paramspace.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value read from a file or a map, with where it was written: the one tree behind overrides
 * (from files, maps and generated builders) and config serialization. Scalars are {@code String},
 * {@code Boolean}, a {@code Number} or {@code null}.
 */
public sealed interface InputNode {
  /** Where the value starts in its source, or {@link Location#UNKNOWN}. */
  Location location();

  /** A line and column (1-based) in a source; 0 when the parser did not say. */
  record Location(int line, int column) {
    public static final Location UNKNOWN = new Location(0, 0);

    public boolean isKnown() {
      return line > 0;
    }
  }

  record Scalar(Object value, Location location) implements InputNode {}

  record ListNode(List<InputNode> items, Location location) implements InputNode {
    public ListNode {
      items = List.copyOf(items);
    }
  }

  /** An object; keys in the order written. */
  record MapNode(Map<String, InputNode> entries, Location location) implements InputNode {
    public MapNode {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
  }

  /** What kind of value this is, for messages: "a number", "a list", "an object". */
  static String describe(InputNode node) {
    if (node instanceof ListNode) {
      return "a list";
    }
    if (node instanceof MapNode) {
      return "an object";
    }
    Object value = ((Scalar) node).value();
    if (value == null) {
      return "null";
    }
    if (value instanceof Number) {
      return "the number " + Literals.format(value);
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    return "the string " + Literals.format(value);
  }

  /**
   * The tree of plain Java values: maps with string keys, lists, and scalars. Anything else is
   * reported as a problem at {@code path}.
   */
  static InputNode fromJava(Object value, String path, List<InputProblem> problems, String source) {
    if (value instanceof Map<?, ?> map) {
      Map<String, InputNode> entries = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          problems.add(new InputProblem(source, path, Location.UNKNOWN,
              "key " + entry.getKey() + " is not a string; keys are field names"));
          continue;
        }
        entries.put(key, fromJava(entry.getValue(), InputProblem.child(path, key), problems, source));
      }
      return new MapNode(entries, Location.UNKNOWN);
    }
    if (value instanceof List<?> list) {
      List<InputNode> items = new java.util.ArrayList<>();
      for (Object item : list) {
        items.add(fromJava(item, path, problems, source));
      }
      return new ListNode(items, Location.UNKNOWN);
    }
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
      return new Scalar(value, Location.UNKNOWN);
    }
    if (value instanceof Enum<?> e) {
      return new Scalar(e.name(), Location.UNKNOWN);
    }
    problems.add(new InputProblem(source, path, Location.UNKNOWN,
        "value of type " + value.getClass().getSimpleName() + " is not supported; use a number, string,"
            + " boolean, list or map"));
    return new Scalar(null, Location.UNKNOWN);
  }
}
