package io.paramspace.runtime;

import io.paramspace.runtime.internal.Values;
import io.paramspace.runtime.text.Literals;
import io.paramspace.runtime.view.SpaceTree;
import java.util.Map;
import java.util.TreeSet;

/**
 * A Trial that answers from a map of parameter name to value, e.g. the parameters a study stored
 * for a finished trial, or {@link ConfigSpace#parameters}. Categorical values may be real ({@code
 * Activation.GELU}) or external ({@code "GELU"}, {@code 32L}). Every answer is checked against the
 * space asked for.
 */
public final class ReplayTrial implements Trial {
  private final Map<String, ?> values;

  public ReplayTrial(Map<String, ?> values) {
    this.values = Map.copyOf(values);
  }

  @Override
  public double suggestFloat(String name, FloatSpace space) {
    Object value = valueOf(name);
    if (!(value instanceof Number n) || !space.contains(n.doubleValue())) {
      throw outside(name, value, space);
    }
    return n.doubleValue();
  }

  @Override
  public long suggestInt(String name, IntSpace space) {
    Object value = valueOf(name);
    if (!(value instanceof Integer || value instanceof Long)
        || !space.contains(((Number) value).longValue())) {
      throw outside(name, value, space);
    }
    return ((Number) value).longValue();
  }

  @Override
  public <T> T suggestCategorical(String name, CategoricalSpace<T> space) {
    Object value = valueOf(name);
    // Real values or their external form (an enum's name, 32L for an Integer choice 32).
    int index = Values.indexOfChoice(space.choices(), value);
    if (index < 0) {
      throw outside(name, value, space);
    }
    return space.choices().get(index);
  }

  private Object valueOf(String name) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException(
          "ReplayTrial has no value for parameter '" + name + "'; it has " + new TreeSet<>(values.keySet()));
    }
    return values.get(name);
  }

  private static IllegalArgumentException outside(String name, Object value, Space space) {
    return new IllegalArgumentException(
        "ReplayTrial value " + Literals.brief(value) + " for parameter '" + name
            + "' is not in its space " + SpaceTree.label(space)
            + (space instanceof CategoricalSpace<?> c ? " of " + Values.list(c.choices()) : ""));
  }
}
