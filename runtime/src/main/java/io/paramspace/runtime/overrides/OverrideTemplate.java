package io.paramspace.runtime.overrides;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FixedSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.InputFormat;
import io.paramspace.runtime.InputNode;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.text.InputWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole space written in the override grammar, as a file to copy and edit: ranges as {@code
 * {"min", "max"}}, categoricals as the list of their choices, branches as objects, conditionals
 * as {@code {"true": ..., "false": ...}}, fixed values as themselves ({@code null} ones left out,
 * as TOML cannot write them). Applying it unchanged leaves the space as it is.
 */
public final class OverrideTemplate {
  private OverrideTemplate() {}

  public static String write(ConfigSpace<?> space, InputFormat format) {
    return InputWriter.write(config(space), format);
  }

  static InputNode.MapNode config(ConfigSpace<?> space) {
    Map<String, InputNode> fields = new LinkedHashMap<>();
    for (FieldSpace field : space.fields()) {
      InputNode node = node(field.space());
      if (node != null) {
        fields.put(field.name(), node);
      }
    }
    return map(fields);
  }

  /** The template of one space, or {@code null} for nothing to write. */
  private static InputNode node(Space space) {
    if (space instanceof FloatSpace f) {
      return bounds(f.min(), f.max());
    }
    if (space instanceof IntSpace i) {
      return bounds(i.min(), i.max());
    }
    if (space instanceof CategoricalSpace<?> c) {
      List<InputNode> items = new ArrayList<>();
      for (Object choice : c.choices()) {
        items.add(InputNode.Scalar.of(choice));
      }
      return new InputNode.ListNode(items, InputNode.Location.UNKNOWN);
    }
    if (space instanceof FixedSpace f) {
      return f.value() == null ? null : InputNode.Scalar.of(f.value());
    }
    if (space instanceof ConfigSpace<?> c) {
      return config(c);
    }
    if (space instanceof PolymorphicSpace p) {
      Map<String, InputNode> branches = new LinkedHashMap<>();
      for (ConfigSpace<?> branch : p.branches()) {
        branches.put(branch.typeName(), config(branch));
      }
      return map(branches);
    }
    ConditionalSpace c = (ConditionalSpace) space;
    Map<String, InputNode> sides = new LinkedHashMap<>();
    InputNode whenTrue = node(c.whenTrue());
    InputNode whenFalse = node(c.whenFalse());
    if (whenTrue != null) {
      sides.put("true", whenTrue);
    }
    if (whenFalse != null) {
      sides.put("false", whenFalse);
    }
    return sides.isEmpty() ? null : map(sides);
  }

  private static InputNode bounds(Number min, Number max) {
    Map<String, InputNode> bounds = new LinkedHashMap<>();
    bounds.put("min", InputNode.Scalar.of(min));
    bounds.put("max", InputNode.Scalar.of(max));
    return map(bounds);
  }

  private static InputNode.MapNode map(Map<String, InputNode> entries) {
    return new InputNode.MapNode(entries, InputNode.Location.UNKNOWN);
  }
}
