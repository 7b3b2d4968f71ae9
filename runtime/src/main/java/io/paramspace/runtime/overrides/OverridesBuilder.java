package io.paramspace.runtime.overrides;

import io.paramspace.runtime.InputNode;
import io.paramspace.runtime.InputProblem;
import io.paramspace.runtime.InvalidOverridesException;
import io.paramspace.runtime.Overrides;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The base of the generated typed builders ({@code XxxSpace.overrides()}): each generated method
 * names a real field, so overrides written this way cannot be misspelt; values are checked when
 * the overrides are applied, like those of files and maps. A builder is an {@link Overrides}: each
 * call of {@link #root()} takes a snapshot of what was set so far.
 *
 * <p>A builder keeps the rules of a file: a field takes one call, as a key appears once in a file
 * ({@code .booster(GBTREE).booster(DART)} is an error, not "the last call wins"), and a call that
 * restricts a field to no values ({@code .booster()}) is an error, as an empty list is. Both fail
 * at the call, with an {@link InvalidOverridesException} (an {@code IllegalArgumentException}, as
 * every override problem is) naming the field; the builder keeps what it had before the call.
 * Successive calls that keep branches of one polymorphic field add up, each branch once.
 */
public abstract class OverridesBuilder implements Overrides {
  private final Map<String, InputNode> fields = new LinkedHashMap<>();
  /** The polymorphic fields set by {@link #branch}, whose further branch calls add up. */
  private final Set<String> branchFields = new HashSet<>();

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

  /** Sets {@code field}, once. */
  private void set(String field, InputNode node) {
    if (fields.containsKey(field)) {
      throw problem(field, "is overridden a second time; a field takes one call, as a key appears once in a"
          + " file (pass every value to one call)");
    }
    fields.put(field, node);
  }

  /** The exception of a call that breaks a rule, naming the field (its path inside this builder). */
  private InvalidOverridesException problem(String field, String message) {
    return new InvalidOverridesException(typeName(), List.of(
        new InputProblem(source(), field, InputNode.Location.UNKNOWN, message)));
  }

  /**
   * The record these overrides are for, for messages: the generated builder is nested in {@code
   * XxxSpace}, so {@code Xxx}; otherwise the builder's own class name.
   */
  private String typeName() {
    Class<?> outer = getClass().getEnclosingClass();
    String name = outer == null ? getClass().getSimpleName() : outer.getSimpleName();
    return outer != null && name.endsWith("Space") && name.length() > "Space".length()
        ? name.substring(0, name.length() - "Space".length()) : name;
  }

  /** Fixes {@code field} to {@code value}. */
  private void fix(String field, Object value) {
    set(field, InputNode.Scalar.of(value));
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
    if (values == null || values.length == 0) {
      throw problem(field, "is restricted to no values; pass at least one (one fixes the field, several"
          + " restrict it), as an empty list in a file is an error");
    }
    if (values.length == 1) {
      fix(field, values[0]);
      return;
    }
    List<InputNode> items = new ArrayList<>();
    for (Object value : values) {
      items.add(InputNode.Scalar.of(value));
    }
    set(field, new InputNode.ListNode(items, InputNode.Location.UNKNOWN));
  }

  /** Restricts {@code field} to {@code values}. */
  protected final void restrict(String field, int[] values) {
    restrict(field, values == null ? null : Arrays.stream(values).boxed().toArray());
  }

  /** Restricts {@code field} to {@code values}. */
  protected final void restrict(String field, long[] values) {
    restrict(field, values == null ? null : Arrays.stream(values).boxed().toArray());
  }

  /** Restricts {@code field} to {@code values}. */
  protected final void restrict(String field, double[] values) {
    restrict(field, values == null ? null : Arrays.stream(values).boxed().toArray());
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
    set(field, new InputNode.MapNode(bounds, InputNode.Location.UNKNOWN));
  }

  /** Overrides inside the nested config of {@code field}. */
  protected final void nested(String field, OverridesBuilder inner) {
    set(field, inner.root());
  }

  /**
   * Keeps branch {@code branch} of the polymorphic {@code field}, with the overrides of {@code
   * inner}; the branches kept by successive calls add up.
   */
  protected final void branch(String field, String branch, OverridesBuilder inner) {
    Map<String, InputNode> branches = new LinkedHashMap<>();
    if (fields.containsKey(field)) {
      if (!branchFields.contains(field)) {
        set(field, null); // overridden by another kind of call: the rule of one call per field
      }
      branches.putAll(((InputNode.MapNode) fields.get(field)).entries());
      if (branches.containsKey(branch)) {
        throw problem(field + "." + branch, "is kept a second time; keep each branch with one call, as a key"
            + " appears once in a file");
      }
    }
    branches.put(branch, inner.root());
    fields.put(field, new InputNode.MapNode(branches, InputNode.Location.UNKNOWN));
    branchFields.add(field);
  }

}
