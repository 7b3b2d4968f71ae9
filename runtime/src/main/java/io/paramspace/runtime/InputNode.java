package io.paramspace.runtime;

import io.paramspace.runtime.internal.FieldPaths;
import io.paramspace.runtime.text.InputReader;
import io.paramspace.runtime.text.Literals;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  record Scalar(Object value, Location location) implements InputNode {
    /** A value written by the program, not read: an enum constant becomes its name. */
    public static Scalar of(Object value) {
      return new Scalar(value instanceof Enum<?> e ? e.name() : value, Location.UNKNOWN);
    }
  }

  record ListNode(List<InputNode> items, Location location) implements InputNode {
    public ListNode {
      items = List.copyOf(items);
    }
  }

  /**
   * An object; keys in the order written. {@code keyLocations} says where each key was written,
   * for the keys whose position the parser knew (JSON and YAML); a problem with a key itself (an
   * unknown field, a branch that does not exist) is reported there rather than at its value.
   */
  record MapNode(Map<String, InputNode> entries, Location location, Map<String, Location> keyLocations)
      implements InputNode {
    public MapNode {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keyLocations = Map.copyOf(keyLocations);
    }

    /** An object whose keys' positions are not known: written by a program, or by TOML's parser. */
    public MapNode(Map<String, InputNode> entries, Location location) {
      this(entries, location, Map.of());
    }

    /**
     * Where {@code key} was written; where its value starts if the parser did not say; {@link
     * Location#UNKNOWN} if neither is known.
     */
    public Location keyLocation(String key) {
      Location at = keyLocations.get(key);
      if (at != null) {
        return at;
      }
      InputNode value = entries.get(key);
      return value == null ? Location.UNKNOWN : value.location();
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
      return "the number " + Literals.brief(value);
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    return "the string " + Literals.brief(value);
  }

  /**
   * The tree of plain Java values: maps with string keys, lists, and scalars. Anything else is
   * reported as a problem at {@code path}.
   */
  static InputNode fromJava(Object value, String path, List<InputProblem> problems, String source) {
    return fromJava(value, path, problems, source, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /** {@code enclosing}: the maps and lists around {@code value}, so one that contains itself stops. */
  private static InputNode fromJava(Object value, String path, List<InputProblem> problems, String source,
      Set<Object> enclosing) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      if (enclosing.size() >= InputReader.MAX_DEPTH || !enclosing.add(value)) {
        problems.add(new InputProblem(source, path, Location.UNKNOWN, enclosing.contains(value)
            ? "contains itself" : "nests deeper than " + InputReader.MAX_DEPTH + " levels"));
        return new Scalar(null, Location.UNKNOWN);
      }
      try {
        return container(value, path, problems, source, enclosing);
      } finally {
        enclosing.remove(value);
      }
    }
    if (value instanceof Number && !isStandardNumber(value)) {
      // Another Number (an AtomicInteger, a caller's own) may convert differently or throw where
      // it is used: stop it here, where the caller can see which value it is.
      problems.add(new InputProblem(source, path, Location.UNKNOWN, "is a " + value.getClass().getName()
          + "; use an Integer, Long, Double, BigDecimal or BigInteger"));
      return new Scalar(null, Location.UNKNOWN);
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

  /**
   * The number types a map may hold: Java's boxed numbers, and BigDecimal and BigInteger themselves
   * (not a subclass, which may override their conversions).
   */
  private static boolean isStandardNumber(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof Double || value instanceof Float
        || value.getClass() == java.math.BigDecimal.class || value.getClass() == java.math.BigInteger.class;
  }

  private static InputNode container(Object value, String path, List<InputProblem> problems, String source,
      Set<Object> enclosing) {
    if (value instanceof Map<?, ?> map) {
      Map<String, InputNode> entries = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          problems.add(new InputProblem(source, path, Location.UNKNOWN,
              "key " + entry.getKey() + " is not a string; keys are field names"));
          continue;
        }
        entries.put(key, fromJava(entry.getValue(), FieldPaths.child(path, key), problems, source, enclosing));
      }
      return new MapNode(entries, Location.UNKNOWN);
    }
    List<InputNode> items = new java.util.ArrayList<>();
    for (Object item : (List<?>) value) {
      items.add(fromJava(item, path, problems, source, enclosing));
    }
    return new ListNode(items, Location.UNKNOWN);
  }
}
