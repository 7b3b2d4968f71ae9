package io.paramspace.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The values one field path takes in a sweep: {@code Axis.of("optimizer.learningRate", 1e-4,
 * 1e-3)}. Checked against the space when a sweep takes it ({@link Sweep#product(Axis...)}, {@link
 * Sweep#zip(Axis...)}). Values are the field's own values ({@code 32}, {@code "adam"}, {@code
 * Activation.GELU}) or their external form (an enum constant's name, a branch's simple class
 * name).
 */
public record Axis(String path, List<Object> values) {
  public Axis {
    Objects.requireNonNull(path, "path");
    values = List.copyOf(values.stream().map(v -> Objects.requireNonNull(v,
        "a sweep value of " + path + " is null; an inactive field is left unset, not set to null")).toList());
    if (values.isEmpty()) {
      throw new SweepException("the axis " + path + " has no values; give it at least one");
    }
  }

  public static Axis of(String path, Object... values) {
    return new Axis(path, new ArrayList<>(Arrays.asList(values)));
  }

  public static Axis of(String path, List<?> values) {
    return new Axis(path, new ArrayList<>(values));
  }

  public int size() {
    return values.size();
  }
}
