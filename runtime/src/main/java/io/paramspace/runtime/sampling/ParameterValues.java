package io.paramspace.runtime.sampling;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.internal.Accesses;
import io.paramspace.runtime.internal.FieldPaths;
import io.paramspace.runtime.internal.Values;
import io.paramspace.runtime.view.Distributions;
import io.paramspace.runtime.view.ParameterNames;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The active parameters of a valid config, name to external value: the walk {@link ParameterNames}
 * makes, following only the side of each conditional that the config's values select and only the
 * branch each polymorphic field holds, as sampling asks them.
 */
public final class ParameterValues {
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  private ParameterValues() {}

  public static Map<String, Object> of(ConfigSpace<?> space, Object config) {
    ParameterValues walk = new ParameterValues();
    walk.config(space, config, "");
    return Collections.unmodifiableMap(walk.parameters);
  }

  private void config(ConfigSpace<?> space, Object config, String prefix) {
    Object[] values = Accesses.require(space).components(config);
    for (int i = 0; i < values.length; i++) {
      FieldSpace field = space.field(i);
      String name = ParameterNames.fieldName(prefix, space, field.name());
      if (field.space() instanceof ConditionalSpace conditional) {
        boolean active = conditional.condition().test(p -> FieldPaths.value(space, values, p));
        value(active ? conditional.whenTrue() : conditional.whenFalse(), values[i],
            ParameterNames.branchName(name, active));
      } else {
        value(field.space(), values[i], name);
      }
    }
  }

  private void value(Space space, Object value, String name) {
    if (space instanceof FloatSpace) {
      parameters.put(name, ((Number) value).doubleValue());
    } else if (space instanceof IntSpace) {
      parameters.put(name, ((Number) value).longValue());
    } else if (space instanceof CategoricalSpace<?> c) {
      parameters.put(name, Distributions.external(c.choices().get(Values.indexOfChoice(c.choices(), value))));
    } else if (space instanceof ConfigSpace<?> c) {
      config(c, value, ParameterNames.nestedPrefix(name));
    } else if (space instanceof PolymorphicSpace p) {
      ConfigSpace<?> branch = FieldPaths.branchOf(p, value);
      if (p.choice() != null) {
        parameters.put(name, branch.typeName());
      }
      config(branch, value, ParameterNames.nestedPrefix(name));
    }
    // FixedSpace: no parameter. (Generated spaces never nest a conditional in a conditional's side.)
  }
}
