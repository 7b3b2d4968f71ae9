package io.paramspace.sweep;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.Condition;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FixedSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.Trial;
import io.paramspace.runtime.text.Literals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The structure behind {@link GridSource}: the space's discrete parameters as <em>slots</em> in
 * grid order, and a table of how many completions follow each slot for each combination of the
 * condition outcomes that later slots still depend on. With it, {@code get(i)} is a mixed-radix
 * decoding whose radices depend on the digits already decoded, and {@code indexOf} its inverse;
 * neither enumerates.
 *
 * <p>Slots: a record's fields in sampling order ({@link SpaceWalk#samplingOrder}), a nested config
 * flattened in place (its own fields in its own sampling order), a conditional nested config
 * flattened too with its condition guarding each of its slots, and a polymorphic field as one slot
 * whose values are the configs of its first branch (in that branch's own grid order), then of the
 * second, and so on. A slot's domain is the value list of its space: an int range every step, a
 * stepped float range every step, a categorical's choices in their order, a fixed value once.
 *
 * <p>Conditions are split into their single-field tests. A slot's values are cut into
 * <em>segments</em> on which every test reading the slot has the same outcome (an ordering test
 * cuts a range once, an equality test around its value). The table has one node per slot and
 * combination of outcomes still needed; each node lists its segments with the number of
 * completions after each, so a node's count is the sum of segment length times completions.
 */
final class GridPlan<T> {
  /** Past this many table nodes the conditions couple too many fields for an exact grid. */
  private static final int MAX_NODES = 1_000_000;

  private final ConfigSpace<T> space;
  private final Scope root;
  private final Map<String, ParamRef> params;
  private final int slotCount;

  private GridPlan(ConfigSpace<T> space, Scope root, Map<String, ParamRef> params, int slotCount) {
    this.space = space;
    this.root = root;
    this.params = params;
    this.slotCount = slotCount;
  }

  /**
   * The plan of the grid of {@code space}.
   *
   * @throws SweepException with every parameter that has no grid values, or if the grid has more
   *     than {@code Long.MAX_VALUE} points
   */
  static <T> GridPlan<T> of(ConfigSpace<T> space) {
    Builder builder = new Builder(space);
    Scope root = builder.scope(space, "", "", List.of());
    if (!builder.problems.isEmpty()) {
      throw new SweepException("The grid of " + space.typeName() + " cannot be built: "
          + (builder.problems.size() == 1 ? "a parameter has" : builder.problems.size() + " parameters have")
          + " no grid values.", builder.problems);
    }
    builder.table(root);
    return new GridPlan<>(space, root, builder.refs, builder.slotCount);
  }

  long size() {
    return root.root.count;
  }

  /** The number of slots over all scopes (the root's and every branch's). */
  int slotCount() {
    return slotCount;
  }

  // ---- get(i) ------------------------------------------------------------------------------

  T get(long index) {
    long[] digits = new long[slotCount];
    byte[] chosen = new byte[slotCount];
    decode(root, index, digits, chosen);
    return space.sample(new DecodedTrial(digits, chosen));
  }

  private static void decode(Scope scope, long index, long[] digits, byte[] chosen) {
    Node node = scope.root;
    long rest = index;
    for (Slot slot : scope.slots) {
      int j = 0;
      while (true) {
        long span = node.segLen[j] * node.weight[j];
        if (rest < span) {
          break;
        }
        rest -= span;
        j++;
      }
      long digit = node.segStart[j] + rest / node.weight[j];
      rest %= node.weight[j];
      digits[slot.id] = digit;
      chosen[slot.id] = (byte) (node.domainIndex + 1);
      if (node.domain instanceof BranchDomain b) {
        int branch = b.branchOf(digit);
        decode(b.scopes[branch], digit - b.starts[branch], digits, chosen);
      }
      node = node.next[j];
    }
  }

  /** Answers the generated sampler from the decoded digits, by parameter name. */
  private final class DecodedTrial implements Trial {
    private final long[] digits;
    private final byte[] chosen;

    DecodedTrial(long[] digits, byte[] chosen) {
      this.digits = digits;
      this.chosen = chosen;
    }

    private long digit(String name, ParamRef ref) {
      if (ref == null) {
        throw new IllegalStateException("the sampler of " + space.typeName() + " asked for '" + name
            + "', which the grid does not know; the grid and the generated code disagree (a bug)");
      }
      if (chosen[ref.slot.id] != ref.domainIndex + 1) {
        throw new IllegalStateException("the sampler of " + space.typeName() + " asked for '" + name
            + "', which the grid decoded as inactive; the grid and the generated code disagree (a bug)");
      }
      return digits[ref.slot.id];
    }

    @Override
    public double suggestFloat(String name, FloatSpace asked) {
      ParamRef ref = params.get(name);
      long k = digit(name, ref);
      return ((FloatDomain) ref.domain).value(k);
    }

    @Override
    public long suggestInt(String name, IntSpace asked) {
      ParamRef ref = params.get(name);
      long k = digit(name, ref);
      return ((IntDomain) ref.domain).value(k);
    }

    @Override
    public <C> C suggestCategorical(String name, CategoricalSpace<C> asked) {
      ParamRef ref = params.get(name);
      long k = digit(name, ref);
      if (ref.domain instanceof BranchDomain b) {
        return asked.choices().get(b.branchOf(k));
      }
      return asked.choices().get((int) k);
    }
  }

  // ---- indexOf(config) ---------------------------------------------------------------------

  /** The index of the config whose parameters are {@code parameters} ({@code space.parameters(c)}). */
  long indexOf(Map<String, Object> parameters) {
    return indexOf(root, parameters);
  }

  private long indexOf(Scope scope, Map<String, Object> parameters) {
    Node node = scope.root;
    long index = 0;
    for (Slot slot : scope.slots) {
      Domain domain = node.domain;
      long digit;
      if (domain instanceof BranchDomain b) {
        int branch = 0;
        if (domain.name != null) {
          branch = Choices.indexOf(b.names, parameter(parameters, domain.name));
        }
        if (branch < 0) {
          throw notInGrid(domain.name, parameters.get(domain.name));
        }
        digit = b.starts[branch] + indexOf(b.scopes[branch], parameters);
      } else if (domain.name == null) {
        digit = 0;
      } else {
        Object value = parameter(parameters, domain.name);
        digit = domain.digitOf(value);
        if (digit < 0) {
          throw notInGrid(domain.name, value);
        }
      }
      int j = node.segmentOf(digit);
      index += node.offset[j] + (digit - node.segStart[j]) * node.weight[j];
      node = node.next[j];
    }
    return index;
  }

  private Object parameter(Map<String, Object> parameters, String name) {
    if (!parameters.containsKey(name)) {
      throw new IllegalStateException("the config of " + space.typeName() + " has no value for the active parameter '"
          + name + "'; the grid and the runtime disagree (a bug)");
    }
    return parameters.get(name);
  }

  private SweepException notInGrid(String name, Object value) {
    return new SweepException("the value " + Literals.format(value) + " of " + name + " is not a point of the grid");
  }

  // ---- the structure -----------------------------------------------------------------------

  /** One record of the root, or one branch of a polymorphic field, with the configs it flattens. */
  private static final class Scope {
    final String typeName;
    final Slot[] slots;
    final Test[] tests;
    /** Per slot index: the tests read before it that it or a later slot's guards still need. */
    final long[] live;
    Node root;

    Scope(String typeName, Slot[] slots, Test[] tests, long[] live) {
      this.typeName = typeName;
      this.slots = slots;
      this.tests = tests;
      this.live = live;
    }
  }

  /** One discrete parameter (or fixed value) of a scope, with the guards that decide its domain. */
  private static final class Slot {
    final int id;
    final String path;
    final Guard[] guards;
    final Domain active;
    /** The tests that read this slot's value. */
    Test[] readers = new Test[0];
    /** Per domain index (0 active, g + 1 for guard g failing): the segments, made on first use. */
    final Segments[] segments;

    Slot(int id, String path, Guard[] guards, Domain active) {
      this.id = id;
      this.path = path;
      this.guards = guards;
      this.active = active;
      this.segments = new Segments[guards.length + 1];
    }

    /** 0 if every guard holds in {@code state}, else 1 + the first that fails. */
    int domainIndex(long state) {
      for (int g = 0; g < guards.length; g++) {
        if (!guards[g].condition.holds(state)) {
          return g + 1;
        }
      }
      return 0;
    }

    Domain domain(int index) {
      return index == 0 ? active : guards[index - 1].whenFails;
    }
  }

  /** A condition over test outcomes (bit {@code i} of the state is test {@code i}'s outcome). */
  private sealed interface Expr permits Leaf, All, Any {
    boolean holds(long state);

    void bits(List<Integer> out);
  }

  private record Leaf(int bit) implements Expr {
    @Override
    public boolean holds(long state) {
      return (state & (1L << bit)) != 0;
    }

    @Override
    public void bits(List<Integer> out) {
      out.add(bit);
    }
  }

  private record All(Expr[] parts) implements Expr {
    @Override
    public boolean holds(long state) {
      for (Expr part : parts) {
        if (!part.holds(state)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void bits(List<Integer> out) {
      for (Expr part : parts) {
        part.bits(out);
      }
    }
  }

  private record Any(Expr[] parts) implements Expr {
    @Override
    public boolean holds(long state) {
      for (Expr part : parts) {
        if (part.holds(state)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void bits(List<Integer> out) {
      for (Expr part : parts) {
        part.bits(out);
      }
    }
  }

  private record Guard(Expr condition, Domain whenFails) {}

  /** One single-field test of a condition: its bit, and the slot it reads. */
  private record Test(int bit, Condition.FieldTest test, Slot reads) {
    boolean outcome(Domain domain, long digit) {
      if (domain instanceof BranchDomain b) {
        return b.matches(test, b.branchOf(digit));
      }
      Object value = domain.testValue(digit);
      return test.test(path -> value);
    }
  }

  private record ParamRef(Slot slot, int domainIndex, Domain domain) {}

  // ---- domains -----------------------------------------------------------------------------

  /** The values of a slot in one of its states, in grid order. */
  private abstract static class Domain {
    /** The parameter name, or {@code null} for a value that is no parameter. */
    final String name;

    Domain(String name) {
      this.name = name;
    }

    abstract long size();

    /** The value a condition sees at {@code digit}. */
    abstract Object testValue(long digit);

    /** The digit of a parameter value (external form), or -1. */
    long digitOf(Object value) {
      return 0;
    }

    /** Digits where the outcome of {@code tests} may change (beside 0 and size). */
    void cuts(Test[] tests, TreeSet<Long> out) {
      for (long k = 1; k < size(); k++) {
        out.add(k);
      }
    }
  }

  private static final class FixedDomain extends Domain {
    final Object value;

    FixedDomain(Object value) {
      super(null);
      this.value = value;
    }

    @Override
    long size() {
      return 1;
    }

    @Override
    Object testValue(long digit) {
      return value;
    }
  }

  private static final class ChoiceDomain extends Domain {
    final List<?> choices;

    ChoiceDomain(String name, CategoricalSpace<?> space) {
      super(name);
      this.choices = space.choices();
    }

    @Override
    long size() {
      return choices.size();
    }

    @Override
    Object testValue(long digit) {
      return choices.get((int) digit);
    }

    @Override
    long digitOf(Object value) {
      return Choices.indexOf(choices, value);
    }
  }

  private static final class IntDomain extends Domain {
    final long min;
    final long step;
    final long size;

    IntDomain(String name, IntSpace space, long size) {
      super(name);
      this.min = space.min();
      this.step = space.step();
      this.size = size;
    }

    long value(long digit) {
      return min + digit * step;
    }

    @Override
    long size() {
      return size;
    }

    @Override
    Object testValue(long digit) {
      return value(digit);
    }

    @Override
    long digitOf(Object value) {
      if (!(value instanceof Number n) || !Choices.integral(n)) {
        return -1;
      }
      long offset = n.longValue() - min;
      if (Long.compareUnsigned(offset, (size - 1) * step) > 0 || Long.remainderUnsigned(offset, step) != 0) {
        return -1;
      }
      return Long.divideUnsigned(offset, step);
    }

    @Override
    void cuts(Test[] tests, TreeSet<Long> out) {
      BigDecimal low = BigDecimal.valueOf(min);
      BigDecimal width = BigDecimal.valueOf(step);
      numericCuts(tests, low, width, size, out);
    }
  }

  private static final class FloatDomain extends Domain {
    final BigDecimal min;
    final BigDecimal step;
    final double max;
    final long size;

    FloatDomain(String name, FloatSpace space) {
      super(name);
      this.min = Literals.shortestDecimal(space.min());
      this.step = Literals.shortestDecimal(space.step());
      this.max = space.max();
      this.size = Math.round((space.max() - space.min()) / space.step()) + 1;
    }

    /** {@code min + k * step} in decimal, rounded once, capped at max: the runtime's grid values. */
    double value(long digit) {
      return Math.min(max, min.add(step.multiply(BigDecimal.valueOf(digit))).doubleValue());
    }

    @Override
    long size() {
      return size;
    }

    @Override
    Object testValue(long digit) {
      return value(digit);
    }

    @Override
    long digitOf(Object value) {
      if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        return -1;
      }
      long k = new BigDecimal(n.doubleValue()).subtract(min).divide(step, 0, RoundingMode.HALF_EVEN).longValue();
      if (k < 0 || k >= size) {
        return -1;
      }
      double v = value(k);
      double given = n.doubleValue();
      // A float field's value comes back widened to double; compare at its precision then.
      return v == given || (float) v == (float) given ? k : -1;
    }

    @Override
    void cuts(Test[] tests, TreeSet<Long> out) {
      numericCuts(tests, min, step, size, out);
    }
  }

  /**
   * Around each numeric operand {@code x}, at {@code p = floor((x - low) / step)}: digits {@code
   * p - 1} to {@code p + 2}. An ordering test changes outcome between {@code p} and {@code p + 1},
   * an equality test holds at most at {@code p}; the margin of one digit either side absorbs the
   * rounding of decimal grid values, so each run between cuts has one outcome.
   */
  private static void numericCuts(Test[] tests, BigDecimal low, BigDecimal step, long size, TreeSet<Long> out) {
    for (Test test : tests) {
      for (Object operand : test.test().operands()) {
        if (!(operand instanceof Number number) || !Double.isFinite(number.doubleValue())) {
          continue;
        }
        BigDecimal x = Choices.integral(number) ? BigDecimal.valueOf(number.longValue())
            : new BigDecimal(number.doubleValue());
        BigInteger p = x.subtract(low).divide(step, 0, RoundingMode.FLOOR).toBigInteger();
        for (int d = -1; d <= 2; d++) {
          BigInteger cut = p.add(BigInteger.valueOf(d));
          if (cut.signum() > 0 && cut.compareTo(BigInteger.valueOf(size)) < 0) {
            out.add(cut.longValue());
          }
        }
      }
    }
  }

  private static final class BranchDomain extends Domain {
    final List<ConfigSpace<?>> branches;
    final List<String> names;
    final Scope[] scopes;
    long[] starts;
    long size;

    BranchDomain(String name, PolymorphicSpace space, Scope[] scopes) {
      super(name);
      this.branches = space.branches();
      this.names = branches.stream().map(ConfigSpace::typeName).toList();
      this.scopes = scopes;
    }

    /** Once the branches' tables are built: where each branch's configs start. */
    void sized() {
      starts = new long[scopes.length];
      long at = 0;
      for (int b = 0; b < scopes.length; b++) {
        starts[b] = at;
        at = Builder.add(at, scopes[b].root.count, "the branches of " + name);
      }
      size = at;
    }

    int branchOf(long digit) {
      int b = starts.length - 1;
      while (starts[b] > digit) {
        b--;
      }
      return b;
    }

    @Override
    long size() {
      return size;
    }

    @Override
    Object testValue(long digit) {
      throw new IllegalStateException("a branch is tested by its class");
    }

    @Override
    void cuts(Test[] tests, TreeSet<Long> out) {
      for (int b = 1; b < starts.length; b++) {
        out.add(starts[b]);
      }
    }

    /** The outcome of {@code test} on a value of branch {@code b} (as the runtime's test decides). */
    boolean matches(Condition.FieldTest test, int b) {
      ConfigSpace<?> branch = branches.get(b);
      boolean any = false;
      for (Object operand : test.operands()) {
        if (operand instanceof Class<?> c ? c.isAssignableFrom(branch.type())
            : operand instanceof String s && (s.equals(branch.typeName()) || s.equals(branch.type().getName()))) {
          any = true;
        }
      }
      return switch (test.operator()) {
        case EQUALS -> any;
        case NOT_EQUALS -> !any;
        default -> false;
      };
    }
  }

  /** Runs of digits of one domain with the same outcomes of the tests that read it. */
  private record Segments(long[] start, long[] length, long[] bits) {}

  /** One slot in one combination of live outcomes. */
  private static final class Node {
    static final Node END = new Node(-1, null, new long[0], new long[0], new long[0], new Node[0], 1);

    final int domainIndex;
    final Domain domain;
    final long[] segStart;
    final long[] segLen;
    /** Completions after each segment's values: the count of the segment's next node. */
    final long[] weight;
    /** Index of the first config of each segment, relative to this node. */
    final long[] offset;
    final Node[] next;
    final long count;

    Node(int domainIndex, Domain domain, long[] segStart, long[] segLen, long[] weight, Node[] next, long count) {
      this.domainIndex = domainIndex;
      this.domain = domain;
      this.segStart = segStart;
      this.segLen = segLen;
      this.weight = weight;
      this.next = next;
      this.count = count;
      this.offset = new long[segStart.length];
      for (int j = 1; j < segStart.length; j++) {
        offset[j] = offset[j - 1] + segLen[j - 1] * weight[j - 1];
      }
    }

    int segmentOf(long digit) {
      int j = segStart.length - 1;
      while (segStart[j] > digit) {
        j--;
      }
      return j;
    }
  }

  // ---- building ----------------------------------------------------------------------------

  private static final class Builder {
    final ConfigSpace<?> space;
    final Map<String, String> names;
    final List<String> problems = new ArrayList<>();
    final Map<String, ParamRef> refs = new HashMap<>();
    int slotCount;
    int nodes;

    Builder(ConfigSpace<?> space) {
      this.space = space;
      this.names = SpaceWalk.names(space);
    }

    /** A condition to resolve once the scope's slots exist; {@code prefix} is its record's path. */
    private record PendingGuard(Condition condition, String prefix) {}

    /** Walks a record into a scope: {@code location}/{@code path} prefixes end with a dot or are empty. */
    Scope scope(ConfigSpace<?> config, String location, String path, List<String> keys) {
      List<Slot> slots = new ArrayList<>();
      List<List<PendingGuard>> pending = new ArrayList<>();
      addRecord(config, location, path, keys, List.of(), List.of(), slots, pending);
      Map<String, Slot> byPath = new HashMap<>();
      for (Slot slot : slots) {
        byPath.put(slot.path, slot);
      }
      List<Test> tests = new ArrayList<>();
      // A conditional config's condition guards each of its slots: compiled once, its tests shared.
      Map<PendingGuard, Expr> compiled = new HashMap<>();
      for (int s = 0; s < slots.size(); s++) {
        Slot slot = slots.get(s);
        List<PendingGuard> guards = pending.get(s);
        for (int g = 0; g < guards.size(); g++) {
          PendingGuard guard = guards.get(g);
          Expr expr = compiled.get(guard);
          if (expr == null) {
            expr = compile(guard.condition(), guard.prefix(), byPath, tests, slot);
            compiled.put(guard, expr);
          }
          slot.guards[g] = new Guard(expr, slot.guards[g].whenFails());
        }
      }
      if (tests.size() > 64) {
        throw new SweepException("The grid of " + space.typeName() + " cannot be built: the conditions of "
            + config.typeName() + " and the configs it nests make " + tests.size()
            + " single-field tests; a grid supports at most 64 per record (branches count apart)");
      }
      Map<Slot, List<Test>> readers = new HashMap<>();
      for (Test test : tests) {
        readers.computeIfAbsent(test.reads(), k -> new ArrayList<>()).add(test);
      }
      for (Slot slot : slots) {
        slot.readers = readers.getOrDefault(slot, List.of()).toArray(new Test[0]);
      }
      // live[k]: tests read before slot k and used by a guard of slot k or later.
      int n = slots.size();
      long[] live = new long[n + 1];
      Map<Slot, Integer> position = new HashMap<>();
      for (int s = 0; s < n; s++) {
        position.put(slots.get(s), s);
      }
      for (int s = 0; s < n; s++) {
        for (Guard guard : slots.get(s).guards) {
          List<Integer> bits = new ArrayList<>();
          guard.condition().bits(bits);
          for (int bit : bits) {
            Test test = tests.get(bit);
            int reader = position.get(test.reads());
            if (reader >= s) {
              throw new IllegalStateException("in " + config.typeName() + ", " + slots.get(s).path + " is guarded by a test on "
                  + test.reads().path + ", which comes after it in sampling order (a bug)");
            }
            for (int k = reader + 1; k <= s; k++) {
              live[k] |= 1L << bit;
            }
          }
        }
      }
      return new Scope(config.typeName(), slots.toArray(new Slot[0]), tests.toArray(new Test[0]), live);
    }

    private Expr compile(Condition condition, String prefix, Map<String, Slot> byPath, List<Test> tests, Slot guarded) {
      if (condition instanceof Condition.FieldTest test) {
        Slot reads = byPath.get(prefix + test.field());
        if (reads == null) {
          throw new IllegalStateException("the condition '" + test + "' on " + guarded.path + " reads " + prefix
              + test.field() + ", which is no discrete field of the grid (a bug, or a hand-built space the grid does not support)");
        }
        Test resolved = new Test(tests.size(), test, reads);
        tests.add(resolved);
        return new Leaf(resolved.bit());
      }
      if (condition instanceof Condition.AllOf all) {
        return new All(all.conditions().stream().map(c -> compile(c, prefix, byPath, tests, guarded)).toArray(Expr[]::new));
      }
      Condition.AnyOf any = (Condition.AnyOf) condition;
      return new Any(any.conditions().stream().map(c -> compile(c, prefix, byPath, tests, guarded)).toArray(Expr[]::new));
    }

    private void addRecord(ConfigSpace<?> config, String location, String path, List<String> keys,
        List<Guard> enclosing, List<PendingGuard> enclosingPending, List<Slot> slots, List<List<PendingGuard>> pending) {
      for (FieldSpace field : SpaceWalk.samplingOrder(config)) {
        String loc = location + field.name();
        String fieldPath = path + field.name();
        List<String> fieldKeys = new ArrayList<>(keys);
        fieldKeys.add(field.name());
        Space sampled = field.space();
        List<Guard> guards = new ArrayList<>(enclosing);
        List<PendingGuard> guardConditions = new ArrayList<>(enclosingPending);
        if (sampled instanceof ConditionalSpace conditional) {
          sampled = conditional.whenTrue();
          PendingGuard condition = new PendingGuard(conditional.condition(), path);
          if (sampled instanceof ConfigSpace<?> nested) {
            if (!(conditional.whenFalse() instanceof FixedSpace fixed) || fixed.value() != null) {
              throw new SweepException("The grid of " + space.typeName() + " does not support " + fieldPath
                  + ": a conditional config whose inactive value is not null");
            }
            guards.add(new Guard(null, new FixedDomain(null)));
            guardConditions.add(condition);
            addRecord(nested, loc + "?true.", fieldPath + ".", fieldKeys, guards, guardConditions, slots, pending);
            continue;
          }
          guards.add(new Guard(null, domain(conditional.whenFalse(), loc + "?false", fieldPath, fieldKeys)));
          guardConditions.add(condition);
          loc = loc + "?true";
        } else if (sampled instanceof ConfigSpace<?> nested) {
          addRecord(nested, loc + ".", fieldPath + ".", fieldKeys, guards, guardConditions, slots, pending);
          continue;
        }
        Domain active = domain(sampled, loc, fieldPath, fieldKeys);
        Slot slot = new Slot(slotCount++, fieldPath, guards.toArray(new Guard[0]), active);
        register(slot, 0, active);
        for (int g = 0; g < slot.guards.length; g++) {
          register(slot, g + 1, slot.guards[g].whenFails());
        }
        slots.add(slot);
        pending.add(guardConditions);
      }
    }

    private void register(Slot slot, int domainIndex, Domain domain) {
      if (domain.name != null) {
        refs.put(domain.name, new ParamRef(slot, domainIndex, domain));
      }
    }

    private Domain domain(Space space, String location, String path, List<String> keys) {
      String name = names.get(location);
      if (space instanceof FixedSpace fixed) {
        return new FixedDomain(fixed.value());
      }
      if (space instanceof CategoricalSpace<?> c) {
        return new ChoiceDomain(name, c);
      }
      if (space instanceof IntSpace s) {
        long width = Long.divideUnsigned(s.max() - s.min(), s.step());
        if (width < 0 || width == Long.MAX_VALUE) {
          problems.add(path + " (" + name + ") has more than " + Long.MAX_VALUE + " values; restrict it with an override, e.g. "
              + override(keys, "{\"min\": " + s.min() + ", \"max\": " + (s.min() + 1000 * s.step()) + "}"));
          return new FixedDomain(null);
        }
        return new IntDomain(name, s, width + 1);
      }
      if (space instanceof FloatSpace f) {
        if (f.step() > 0) {
          return new FloatDomain(name, f);
        }
        problems.add(path + " (" + name + ") is a continuous range " + label(f) + " with no grid values; give it a list"
            + " of values in the overrides, e.g. " + override(keys, "[" + Literals.formatDouble(f.min()) + ", " + Literals.formatDouble(f.max()) + "]")
            + (f.log() ? "" : ", or a step in its @FloatRange(step = ...)"));
        return new FixedDomain(null);
      }
      if (space instanceof PolymorphicSpace p) {
        Scope[] scopes = new Scope[p.branches().size()];
        for (int b = 0; b < scopes.length; b++) {
          ConfigSpace<?> branch = p.branches().get(b);
          List<String> branchKeys = new ArrayList<>(keys);
          branchKeys.add(branch.typeName());
          scopes[b] = scope(branch, SpaceWalk.branchPrefix(location, branch), path + ".", branchKeys);
        }
        return new BranchDomain(name, p, scopes);
      }
      throw new SweepException("The grid of " + this.space.typeName() + " does not support " + path + ": "
          + space.getClass().getSimpleName() + " inside a conditional's side");
    }

    private static String label(FloatSpace f) {
      return "Float([" + Literals.formatDouble(f.min()) + ", " + Literals.formatDouble(f.max()) + "], " + (f.log() ? "log" : "uniform") + ")";
    }

    /** The override that sets {@code value} at the field path {@code keys}, as JSON. */
    private static String override(List<String> keys, String value) {
      if (keys.size() == 1) {
        return "\"" + keys.get(0) + "\": " + value;
      }
      StringBuilder text = new StringBuilder();
      for (String key : keys) {
        text.append("{\"").append(key).append("\": ");
      }
      return text.append(value).append("}".repeat(keys.size())).toString();
    }

    // ---- the table -----------------------------------------------------------------------

    void table(Scope scope) {
      for (Slot slot : scope.slots) {
        for (int d = 0; d <= slot.guards.length; d++) {
          if (slot.domain(d) instanceof BranchDomain b && b.starts == null) {
            for (Scope branch : b.scopes) {
              table(branch);
            }
            b.sized();
          }
        }
      }
      List<Map<Long, Node>> memo = new ArrayList<>();
      for (int k = 0; k < scope.slots.length; k++) {
        memo.add(new HashMap<>());
      }
      scope.root = node(scope, 0, 0L, memo);
    }

    private Node node(Scope scope, int k, long state, List<Map<Long, Node>> memo) {
      if (k == scope.slots.length) {
        return Node.END;
      }
      Node known = memo.get(k).get(state);
      if (known != null) {
        return known;
      }
      if (++nodes > MAX_NODES) {
        throw new SweepException("The grid of " + space.typeName() + " cannot be built: its conditions couple too many"
            + " fields (more than " + MAX_NODES + " combinations of condition outcomes to track in " + scope.typeName
            + "); fix some of the fields the conditions read with overrides");
      }
      Slot slot = scope.slots[k];
      int domainIndex = slot.domainIndex(state);
      Domain domain = slot.domain(domainIndex);
      Segments segments = slot.segments[domainIndex];
      if (segments == null) {
        segments = segments(slot, domain);
        slot.segments[domainIndex] = segments;
      }
      int count = segments.start().length;
      Node[] next = new Node[count];
      long[] weight = new long[count];
      long total = 0;
      for (int j = 0; j < count; j++) {
        next[j] = node(scope, k + 1, (state | segments.bits()[j]) & scope.live[k + 1], memo);
        weight[j] = next[j].count;
        total = add(total, multiply(segments.length()[j], weight[j]), scope.typeName);
      }
      Node node = new Node(domainIndex, domain, segments.start(), segments.length(), weight, next, total);
      memo.get(k).put(state, node);
      return node;
    }

    private static Segments segments(Slot slot, Domain domain) {
      long size = domain.size();
      if (slot.readers.length == 0) {
        return new Segments(new long[] {0}, new long[] {size}, new long[] {0});
      }
      TreeSet<Long> cuts = new TreeSet<>();
      domain.cuts(slot.readers, cuts);
      cuts.add(0L);
      List<long[]> runs = new ArrayList<>();
      Long[] at = cuts.toArray(new Long[0]);
      for (int c = 0; c < at.length; c++) {
        long start = at[c];
        long end = c + 1 < at.length ? at[c + 1] : size;
        long bits = 0;
        for (Test test : slot.readers) {
          if (test.outcome(domain, start)) {
            bits |= 1L << test.bit();
          }
        }
        long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last != null && last[2] == bits && !(domain instanceof BranchDomain)) {
          last[1] += end - start;
        } else {
          runs.add(new long[] {start, end - start, bits});
        }
      }
      long[] start = new long[runs.size()];
      long[] length = new long[runs.size()];
      long[] bits = new long[runs.size()];
      for (int j = 0; j < runs.size(); j++) {
        start[j] = runs.get(j)[0];
        length[j] = runs.get(j)[1];
        bits[j] = runs.get(j)[2];
      }
      return new Segments(start, length, bits);
    }

    private long multiply(long a, long b) {
      try {
        return Math.multiplyExact(a, b);
      } catch (ArithmeticException e) {
        throw tooLarge();
      }
    }

    static long add(long a, long b, String what) {
      try {
        return Math.addExact(a, b);
      } catch (ArithmeticException e) {
        throw new SweepException("The grid has more than " + Long.MAX_VALUE + " points (in " + what
            + "), more than a long can index; fix or restrict some parameters with overrides");
      }
    }

    private SweepException tooLarge() {
      return new SweepException("The grid of " + space.typeName() + " has more than " + Long.MAX_VALUE
          + " points, more than a long can index; fix or restrict some parameters with overrides"
          + " (its parameters: " + String.join(", ", space.parameterNames()) + ")");
    }
  }

  @Override
  public String toString() {
    return "GridPlan[" + space.typeName() + ", " + size() + " points, " + root.slots.length + " slots]";
  }
}
