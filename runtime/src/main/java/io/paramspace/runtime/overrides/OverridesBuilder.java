package io.paramspace.runtime.overrides;

import io.paramspace.runtime.InputNode;
import io.paramspace.runtime.Overrides;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of the generated typed builders ({@code XxxSpace.overrides()}): each generated method
 * names a real field, so overrides written this way cannot be misspelt; values are checked when
 * the overrides are applied, like those of files and maps. A builder is an {@link Overrides}: each
 * call of {@link #root()} takes a snapshot of what was set so far.
 */
public abstract class OverridesBuilder implements Overrides {
  private final Map<String, InputNode> fields = new LinkedHashMap<>();

  @Override
  public final InputNode.MapNode root() {
    return new InputNode.MapNode(fields, InputNode.Location.UNKNOWN);
  }

  @Override
  public final String source() {
    return "<builder>";
  }

  // The generated methods pass primitives and arrays exactly as they take them: with one overload
  // per value type javac resolves each call in its first, cheapest phase (no boxing, no varargs).

  /** Fixes {@code field} to {@code value}. */
  private void fix(String field, Object value) {
    fields.put(field, InputNode.Scalar.of(value));
  }

  /** Fixes {@code field} to {@code value}. */
  protected final void fix(String field, boolean value) {
    fix(field, (Object) value);
  }

  /**
   * Restricts {@code field} to {@code values}; one value fixes it, as a scalar does in a file, so a
   * generated {@code field(T... values)} serves both.
   */
  protected final void restrict(String field, Object[] values) {
    if (values.length == 1) {
      fix(field, values[0]);
      return;
    }
    List<InputNode> items = new ArrayList<>();
    for (Object value : values) {
      items.add(InputNode.Scalar.of(value));
    }
    fields.put(field, new InputNode.ListNode(items, InputNode.Location.UNKNOWN));
  }

  /** Restricts {@code field} to {@code values}. */
  protected final void restrict(String field, int[] values) {
    restrict(field, Arrays.stream(values).boxed().toArray());
  }

  /** Restricts {@code field} to {@code values}. */
  protected final void restrict(String field, long[] values) {
    restrict(field, Arrays.stream(values).boxed().toArray());
  }

  /** Restricts {@code field} to {@code values}. */
  protected final void restrict(String field, double[] values) {
    restrict(field, Arrays.stream(values).boxed().toArray());
  }

  /** Narrows the range of {@code field} to {@code [min, max]}. */
  protected final void between(String field, long min, long max) {
    between(field, (Number) min, (Number) max);
  }

  /** Narrows the range of {@code field} to {@code [min, max]}. */
  protected final void between(String field, double min, double max) {
    between(field, (Number) min, (Number) max);
  }

  private void between(String field, Number min, Number max) {
    Map<String, InputNode> bounds = new LinkedHashMap<>();
    bounds.put("min", InputNode.Scalar.of(min));
    bounds.put("max", InputNode.Scalar.of(max));
    fields.put(field, new InputNode.MapNode(bounds, InputNode.Location.UNKNOWN));
  }

  /** Overrides inside the nested config of {@code field}. */
  protected final void nested(String field, OverridesBuilder inner) {
    fields.put(field, inner.root());
  }

  /**
   * Keeps branch {@code branch} of the polymorphic {@code field}, with the overrides of {@code
   * inner}; the branches kept by successive calls add up.
   */
  protected final void branch(String field, String branch, OverridesBuilder inner) {
    Map<String, InputNode> branches = new LinkedHashMap<>();
    if (fields.get(field) instanceof InputNode.MapNode kept) {
      branches.putAll(kept.entries());
    }
    branches.put(branch, inner.root());
    fields.put(field, new InputNode.MapNode(branches, InputNode.Location.UNKNOWN));
  }

}
