package io.paramspace.sweep;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.InvalidConfigException;

/**
 * Every point of a space's discrete parameters: the Cartesian product of enums, booleans, choices,
 * int ranges (every step), stepped float ranges, and float ranges restricted to a list by an
 * override. An inactive conditional field does not multiply the count (it contributes its one
 * inactive value); a polymorphic field contributes the sum over its branches of each branch's
 * own grid. A continuous float range has no grid values: building the grid fails, naming it and
 * the override that gives it values ({@code "learningRate": [1e-4, 1e-3]}).
 *
 * <h2>Order</h2>
 *
 * <p>The grid is ordered as nested loops over the fields in <em>grid order</em>, the first field
 * outermost (it changes slowest) and the last innermost (it changes fastest):
 *
 * <ul>
 *   <li>the fields of a record in sampling order: declaration order, except that the fields a
 *       condition reads come just before the first field whose condition reads them;
 *   <li>a nested config's fields in its place, in its own grid order (and so for a conditional
 *       nested config, whose fields take part only while it is active);
 *   <li>each field's values in its space's order: ranges ascending ({@code min}, {@code min +
 *       step}, ...), choices, enum constants and branches in declaration order, booleans {@code
 *       true} then {@code false} (as {@code @Choice} or the type lists them);
 *   <li>a conditional field counts only while active; while inactive it has its one inactive
 *       value;
 *   <li>a polymorphic field's values are all the configs of its first branch, in that branch's
 *       grid order, then all of the second branch's, and so on.
 * </ul>
 *
 * <p>The order depends only on the space: equal spaces give equal grids, on every JVM.
 *
 * <p>{@link #size()} is exact (building fails with a clear message past {@code Long.MAX_VALUE}),
 * {@link #get} decodes the index in mixed radix over this structure without enumerating (a
 * 10^12-point grid's last element costs as much as its first), and {@link #indexOf} is its
 * inverse.
 *
 * @param <T> the config record
 */
public final class GridSource<T> implements ConfigSequence<T> {
  private final ConfigSpace<T> space;
  private final GridPlan<T> plan;

  private GridSource(ConfigSpace<T> space) {
    this.space = space;
    this.plan = GridPlan.of(space);
  }

  /**
   * The grid of {@code space} (narrowed or not).
   *
   * @throws SweepException with every parameter that has no grid values (each with the override
   *     that would give it some), or if the grid has more than {@code Long.MAX_VALUE} points
   */
  public static <T> GridSource<T> of(ConfigSpace<T> space) {
    return new GridSource<>(space);
  }

  @Override
  public ConfigSpace<T> space() {
    return space;
  }

  @Override
  public long size() {
    return plan.size();
  }

  @Override
  public T get(long index) {
    ConfigSequence.checkIndex(index, plan.size(), "the grid of " + space.typeName());
    return plan.get(index);
  }

  /**
   * The index of {@code config} in this grid: {@code indexOf(get(i)) == i}.
   *
   * @throws InvalidConfigException if {@code config} is not a point of the space
   * @throws SweepException if it is a point of the space that the grid does not hold
   */
  public long indexOf(T config) {
    return plan.indexOf(space.parameters(config));
  }

  @Override
  public String toString() {
    return "GridSource[" + space.typeName() + ", " + size() + " configs]";
  }
}
