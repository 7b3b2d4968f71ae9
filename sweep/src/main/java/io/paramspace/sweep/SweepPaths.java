package io.paramspace.sweep;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.Condition;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FixedSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.internal.Suggestions;
import io.paramspace.runtime.text.Literals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The field paths of a space, as sweeps set them: field names joined by dots, through nested
 * configs (conditional or not) and through a polymorphic field into whichever of its branches
 * has the field ({@code model.blockConfig.numLayers}); a polymorphic field's own path chooses its
 * branch by simple class name ({@code model.blockConfig = "ConvConfig"}).
 *
 * <p>Each path has one id; every parameter name of the space belongs to one path. A path inside
 * polymorphic branches has one <em>spot</em> per branch that has the field.
 */
final class SweepPaths {
  /** One place in the descriptor that a path reaches. */
  record Spot(String path, FieldSpace field, Space active, ConditionalSpace conditional, String recordPrefix) {}

  private final ConfigSpace<?> space;
  private final Map<String, List<Spot>> spots = new LinkedHashMap<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> byId = new ArrayList<>();
  private final Map<String, Integer> nameToId = new HashMap<>();
  private final boolean[] parameterPath;

  SweepPaths(ConfigSpace<?> space) {
    this.space = space;
    walk(space, "");
    for (Map.Entry<String, String> entry : SpaceWalk.names(space).entrySet()) {
      nameToId.put(entry.getValue(), id(SpaceWalk.path(entry.getKey())));
    }
    parameterPath = new boolean[byId.size()];
    for (int id : nameToId.values()) {
      parameterPath[id] = true;
    }
  }

  private void walk(ConfigSpace<?> config, String prefix) {
    for (FieldSpace field : config.fields()) {
      String path = prefix + field.name();
      Space active = field.space();
      ConditionalSpace conditional = null;
      if (active instanceof ConditionalSpace c) {
        conditional = c;
        active = c.whenTrue();
      }
      spots.computeIfAbsent(path, p -> new ArrayList<>()).add(new Spot(path, field, active, conditional, prefix));
      id(path);
      if (active instanceof ConfigSpace<?> nested) {
        walk(nested, path + ".");
      } else if (active instanceof PolymorphicSpace p) {
        for (ConfigSpace<?> branch : p.branches()) {
          walk(branch, path + ".");
        }
      }
    }
  }

  private int id(String path) {
    Integer id = ids.get(path);
    if (id == null) {
      id = byId.size();
      ids.put(path, id);
      byId.add(path);
    }
    return id;
  }

  int count() {
    return byId.size();
  }

  String path(int id) {
    return byId.get(id);
  }

  /** The id of the path that parameter {@code name} belongs to, or -1. */
  int idOfName(String name) {
    Integer id = nameToId.get(name);
    return id == null ? -1 : id;
  }

  /** {@code true} if some parameter of the space belongs to path {@code id} (it is not only fixed). */
  boolean isParameterPath(int id) {
    return parameterPath[id];
  }

  List<Spot> spots(String path) {
    return spots.getOrDefault(path, List.of());
  }

  /**
   * The id of {@code path}, checked: it exists and holds a value (not a whole nested config).
   *
   * @throws SweepException naming the path, with the closest field name
   */
  int resolve(String path) {
    List<Spot> found = spots.get(path);
    if (found == null) {
      throw new SweepException(unknown(path));
    }
    for (Spot spot : found) {
      if (spot.active() instanceof ConfigSpace<?> c) {
        throw new SweepException(path + " is a nested config (" + c.typeName() + "); set its fields, e.g. " + path + "."
            + c.field(0).name());
      }
    }
    return ids.get(path);
  }

  private String unknown(String path) {
    String[] segments = path.split("\\.", -1);
    String prefix = "";
    int k = 0;
    for (; k < segments.length - 1; k++) {
      String next = prefix.isEmpty() ? segments[k] : prefix + "." + segments[k];
      if (!spots.containsKey(next)) {
        break;
      }
      prefix = next;
    }
    List<String> children = new ArrayList<>();
    String childPrefix = prefix.isEmpty() ? "" : prefix + ".";
    for (String known : spots.keySet()) {
      if (known.startsWith(childPrefix) && known.indexOf('.', childPrefix.length()) < 0 && known.length() > childPrefix.length()) {
        children.add(known.substring(childPrefix.length()));
      }
    }
    String where = prefix.isEmpty() ? space.typeName() : prefix;
    String wrong = segments[k];
    if (children.isEmpty()) {
      return "unknown path " + path + ": " + where + " has no fields to set";
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String child : children) {
      int d = Suggestions.editDistance(wrong.toLowerCase(Locale.ROOT), child.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = child;
        bestDistance = d;
      }
    }
    String hint = bestDistance <= Math.max(2, wrong.length() / 2)
        ? " Did you mean \"" + childPrefix + best + "\"?"
        : " Its fields are: " + String.join(", ", children) + ".";
    return "unknown path " + path + ": " + where + " has no field " + wrong + " (in this space)." + hint;
  }

  /**
   * What is wrong with setting {@code path} to {@code value}, or {@code null} if it is a value of
   * the field's space at one of its spots at least.
   */
  String problem(String path, Object value) {
    List<String> problems = new ArrayList<>();
    for (Spot spot : spots(path)) {
      String problem = problem(spot, value);
      if (problem == null) {
        return null;
      }
      problems.add(problem);
    }
    return path + " = " + Literals.format(value) + ": " + String.join("; in another branch, ", problems);
  }

  private static String problem(Spot spot, Object value) {
    Space active = spot.active();
    if (active instanceof FixedSpace fixed) {
      if (Choices.same(fixed.value(), value)) {
        return null;
      }
      if (fixed.value() == null && spot.conditional() == null) {
        return "the field is inactive in this space (an override fixed what its condition reads); it cannot be set";
      }
      return "the field is fixed to " + Literals.format(fixed.value()) + " in this space";
    }
    if (active instanceof FloatSpace f) {
      if (!(value instanceof Number n) || !f.contains(n.doubleValue())) {
        return "is outside " + label(f);
      }
      return null;
    }
    if (active instanceof IntSpace s) {
      Long v = integral(value);
      if (v == null || !s.contains(v)) {
        return "is outside Int([" + s.min() + ", " + s.max() + "]" + (s.step() != 1 ? ", step=" + s.step() : "") + ")";
      }
      return null;
    }
    if (active instanceof CategoricalSpace<?> c) {
      if (Choices.indexOf(c.choices(), value) < 0) {
        return "is not a choice; choose one of " + list(c.choices());
      }
      return null;
    }
    if (active instanceof PolymorphicSpace p) {
      if (branchName(p, value) == null) {
        return "is not a branch; choose one of " + list(p.branches().stream().map(ConfigSpace::typeName).toList());
      }
      return null;
    }
    return "cannot be set";
  }

  static String label(FloatSpace f) {
    return "Float([" + Literals.formatDouble(f.min()) + ", " + Literals.formatDouble(f.max()) + "], "
        + (f.log() ? "log" : f.step() > 0 ? "step=" + Literals.formatDouble(f.step()) : "uniform") + ")";
  }

  static String list(List<?> values) {
    List<String> shown = new ArrayList<>();
    for (Object v : values) {
      shown.add(Literals.format(v));
    }
    return String.join(", ", shown);
  }

  /** {@code value} as a long if it is an integer (a whole double too, as JSON may give it), or null. */
  static Long integral(Object value) {
    if (value instanceof Number n && Choices.integral(n)) {
      return n.longValue();
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
      return d.longValue();
    }
    return null;
  }

  /** The branch of {@code p} that {@code value} names (simple name, class, or an instance), or null. */
  static String branchName(PolymorphicSpace p, Object value) {
    for (ConfigSpace<?> branch : p.branches()) {
      if (value instanceof String s && (s.equals(branch.typeName()) || s.equals(branch.type().getName()))
          || value instanceof Class<?> c && c == branch.type()) {
        return branch.typeName();
      }
    }
    return null;
  }

  /**
   * The value of {@code value} as a condition sees it at {@code spot} (the choice object, a long,
   * a double), or {@code null} if unknown.
   */
  static Object conditionValue(Spot spot, Object value) {
    Space active = spot.active();
    if (active instanceof CategoricalSpace<?> c) {
      int index = Choices.indexOf(c.choices(), value);
      return index < 0 ? null : c.choices().get(index);
    }
    if (active instanceof IntSpace) {
      return integral(value);
    }
    if (active instanceof FloatSpace && value instanceof Number n) {
      return n.doubleValue();
    }
    if (active instanceof FixedSpace f) {
      return f.value();
    }
    return null;
  }

  /** The condition of the conditional field at {@code path}, if there is exactly one spot. */
  Condition conditionOf(String path) {
    List<Spot> found = spots(path);
    return found.size() == 1 && found.get(0).conditional() != null ? found.get(0).conditional().condition() : null;
  }
}
