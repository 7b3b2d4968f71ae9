package io.paramspace.runtime.view;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.Space;
import java.util.ArrayList;
import java.util.List;

/**
 * The hierarchical names of the parameters of a space, SpaX's scheme with Java names:
 *
 * <ul>
 *   <li>{@code Config.field} for a field of the root config;
 *   <li>{@code Config.field::Nested.inner} inside a nested config;
 *   <li>{@code Config.block} for the choice of a polymorphic field, {@code
 *       Config.block::DenseConfig.layers} inside the chosen branch;
 *   <li>{@code Config.rate::true_branch} for the sampled side of a conditional, and {@code
 *       Config.head::true_branch::HeadConfig.layers} when that side is a config.
 * </ul>
 *
 * Fixed values (including the fixed sides of conditionals) are no parameters and never appear.
 * Names are listed depth-first in field declaration order.
 */
public final class ParameterNames {
  private ParameterNames() {}

  /** Every parameter name of {@code space}, each once. */
  public static List<String> of(ConfigSpace<?> space) {
    List<String> names = new ArrayList<>();
    addConfig(names, space, "");
    return List.copyOf(names);
  }

  /** The name of {@code field} of a config whose names start with {@code prefix}. */
  public static String fieldName(String prefix, ConfigSpace<?> config, String field) {
    return prefix + config.typeName() + "." + field;
  }

  /** The prefix of the names inside a config reached at {@code name}. */
  public static String nestedPrefix(String name) {
    return name + "::";
  }

  /** The name of the sampled side of a conditional at {@code name}. */
  public static String branchName(String name, boolean side) {
    return name + (side ? "::true_branch" : "::false_branch");
  }

  private static void addConfig(List<String> names, ConfigSpace<?> config, String prefix) {
    for (FieldSpace field : config.fields()) {
      addSpace(names, field.space(), fieldName(prefix, config, field.name()));
    }
  }

  private static void addSpace(List<String> names, Space space, String name) {
    if (space instanceof FloatSpace || space instanceof IntSpace || space instanceof CategoricalSpace) {
      names.add(name);
    } else if (space instanceof ConfigSpace<?> c) {
      addConfig(names, c, nestedPrefix(name));
    } else if (space instanceof PolymorphicSpace p) {
      if (p.branches().size() > 1) {
        names.add(name);
      }
      for (ConfigSpace<?> branch : p.branches()) {
        addConfig(names, branch, nestedPrefix(name));
      }
    } else if (space instanceof ConditionalSpace c) {
      addSpace(names, c.whenTrue(), branchName(name, true));
      addSpace(names, c.whenFalse(), branchName(name, false));
    }
  }
}
