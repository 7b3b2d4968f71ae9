package io.paramspace.runtime.view;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.text.Literals;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Distribution} of every parameter of a space, by the walk {@link ParameterNames} makes,
 * and the external form of categorical values (enum constants by name, numbers as {@code Long} or
 * {@code Double}), which is what a study stores.
 */
public final class Distributions {
  private Distributions() {}

  public static Map<String, Distribution> of(ConfigSpace<?> space) {
    Map<String, Distribution> all = new LinkedHashMap<>();
    addConfig(all, space, "");
    return Collections.unmodifiableMap(all);
  }

  /** The distribution of a space that is a parameter (float, int, categorical), or {@code null}. */
  static Distribution of(Space space) {
    if (space instanceof FloatSpace f) {
      return new Distribution.FloatDistribution(f.min(), f.max(), f.log(), f.step() == 0 ? null : f.step());
    }
    if (space instanceof IntSpace i) {
      return new Distribution.IntDistribution(i.min(), i.max(), i.log(), i.step());
    }
    if (space instanceof CategoricalSpace<?> c) {
      List<Object> choices = new ArrayList<>(c.choices().size());
      for (Object choice : c.choices()) {
        choices.add(external(choice));
      }
      return new Distribution.CategoricalDistribution(choices, c.weights());
    }
    if (space instanceof PolymorphicSpace p && p.choice() != null) {
      return new Distribution.CategoricalDistribution(new ArrayList<>(p.choice().choices()), p.weights());
    }
    return null;
  }

  /** The external form of a categorical choice. */
  public static Object external(Object choice) {
    if (choice instanceof Enum<?> e) {
      return e.name();
    }
    if (choice instanceof Integer || choice instanceof Short || choice instanceof Byte) {
      return ((Number) choice).longValue();
    }
    if (choice instanceof Float f) {
      // The decimal the user wrote (0.1f is 0.1), not the float's binary expansion as a double.
      return Double.parseDouble(Literals.formatFloat(f));
    }
    return choice;
  }

  private static void addConfig(Map<String, Distribution> all, ConfigSpace<?> config, String prefix) {
    for (FieldSpace field : config.fields()) {
      addSpace(all, field.space(), ParameterNames.fieldName(prefix, config, field.name()));
    }
  }

  private static void addSpace(Map<String, Distribution> all, Space space, String name) {
    Distribution distribution = of(space);
    if (distribution != null) {
      all.put(name, distribution);
    }
    if (space instanceof ConfigSpace<?> c) {
      addConfig(all, c, ParameterNames.nestedPrefix(name));
    } else if (space instanceof PolymorphicSpace p) {
      for (ConfigSpace<?> branch : p.branches()) {
        addConfig(all, branch, ParameterNames.nestedPrefix(name));
      }
    } else if (space instanceof ConditionalSpace c) {
      addSpace(all, c.whenTrue(), ParameterNames.branchName(name, true));
      addSpace(all, c.whenFalse(), ParameterNames.branchName(name, false));
    }
  }
}
