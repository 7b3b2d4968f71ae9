package io.paramspace.runtime.text;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FixedSpace;
import io.paramspace.runtime.InputFormat;
import io.paramspace.runtime.InputNode;
import io.paramspace.runtime.InputProblem;
import io.paramspace.runtime.InvalidInputException;
import io.paramspace.runtime.InvalidConfigException;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.internal.Accesses;
import io.paramspace.runtime.internal.FieldPaths;
import io.paramspace.runtime.internal.Suggestions;
import io.paramspace.runtime.internal.Values;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes configs as JSON, YAML or TOML and reads them back, validated. Configs are objects of
 * their fields, tagged with {@code "__type__": "ClassName"} as SpaX does (which is how a
 * polymorphic field says its branch); enums are written by name; inactive conditional fields are
 * written as their fixed value ({@code null} is left out in TOML, and a missing key reads as null).
 */
public final class ConfigCodec {
  /** The key that names a config's class. */
  public static final String TYPE_KEY = "__type__";

  private final String source;
  private final List<InputProblem> problems = new ArrayList<>();

  private ConfigCodec(String source) {
    this.source = source;
  }

  /** {@code config} written in {@code format}. */
  public static String write(ConfigSpace<?> space, Object config, InputFormat format) {
    ConfigValidator.validate(space, config);
    return InputWriter.write(encode(space, config), format);
  }

  /**
   * The config written in {@code text}, checked against {@code space}.
   *
   * @throws InvalidInputException with every problem: malformed text, unknown or missing fields,
   *     values of the wrong type, violations of the space
   */
  public static <C> C read(ConfigSpace<C> space, String text, InputFormat format, String source) {
    return decode(space, InputReader.read(text, format, source), source);
  }

  /** The config in a JSON, YAML or TOML file (by extension), checked against {@code space}. */
  public static <C> C load(ConfigSpace<C> space, Path file) {
    return decode(space, InputReader.read(file), file.toString());
  }

  private static <C> C decode(ConfigSpace<C> space, InputNode root, String source) {
    ConfigCodec codec = new ConfigCodec(source);
    Object config = codec.config(space, root, "");
    if (codec.problems.isEmpty()) {
      codec.problems.addAll(ConfigValidator.violations(space, config, source));
    }
    if (!codec.problems.isEmpty()) {
      throw new InvalidConfigException(space.typeName(), codec.problems);
    }
    return space.type().cast(config);
  }

  // ---- writing -------------------------------------------------------------------------------

  private static InputNode.MapNode encode(ConfigSpace<?> space, Object config) {
    Object[] values = Accesses.require(space).components(config);
    Map<String, InputNode> entries = new LinkedHashMap<>();
    entries.put(TYPE_KEY, InputNode.Scalar.of(space.typeName()));
    for (int i = 0; i < values.length; i++) {
      entries.put(space.field(i).name(), encodeValue(space.field(i).space(), values[i]));
    }
    return new InputNode.MapNode(entries, InputNode.Location.UNKNOWN);
  }

  private static InputNode encodeValue(Space space, Object value) {
    if (value == null) {
      return InputNode.Scalar.of(null);
    }
    if (space instanceof ConditionalSpace c) {
      return encodeValue(c.whenTrue(), value);
    }
    if (space instanceof ConfigSpace<?> c) {
      return encode(c, value);
    }
    if (space instanceof PolymorphicSpace p) {
      return encode(FieldPaths.branchOf(p, value), value);
    }
    return InputNode.Scalar.of(value);
  }

  // ---- reading -------------------------------------------------------------------------------

  private void problem(String path, InputNode at, String message) {
    problem(path, at.location(), message);
  }

  private void problem(String path, InputNode.Location at, String message) {
    problems.add(new InputProblem(source, path, at, message));
  }

  private Object config(ConfigSpace<?> space, InputNode node, String path) {
    if (!(node instanceof InputNode.MapNode map)) {
      problem(path, node, "is " + InputNode.describe(node) + "; expected an object of the fields of " + space.typeName());
      return null;
    }
    int start = problems.size();
    InputNode tag = map.entries().get(TYPE_KEY);
    if (tag != null && !(tag instanceof InputNode.Scalar s && space.typeName().equals(s.value()))) {
      problem(FieldPaths.child(path, TYPE_KEY), tag, "is " + InputNode.describe(tag) + "; expected '"
          + space.typeName() + "'");
    }
    List<String> names = space.fields().stream().map(FieldSpace::name).toList();
    for (Map.Entry<String, InputNode> entry : map.entries().entrySet()) {
      if (!entry.getKey().equals(TYPE_KEY) && !names.contains(entry.getKey())) {
        problem(FieldPaths.child(path, Literals.briefName(entry.getKey())), map.keyLocation(entry.getKey()),
            "is not a field of " + space.typeName() + "." + Suggestions.didYouMean(entry.getKey(), names));
      }
    }
    Object[] values = new Object[space.fields().size()];
    boolean[] read = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      FieldSpace field = space.field(i);
      String at = FieldPaths.child(path, field.name());
      InputNode value = map.entries().get(field.name());
      int before = problems.size();
      if (value == null) {
        if (!mayBeMissing(field)) {
          problem(at, node, "is missing; every field of " + space.typeName() + " needs a value");
        }
      } else {
        values[i] = value(field.space(), field.type(), value, at);
      }
      read[i] = problems.size() == before;
    }
    if (problems.size() == start) {
      return Accesses.require(space).create(values);
    }
    // No config comes of it, but the fields that were read are checked now, so that one error
    // lists the values out of range along with the unknown keys and the missing fields.
    problems.addAll(ConfigValidator.violations(space, values, read, path, source));
    return null;
  }

  /**
   * A missing key reads as null where null is the value while inactive, or the only value (a field
   * a narrowing made inactive for good): TOML leaves nulls out.
   */
  private static boolean mayBeMissing(FieldSpace field) {
    Space space = field.space() instanceof ConditionalSpace c ? c.whenFalse() : field.space();
    return space instanceof FixedSpace f && f.value() == null;
  }

  private Object value(Space space, Class<?> type, InputNode node, String path) {
    Object raw = node instanceof InputNode.Scalar s ? s.value() : null;
    if (space instanceof ConditionalSpace c) {
      if (node instanceof InputNode.Scalar && raw == null) {
        if (type.isPrimitive()) {
          problem(path, node, "is null; expected " + expected(type));
        }
        return null; // for a reference type, whether null is allowed here is the validator's question
      }
      if (c.whenTrue() instanceof ConfigSpace<?> || c.whenTrue() instanceof PolymorphicSpace) {
        return value(c.whenTrue(), type, node, path);
      }
    }
    if (space instanceof ConfigSpace<?> c) {
      return raw == null && node instanceof InputNode.Scalar ? null : config(c, node, path);
    }
    if (space instanceof PolymorphicSpace p) {
      if (node instanceof InputNode.Scalar && raw == null) {
        return null;
      }
      return branch(p, node, path);
    }
    if (!(node instanceof InputNode.Scalar)) {
      problem(path, node, "is " + InputNode.describe(node) + "; expected a single value");
      return null;
    }
    if (raw == null) {
      if (type.isPrimitive()) {
        problem(path, node, "is null; expected " + expected(type));
      }
      return null;
    }
    Object value = convert(space, type, raw);
    if (value == null) {
      problem(path, node, "is " + InputNode.describe(node) + "; expected " + expected(type)
          + (type == boolean.class || type == Boolean.class ? Values.booleanWordHint(raw) : ""));
    }
    return value;
  }

  private Object branch(PolymorphicSpace space, InputNode node, String path) {
    List<String> names = space.branches().stream().map(ConfigSpace::typeName).toList();
    InputNode tag = node instanceof InputNode.MapNode map ? map.entries().get(TYPE_KEY) : null;
    if (tag == null) {
      problem(path, node, "needs \"" + TYPE_KEY + "\" to say its branch, one of " + names);
      return null;
    }
    Object name = tag instanceof InputNode.Scalar s ? s.value() : null;
    for (ConfigSpace<?> branch : space.branches()) {
      if (branch.typeName().equals(name)) {
        return config(branch, node, FieldPaths.child(path, branch.typeName())); // as the validator names it
      }
    }
    problem(FieldPaths.child(path, TYPE_KEY), tag, Literals.brief(name) + " is not a branch; expected one of "
        + names + "." + (name instanceof String n ? Suggestions.didYouMean(n, names) : ""));
    return null;
  }

  /** {@code raw} as a value of the field's type, or {@code null} if it is none. */
  private static Object convert(Space space, Class<?> type, Object raw) {
    if (type == boolean.class || type == Boolean.class) {
      return raw instanceof Boolean ? raw : null;
    }
    if (type == String.class) {
      return raw instanceof String ? raw : null;
    }
    if (type.isEnum()) {
      for (Object known : knownValues(space)) {
        if (Values.sameValue(raw, known)) {
          return known;
        }
      }
      return null;
    }
    return Values.number(raw, type);
  }

  /** The values a space mentions (choices, fixed values): how enum names become constants. */
  private static List<Object> knownValues(Space space) {
    List<Object> values = new ArrayList<>();
    if (space instanceof CategoricalSpace<?> c) {
      values.addAll(c.choices());
    } else if (space instanceof FixedSpace f && f.value() != null) {
      values.add(f.value());
    } else if (space instanceof ConditionalSpace c) {
      values.addAll(knownValues(c.whenTrue()));
      values.addAll(knownValues(c.whenFalse()));
    }
    return values;
  }

  private static String expected(Class<?> type) {
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isEnum()) {
      return "the name of a constant of " + type.getSimpleName();
    }
    return Values.describeType(type);
  }
}
