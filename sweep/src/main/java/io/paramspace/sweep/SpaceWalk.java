package io.paramspace.sweep;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.Space;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What this module needs to know about a space's descriptor beyond {@link ConfigSpace}'s API: the
 * parameter name of each spot of the descriptor, and the sampling order of a record's fields.
 *
 * <p>A spot is written as a <em>location</em>: field names joined by dots, {@code {Branch}} after
 * a polymorphic field for a field inside that branch, and {@code ?true} / {@code ?false} after a
 * conditional field for its two sides: {@code model.blockConfig{DenseConfig}.dropoutRate?true}.
 * Names are found by walking the descriptor in {@link ConfigSpace#parameterNames()}'s order
 * (depth-first, declaration order) and pairing each parameter with the runtime's name for it, so
 * this module never spells a name itself.
 */
final class SpaceWalk {
  private SpaceWalk() {}

  /** Location to parameter name, for every parameter of {@code space}. */
  static Map<String, String> names(ConfigSpace<?> space) {
    List<String> locations = new ArrayList<>();
    config(locations, space, "");
    List<String> names = space.parameterNames();
    if (locations.size() != names.size()) {
      throw new IllegalStateException("the descriptor of " + space.typeName() + " has " + locations.size()
          + " parameters but parameterNames() lists " + names.size() + "; this module and the runtime disagree");
    }
    Map<String, String> byLocation = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      byLocation.put(locations.get(i), names.get(i));
    }
    return byLocation;
  }

  private static void config(List<String> out, ConfigSpace<?> config, String prefix) {
    for (FieldSpace field : config.fields()) {
      space(out, field.space(), prefix + field.name());
    }
  }

  private static void space(List<String> out, Space space, String location) {
    if (space instanceof FloatSpace || space instanceof IntSpace || space instanceof CategoricalSpace) {
      out.add(location);
    } else if (space instanceof ConfigSpace<?> c) {
      config(out, c, location + ".");
    } else if (space instanceof PolymorphicSpace p) {
      if (p.branches().size() > 1) {
        out.add(location);
      }
      for (ConfigSpace<?> branch : p.branches()) {
        config(out, branch, branchPrefix(location, branch));
      }
    } else if (space instanceof ConditionalSpace c) {
      space(out, c.whenTrue(), location + "?true");
      space(out, c.whenFalse(), location + "?false");
    }
  }

  /** The location prefix of the fields of {@code branch} of the polymorphic field at {@code location}. */
  static String branchPrefix(String location, ConfigSpace<?> branch) {
    return location + "{" + branch.typeName() + "}.";
  }

  /**
   * The fields of {@code config} in sampling order: declaration order, except that the fields a
   * condition reads (the first step of each of its paths) are placed, recursively and in the
   * order the condition reads them, just before the first field whose condition reads them. This
   * is the order in which generated code samples the fields.
   */
  static List<FieldSpace> samplingOrder(ConfigSpace<?> config) {
    Set<String> placed = new LinkedHashSet<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (FieldSpace field : config.fields()) {
      place(config, field.name(), placed, visiting);
    }
    List<FieldSpace> order = new ArrayList<>();
    for (String name : placed) {
      order.add(config.field(config.indexOf(name)));
    }
    return order;
  }

  private static void place(ConfigSpace<?> config, String name, Set<String> placed, Set<String> visiting) {
    if (placed.contains(name) || !visiting.add(name)) {
      return;
    }
    int index = config.indexOf(name);
    if (index >= 0 && config.field(index).space() instanceof ConditionalSpace c) {
      for (String path : c.condition().fields()) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        if (config.indexOf(head) >= 0) {
          place(config, head, placed, visiting);
        }
      }
    }
    placed.add(name);
  }

  /** A location as a user writes the field path: without branch and side markers. */
  static String path(String location) {
    return location.replaceAll("\\{[^}]*\\}", "").replace("?true", "").replace("?false", "");
  }
}
