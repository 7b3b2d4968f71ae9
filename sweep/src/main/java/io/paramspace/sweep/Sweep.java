package io.paramspace.sweep;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.Condition;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.Trial;
import io.paramspace.runtime.text.Literals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * params-proto's sweep algebra over a config record, typed: an indexed sequence of configs built
 * from sources and from values set by field path, combined by product, zip, chain, set and repeat.
 *
 * <pre>{@code
 * Sweep<TrainingConfig> sweep = Sweep.over(TrainingConfigSpace.space(), baseline)  // Sweep(train)
 *     .product("optimizer.learningRate", 1e-4, 1e-3, 1e-2)                       // * {"lr": [...]}
 *     .zip(Axis.of("batchSize", 32, 64), Axis.of("model.numBlocks", 4, 8))        // .zip(bs=..., nb=...)
 *     .set("optimizer.name", "adam")                                              // % {"name": "adam"}
 *     .repeat(3, "seed");                                                         // ** 3, seed 0, 1, 2
 * }</pre>
 *
 * <p>Every method that takes values combines the sweep so far with a new group by product, as
 * params-proto's methods do: {@code product(axes...)} is the product of the axes, {@code
 * zip(axes...)} pairs them one to one, {@code set} is a group of one element. {@code product},
 * {@code zip} and {@code chain} of two sweeps combine whole sweeps. Products are ordered as nested
 * loops with the left operand outermost (the last axis changes fastest), as {@code
 * itertools.product}; {@code repeat(n)} is {@code n} copies of the whole sequence, one after the
 * other.
 *
 * <p>An element is a list of assignments applied left to right, later ones winning: a source's
 * config sets every parameter it has (and its value of a field path carries over to another branch
 * that has the same path), a value sets one field path. Its config is built by the
 * generated sampler, which asks only the parameters that are active for the values already
 * chosen, so conditionals and branches follow from the assignments. Field paths are field names
 * joined by dots ({@code optimizer.learningRate}); a path through a polymorphic field reaches the
 * field of whichever branch is chosen ({@code model.blockConfig.numLayers}), and the polymorphic
 * field's own path chooses the branch by simple class name.
 *
 * <p>Checked when the sweep is built, each reported with what to do: an unknown path (with the
 * closest field name), a value outside the field's space (a fixed one included), a field that the
 * space makes inactive, zip operands of different lengths, and, within one group, a value set for
 * a field whose condition the same group's values make fail. Checked when an element is built,
 * with its index: an active parameter that nothing sets, and a value set for a field that is
 * inactive in that element.
 *
 * <p>{@code get(i)} walks the expression once: {@code O(size of the expression)}, independent of
 * the sweep's size.
 *
 * @param <T> the config record
 */
public final class Sweep<T> implements ConfigSequence<T> {
  /** Groups up to this many elements are checked element by element when built. */
  private static final int GROUP_CHECK_LIMIT = 10_000;

  private final ConfigSpace<T> space;
  private final SweepPaths paths;
  final Expr expr;

  private Sweep(ConfigSpace<T> space, SweepPaths paths, Expr expr) {
    this.space = space;
    this.paths = paths;
    this.expr = expr;
  }

  // ---- starting points ---------------------------------------------------------------------

  /** One element that sets nothing: every active parameter must then be set, or fixed in the space. */
  public static <T> Sweep<T> over(ConfigSpace<T> space) {
    return new Sweep<>(space, new SweepPaths(space), Unit.INSTANCE);
  }

  /** One element, {@code base}: what params-proto's defaults are to a function. */
  public static <T> Sweep<T> over(ConfigSpace<T> space, T base) {
    return from(ManualSource.of(space, List.of(base)));
  }

  /** The elements of {@code source}, in order, as a sweep. */
  public static <T> Sweep<T> from(ConfigSequence<T> source) {
    if (source instanceof Sweep<T> sweep) {
      return sweep;
    }
    return new Sweep<>(source.space(), new SweepPaths(source.space()), new Source(source));
  }

  // ---- values ------------------------------------------------------------------------------

  /** This sweep times the values of one field path (params-proto's {@code * {"path": [...]}}). */
  public Sweep<T> product(String path, Object... values) {
    return product(Axis.of(path, values));
  }

  /** This sweep times the product of {@code axes} (the last axis changes fastest). */
  public Sweep<T> product(Axis... axes) {
    return times(group(List.of(axes), false));
  }

  /**
   * This sweep times {@code axes} paired one to one: element {@code j} of the group takes value
   * {@code j} of every axis.
   *
   * @throws SweepException if the axes have different lengths, naming two of them
   */
  public Sweep<T> zip(Axis... axes) {
    for (Axis axis : axes) {
      if (axis.size() != axes[0].size()) {
        throw new SweepException("zip pairs values one to one, but " + axes[0].path() + " has " + axes[0].size()
            + " values and " + axis.path() + " has " + axis.size() + "; give them the same number, or use product");
      }
    }
    return times(group(List.of(axes), true));
  }

  /** This sweep with {@code path} set to {@code value} in every element (params-proto's {@code %}). */
  public Sweep<T> set(String path, Object value) {
    return product(Axis.of(path, value));
  }

  /** This sweep with every path of {@code values} set in every element, in the map's order. */
  public Sweep<T> set(Map<String, ?> values) {
    List<Axis> axes = new ArrayList<>();
    values.forEach((path, value) -> axes.add(Axis.of(path, value)));
    return times(group(axes, false));
  }

  /** {@code times} copies of this sweep, one after the other (params-proto's {@code ** times}). */
  public Sweep<T> repeat(int times) {
    return repeat(times, null);
  }

  /**
   * {@code times} copies of this sweep, one after the other, copy {@code c} with {@code seedPath}
   * set to {@code c} (0, 1, ...): the same configs under different seeds.
   */
  public Sweep<T> repeat(int times, String seedPath) {
    if (times < 1) {
      throw new SweepException("repeat needs at least one copy, got " + times);
    }
    int id = -1;
    if (seedPath != null) {
      id = paths.resolve(seedPath);
      for (long c = 0; c < times; c++) {
        String problem = paths.problem(seedPath, c);
        if (problem != null) {
          throw new SweepException("repeat(" + times + ", \"" + seedPath + "\") sets " + seedPath + " to 0 to " + (times - 1)
              + ", but " + problem);
        }
      }
    }
    multiply(expr.size(), times);
    return new Sweep<>(space, paths, new Repeat(expr, times, seedPath, id));
  }

  // ---- sweeps ------------------------------------------------------------------------------

  /** Every element of this sweep with every element of {@code other} (the other's changing fastest). */
  public Sweep<T> product(Sweep<T> other) {
    return times(rebind(other));
  }

  /**
   * Element {@code i} of this sweep with element {@code i} of {@code other}.
   *
   * @throws SweepException if their sizes differ, naming both
   */
  public Sweep<T> zip(Sweep<T> other) {
    if (other.size() != size()) {
      throw new SweepException("zip pairs elements one to one, but this sweep has " + size() + " elements and the other "
          + other.size() + "; make them the same length, or use product");
    }
    return new Sweep<>(space, paths, new Zip(new Expr[] {expr, rebind(other)}));
  }

  /** This sweep's elements, then each other sweep's. */
  @SafeVarargs
  public final Sweep<T> chain(Sweep<T>... others) {
    List<Sweep<T>> list = new ArrayList<>(others.length);
    for (Sweep<T> other : others) {
      list.add(other); // element by element: passing the array on is what -Xlint:varargs flags
    }
    return chain(list);
  }

  /** This sweep's elements, then each other sweep's. */
  public Sweep<T> chain(List<Sweep<T>> others) {
    List<Expr> parts = new ArrayList<>();
    parts.add(expr);
    long total = expr.size();
    for (Sweep<T> other : others) {
      parts.add(rebind(other));
      total = add(total, other.size());
    }
    return new Sweep<>(space, paths, new Chain(parts.toArray(new Expr[0])));
  }

  private Sweep<T> times(Expr group) {
    if (expr == Unit.INSTANCE) {
      return new Sweep<>(space, paths, group);
    }
    multiply(expr.size(), group.size());
    return new Sweep<>(space, paths, new Product(new Expr[] {expr, group}));
  }

  /** {@code other}'s expression over this sweep's space (re-checked if its space differs). */
  private Expr rebind(Sweep<T> other) {
    if (other.space.type() != space.type()) {
      throw new SweepException("cannot combine a sweep of " + other.space.typeName() + " with a sweep of " + space.typeName());
    }
    return other.space.equals(space) ? other.expr : rebind(other.expr);
  }

  private Expr rebind(Expr e) {
    if (e instanceof Values v) {
      return group(List.of(Axis.of(v.path, List.of(v.values))), false);
    }
    if (e instanceof Product p) {
      return new Product(rebindAll(p.parts));
    }
    if (e instanceof Zip z) {
      return new Zip(rebindAll(z.parts));
    }
    if (e instanceof Chain c) {
      return new Chain(rebindAll(c.parts));
    }
    if (e instanceof Repeat r) {
      return new Repeat(rebind(r.inner), r.times, r.seedPath, r.seedPath == null ? -1 : paths.resolve(r.seedPath));
    }
    return e;
  }

  private Expr[] rebindAll(Expr[] parts) {
    Expr[] out = new Expr[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = rebind(parts[i]);
    }
    return out;
  }

  /** Checks the axes against the space and makes their group: a product or a zip of values. */
  private Expr group(List<Axis> axes, boolean zipped) {
    if (axes.isEmpty()) {
      throw new SweepException("a sweep step needs at least one axis");
    }
    List<String> problems = new ArrayList<>();
    List<Values> parts = new ArrayList<>();
    for (Axis axis : axes) {
      int id;
      try {
        id = paths.resolve(axis.path());
      } catch (SweepException e) {
        problems.add(e.getMessage());
        continue;
      }
      for (Object value : axis.values()) {
        String problem = paths.problem(axis.path(), value);
        if (problem != null) {
          problems.add(problem);
        }
      }
      parts.add(new Values(id, axis.path(), axis.values().toArray()));
    }
    if (problems.isEmpty()) {
      checkConditions(axes, zipped, problems);
    }
    if (!problems.isEmpty()) {
      throw new SweepException(problems.size() == 1 ? "" : "The sweep of " + space.typeName() + " has "
          + problems.size() + " problems:", problems);
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    Expr[] array = parts.toArray(new Expr[0]);
    if (zipped) {
      return new Zip(array);
    }
    long size = 1;
    for (Values part : parts) {
      size = multiply(size, part.size());
    }
    return new Product(array);
  }

  /**
   * A field set in a group together with every field its condition reads: the condition must hold
   * for each element of the group (up to {@value #GROUP_CHECK_LIMIT} elements).
   */
  private void checkConditions(List<Axis> axes, boolean zipped, List<String> problems) {
    Map<String, Axis> byPath = new LinkedHashMap<>();
    for (Axis axis : axes) {
      byPath.put(axis.path(), axis);
    }
    for (Axis axis : axes) {
      Condition condition = paths.conditionOf(axis.path());
      if (condition == null) {
        continue;
      }
      String prefix = paths.spots(axis.path()).get(0).recordPrefix();
      List<Axis> drivers = new ArrayList<>();
      boolean known = true;
      for (String read : condition.fields()) {
        Axis driver = byPath.get(prefix + read);
        if (driver == null || paths.spots(driver.path()).size() != 1) {
          known = false;
          break;
        }
        drivers.add(driver);
      }
      if (!known) {
        continue;
      }
      long combinations = zipped ? axis.size() : 1;
      if (!zipped) {
        for (Axis driver : drivers) {
          combinations *= driver.size();
        }
      }
      for (long j = 0; j < Math.min(combinations, GROUP_CHECK_LIMIT); j++) {
        Map<String, Object> seen = new HashMap<>();
        long rest = j;
        for (int d = drivers.size() - 1; d >= 0; d--) {
          Axis driver = drivers.get(d);
          int at = zipped ? (int) j : (int) (rest % driver.size());
          rest /= driver.size();
          Object value = SweepPaths.conditionValue(paths.spots(driver.path()).get(0), driver.values().get(at));
          seen.put(driver.path().substring(prefix.length()), value);
        }
        if (seen.containsValue(null)) {
          continue;
        }
        if (!condition.test(seen::get)) {
          StringBuilder where = new StringBuilder();
          seen.forEach((k, v) -> where.append(where.length() == 0 ? "" : ", ").append(prefix).append(k).append(" = ")
              .append(Literals.format(v)));
          problems.add(axis.path() + " is set, but it is inactive where " + where + " (its condition is " + condition
              + "); set it only in a group whose values make it active, e.g. chain a sweep for each case");
          break;
        }
      }
    }
  }

  // ---- the sequence ------------------------------------------------------------------------

  @Override
  public ConfigSpace<T> space() {
    return space;
  }

  @Override
  public long size() {
    return expr.size();
  }

  /** The depth of the expression: {@code get(i)} visits each of its nodes at most once. */
  public int depth() {
    return expr.depth();
  }

  @Override
  public T get(long index) {
    ConfigSequence.checkIndex(index, size(), "the sweep of " + space.typeName());
    Element element = new Element(paths.count());
    expr.resolve(index, element);
    ElementTrial trial = new ElementTrial(index, element);
    T config = space.sample(trial);
    for (int id = 0; id < element.seq.length; id++) {
      if (element.seq[id] > 0 && !trial.asked[id] && element.seq[id] > element.lastConfig && paths.isParameterPath(id)) {
        throw new SweepException("element " + index + " of the sweep of " + space.typeName() + " sets " + paths.path(id)
            + " = " + Literals.format(element.values[id]) + ", but " + paths.path(id) + " is inactive in that config"
            + " (its condition does not hold, or its branch is not chosen); set it only in the elements where it is"
            + " active, e.g. chain a sweep for each case");
      }
    }
    return config;
  }

  /** The assignments of one element, in order: values by path id, and source configs. */
  static final class Element {
    final Object[] values;
    final int[] seq;
    final List<Map<String, Object>> configs = new ArrayList<>(1);
    final List<Integer> configSeq = new ArrayList<>(1);
    int counter;
    int lastConfig;

    Element(int paths) {
      values = new Object[paths];
      seq = new int[paths];
    }

    void set(int id, Object value) {
      values[id] = value;
      seq[id] = ++counter;
    }

    void config(Map<String, Object> parameters) {
      configs.add(parameters);
      configSeq.add(++counter);
      lastConfig = counter;
    }
  }

  /** Answers the generated sampler from an element's assignments, the latest winning. */
  private final class ElementTrial implements Trial {
    private final long index;
    private final Element element;
    final boolean[] asked;

    ElementTrial(long index, Element element) {
      this.index = index;
      this.element = element;
      this.asked = new boolean[paths.count()];
    }

    private Object value(String name) {
      int id = paths.idOfName(name);
      int pathSeq = id >= 0 ? element.seq[id] : 0;
      if (id >= 0) {
        asked[id] = true;
      }
      for (int c = element.configs.size() - 1; c >= 0; c--) {
        if (element.configSeq.get(c) < pathSeq) {
          break;
        }
        Map<String, Object> config = element.configs.get(c);
        if (config.containsKey(name)) {
          return config.get(name);
        }
        // The same field path in another branch (the config took DenseConfig, this element ConvConfig).
        if (id >= 0) {
          for (Map.Entry<String, Object> entry : config.entrySet()) {
            if (paths.idOfName(entry.getKey()) == id) {
              return entry.getValue();
            }
          }
        }
      }
      if (pathSeq > 0) {
        return element.values[id];
      }
      String path = id >= 0 ? paths.path(id) : name;
      throw new SweepException("element " + index + " of the sweep of " + space.typeName() + " does not set " + path
          + " (parameter " + name + "), which is active there; set it (set, product, zip), start from a base config"
          + " (Sweep.over(space, base), Sweep.from(source)), or fix it in the space with an override");
    }

    private SweepException outside(String name, Object value, String space) {
      int id = paths.idOfName(name);
      return new SweepException("element " + index + " of the sweep of " + Sweep.this.space.typeName() + " sets "
          + (id >= 0 ? paths.path(id) : name) + " = " + Literals.format(value) + ", which is outside " + space);
    }

    @Override
    public double suggestFloat(String name, FloatSpace asked) {
      Object value = value(name);
      if (!(value instanceof Number n) || !asked.contains(n.doubleValue())) {
        throw outside(name, value, SweepPaths.label(asked));
      }
      return n.doubleValue();
    }

    @Override
    public long suggestInt(String name, IntSpace asked) {
      Object value = value(name);
      Long v = SweepPaths.integral(value);
      if (v == null || !asked.contains(v)) {
        throw outside(name, value, "Int([" + asked.min() + ", " + asked.max() + "])");
      }
      return v;
    }

    @Override
    public <C> C suggestCategorical(String name, CategoricalSpace<C> asked) {
      Object value = value(name);
      if (value instanceof Class<?> c) {
        value = c.getSimpleName();
      }
      int index = Choices.indexOf(asked.choices(), value);
      if (index < 0) {
        throw outside(name, value, "the choices " + SweepPaths.list(asked.choices()));
      }
      return asked.choices().get(index);
    }
  }

  // ---- the expression ----------------------------------------------------------------------

  /** A node of a sweep's expression. */
  sealed interface Expr permits Unit, Source, Values, Product, Zip, Chain, Repeat {
    long size();

    /** Adds the assignments of element {@code index} to {@code element}, in order. */
    void resolve(long index, Element element);

    int depth();
  }

  /** One element, no assignment. */
  static final class Unit implements Expr {
    static final Unit INSTANCE = new Unit();

    @Override
    public long size() {
      return 1;
    }

    @Override
    public void resolve(long index, Element element) {}

    @Override
    public int depth() {
      return 1;
    }
  }

  /** The configs of a source, each setting every parameter it has. */
  record Source(ConfigSequence<?> source) implements Expr {
    @Override
    public long size() {
      return source.size();
    }

    @Override
    public void resolve(long index, Element element) {
      element.config(parameters(source, index));
    }

    private static <C> Map<String, Object> parameters(ConfigSequence<C> source, long index) {
      return source.space().parameters(source.get(index));
    }

    @Override
    public int depth() {
      return 1;
    }
  }

  /** The values of one path. */
  record Values(int id, String path, Object[] values) implements Expr {
    @Override
    public long size() {
      return values.length;
    }

    @Override
    public void resolve(long index, Element element) {
      element.set(id, values[(int) index]);
    }

    @Override
    public int depth() {
      return 1;
    }
  }

  /** Nested loops over the parts, the last fastest. */
  record Product(Expr[] parts) implements Expr {
    @Override
    public long size() {
      long size = 1;
      for (Expr part : parts) {
        size *= part.size();
      }
      return size;
    }

    @Override
    public void resolve(long index, Element element) {
      long[] digits = new long[parts.length];
      long rest = index;
      for (int p = parts.length - 1; p >= 0; p--) {
        long n = parts[p].size();
        digits[p] = rest % n;
        rest /= n;
      }
      for (int p = 0; p < parts.length; p++) {
        parts[p].resolve(digits[p], element);
      }
    }

    @Override
    public int depth() {
      return 1 + maxDepth(parts);
    }
  }

  /** Element {@code i} of every part. */
  record Zip(Expr[] parts) implements Expr {
    @Override
    public long size() {
      return parts[0].size();
    }

    @Override
    public void resolve(long index, Element element) {
      for (Expr part : parts) {
        part.resolve(index, element);
      }
    }

    @Override
    public int depth() {
      return 1 + maxDepth(parts);
    }
  }

  /** The parts' elements one after the other. */
  record Chain(Expr[] parts) implements Expr {
    @Override
    public long size() {
      long size = 0;
      for (Expr part : parts) {
        size += part.size();
      }
      return size;
    }

    @Override
    public void resolve(long index, Element element) {
      long rest = index;
      for (Expr part : parts) {
        long n = part.size();
        if (rest < n) {
          part.resolve(rest, element);
          return;
        }
        rest -= n;
      }
      throw new IndexOutOfBoundsException("index " + index + " past a chain of " + size());
    }

    @Override
    public int depth() {
      return 1 + maxDepth(parts);
    }
  }

  /** Copies of the inner sequence, copy {@code c} with the seed path set to {@code c}. */
  record Repeat(Expr inner, long times, String seedPath, int seedId) implements Expr {
    @Override
    public long size() {
      return inner.size() * times;
    }

    @Override
    public void resolve(long index, Element element) {
      long n = inner.size();
      inner.resolve(index % n, element);
      if (seedId >= 0) {
        element.set(seedId, index / n);
      }
    }

    @Override
    public int depth() {
      return 1 + inner.depth();
    }
  }

  private static int maxDepth(Expr[] parts) {
    int max = 0;
    for (Expr part : parts) {
      max = Math.max(max, part.depth());
    }
    return max;
  }

  private static long multiply(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw new SweepException("the sweep would have more than " + Long.MAX_VALUE + " elements (" + a + " x " + b + ")");
    }
  }

  private static long add(long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw new SweepException("the sweep would have more than " + Long.MAX_VALUE + " elements (" + a + " + " + b + ")");
    }
  }

  SweepPaths paths() {
    return paths;
  }

  @Override
  public String toString() {
    return "Sweep[" + space.typeName() + ", " + size() + " elements, depth " + depth() + "]";
  }
}
