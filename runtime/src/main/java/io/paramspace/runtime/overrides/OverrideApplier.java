package io.paramspace.runtime.overrides;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.Condition;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FixedSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.InputNode;
import io.paramspace.runtime.InputProblem;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.InvalidOverridesException;
import io.paramspace.runtime.Overrides;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.internal.ConditionDomains;
import io.paramspace.runtime.internal.FieldPaths;
import io.paramspace.runtime.internal.Suggestions;
import io.paramspace.runtime.internal.Values;
import io.paramspace.runtime.text.Literals;
import io.paramspace.runtime.view.SpaceTree;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies {@link Overrides} to a {@link ConfigSpace}: the narrowed space, or every problem found
 * in an {@link InvalidOverridesException}. Works on the descriptor only, so it serves every config.
 */
public final class OverrideApplier {
  private final String source;
  private final List<InputProblem> problems = new ArrayList<>();

  private OverrideApplier(String source) {
    this.source = source;
  }

  public static <T> ConfigSpace<T> apply(ConfigSpace<T> base, Overrides overrides) {
    if (overrides.root().entries().isEmpty()) {
      return base;
    }
    OverrideApplier applier = new OverrideApplier(overrides.source());
    ConfigSpace<T> narrowed = applier.config(base, overrides.root(), "");
    if (!applier.problems.isEmpty()) {
      throw new InvalidOverridesException(base.typeName(), applier.problems);
    }
    return narrowed;
  }

  private void problem(String path, InputNode at, String message) {
    problem(path, at.location(), message);
  }

  private void problem(String path, InputNode.Location at, String message) {
    problems.add(new InputProblem(source, path, at, message));
  }

  private <T> ConfigSpace<T> config(ConfigSpace<T> base, InputNode.MapNode node, String path) {
    List<FieldSpace> fields = new ArrayList<>(base.fields());
    Map<Integer, InputNode.Scalar> inactiveValues = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, InputNode> entry : node.entries().entrySet()) {
      String key = entry.getKey();
      String at = FieldPaths.child(path, key);
      int index = base.indexOf(key);
      if (index < 0) {
        problem(FieldPaths.child(path, Literals.briefName(key)), node.keyLocation(key), "is not a field of "
            + base.typeName() + "." + Suggestions.didYouMean(key, base.fields().stream().map(FieldSpace::name).toList()));
        continue;
      }
      FieldSpace field = fields.get(index);
      if (isInactiveValue(field.space(), entry.getValue())) {
        // A fixed conditional written as its inactive value (a narrowed space's template does
        // that): right only if these overrides make the field inactive for good; checked below.
        inactiveValues.put(index, (InputNode.Scalar) entry.getValue());
        continue;
      }
      fields.set(index, new FieldSpace(field.name(), field.type(), space(field.space(), field.type(),
          entry.getValue(), at)));
    }
    Map<Integer, ConditionalSpace> madeInactive = fixNeverActive(fields);
    inactiveValues.forEach((index, value) -> {
      if (!(fields.get(index).space() instanceof FixedSpace)) {
        ConditionalSpace conditional = (ConditionalSpace) base.field(index).space();
        problem(FieldPaths.child(path, base.field(index).name()), value, "is "
            + Literals.format(((FixedSpace) conditional.whenFalse()).value()) + ", its value while inactive, but it"
            + " can still be active (if " + conditional.condition() + "), where it is fixed to "
            + Literals.format(((FixedSpace) conditional.whenTrue()).value()) + "; remove this override");
      }
    });
    for (String key : node.entries().keySet()) {
      int index = base.indexOf(key);
      ConditionalSpace overridden = madeInactive.get(index);
      if (overridden != null && base.field(index).space() instanceof ConditionalSpace original
          && !overridden.whenTrue().equals(original.whenTrue())) {
        // The override narrows a field that the same overrides make inactive for good: it would
        // be dropped without a word. (One that restates the field, as an edited template does,
        // narrows nothing and is let through.)
        problem(FieldPaths.child(path, key), node.keyLocation(key), "can never be active once "
            + whyNeverActive(overridden.condition(), base.fields(), fields) + " (it is active only if "
            + overridden.condition() + "); remove this override");
      }
    }
    return base.withFields(fields);
  }

  /** {@code true} for a scalar that is a conditional's fixed inactive value and not its fixed active one. */
  private static boolean isInactiveValue(Space space, InputNode node) {
    return space instanceof ConditionalSpace c && node instanceof InputNode.Scalar scalar
        && c.whenTrue() instanceof FixedSpace active && c.whenFalse() instanceof FixedSpace inactive
        && !Values.sameValue(scalar.value(), active.value()) && Values.sameValue(scalar.value(), inactive.value());
  }

  /**
   * What makes {@code condition} fail for good: each field it reads that these overrides narrowed,
   * with its narrowed space ({@code name is fixed to 'adam'}); every field it reads if none was.
   */
  private static String whyNeverActive(Condition condition, List<FieldSpace> before, List<FieldSpace> after) {
    List<String> narrowed = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (String path : condition.fields()) {
      Space now = spaceAt(path, after);
      if (now == null) {
        continue;
      }
      String description = describeNarrowed(path, now);
      all.add(description);
      if (!now.equals(spaceAt(path, before))) {
        narrowed.add(description);
      }
    }
    return String.join(" and ", narrowed.isEmpty() ? all : narrowed);
  }

  /** The space of the field at a condition's path (through nested configs), or {@code null}. */
  private static Space spaceAt(String path, List<FieldSpace> fields) {
    int dot = path.indexOf('.');
    String head = dot < 0 ? path : path.substring(0, dot);
    for (FieldSpace field : fields) {
      if (field.name().equals(head)) {
        Space space = field.space();
        if (dot < 0) {
          return space;
        }
        if (space instanceof ConditionalSpace c) {
          space = c.whenTrue();
        }
        return space instanceof ConfigSpace<?> nested ? spaceAt(path.substring(dot + 1), nested.fields()) : null;
      }
    }
    return null;
  }

  private static String describeNarrowed(String path, Space space) {
    if (space instanceof FixedSpace fixed) {
      return path + " is fixed to " + Literals.format(fixed.value());
    }
    if (space instanceof CategoricalSpace<?> categorical) {
      return path + " is restricted to " + Values.list(categorical.choices());
    }
    if (space instanceof PolymorphicSpace polymorphic) {
      return path + " keeps only " + polymorphic.branches().stream().map(ConfigSpace::typeName).toList();
    }
    return path + " is narrowed to " + SpaceTree.label(space);
  }

  /**
   * A conditional field whose condition the narrowed fields decide as never holding can never be
   * active: it becomes its inactive value, so the narrowed tree and parameter names do not show a
   * parameter that is never asked. The condition is decided by the narrowed domains of what it
   * reads, not only by fixed values: {@code numBlocks > 8} never holds once numBlocks is narrowed
   * to {@code [4, 8]}, {@code optimizer == 'sgd'} once optimizer is restricted to {@code ['adam',
   * 'rmsprop']} (see {@link ConditionDomains}). One that always holds stays conditional, so its
   * parameter keeps its {@code ::true_branch} name and a study continues across the narrowing.
   *
   * @return the conditionals it replaced, by field index
   */
  private static Map<Integer, ConditionalSpace> fixNeverActive(List<FieldSpace> fields) {
    Map<Integer, ConditionalSpace> replaced = new java.util.LinkedHashMap<>();
    boolean changed = true;
    while (changed) { // a field made inactive may decide the condition of one that reads it
      changed = false;
      for (int i = 0; i < fields.size(); i++) {
        FieldSpace field = fields.get(i);
        if (field.space() instanceof ConditionalSpace conditional
            && conditional.whenFalse() instanceof FixedSpace inactive
            && ConditionDomains.decide(conditional.condition(), fields) == ConditionDomains.Decision.NEVER) {
          fields.set(i, new FieldSpace(field.name(), field.type(), inactive));
          replaced.put(i, conditional);
          changed = true;
        }
      }
    }
    return replaced;
  }

  private Space space(Space base, Class<?> type, InputNode node, String path) {
    if (base instanceof FloatSpace || base instanceof IntSpace) {
      return range(base, type, node, path);
    }
    if (base instanceof CategoricalSpace<?> categorical) {
      return categorical(categorical, node, path);
    }
    if (base instanceof FixedSpace fixed) {
      if (node instanceof InputNode.Scalar scalar && Values.sameValue(scalar.value(), fixed.value())) {
        return fixed;
      }
      Object written = node instanceof InputNode.Scalar scalar ? scalar.value() : null;
      problem(path, node, "is fixed to " + Literals.format(fixed.value()) + " and cannot be overridden"
          + (fixed.value() instanceof Boolean ? Values.booleanWordHint(written) : ""));
      return base;
    }
    if (base instanceof ConfigSpace<?> config) {
      if (node instanceof InputNode.MapNode map) {
        return config(config, map, path);
      }
      problem(path, node, "is a nested " + config.typeName() + "; override it with an object of its fields, not "
          + InputNode.describe(node));
      return base;
    }
    if (base instanceof PolymorphicSpace polymorphic) {
      return polymorphic(polymorphic, node, path);
    }
    ConditionalSpace conditional = (ConditionalSpace) base;
    if (node instanceof InputNode.MapNode map && !map.entries().isEmpty()
        && Set.of("true", "false").containsAll(map.entries().keySet())) {
      Space whenTrue = conditional.whenTrue();
      Space whenFalse = conditional.whenFalse();
      if (map.entries().containsKey("true")) {
        whenTrue = space(whenTrue, type, map.entries().get("true"), path + ".true");
      }
      if (map.entries().containsKey("false")) {
        whenFalse = space(whenFalse, type, map.entries().get("false"), path + ".false");
      }
      return new ConditionalSpace(conditional.condition(), whenTrue, whenFalse);
    }
    return new ConditionalSpace(conditional.condition(), space(conditional.whenTrue(), type, node, path),
        conditional.whenFalse());
  }

  private Space range(Space base, Class<?> type, InputNode node, String path) {
    String bounds = SpaceTree.label(base);
    if (node instanceof InputNode.Scalar scalar) {
      Object value = Values.number(scalar.value(), type);
      if (value == null) {
        problem(path, node, "is " + InputNode.describe(node) + "; expected " + Values.describeType(type));
        return base;
      }
      if (!Values.contains(base, value)) {
        problem(path, node, Literals.brief(value) + " is outside " + bounds + "; choose a value within the base space");
        return base;
      }
      return FixedSpace.of(value);
    }
    if (node instanceof InputNode.ListNode list) {
      List<Object> values = new ArrayList<>();
      boolean ok = !list.items().isEmpty();
      if (!ok) {
        problem(path, node, "is an empty list; list at least one value");
      }
      for (InputNode item : list.items()) {
        Object value = item instanceof InputNode.Scalar s ? Values.number(s.value(), type) : null;
        if (value == null) {
          problem(path, item, "lists " + InputNode.describe(item) + "; expected " + Values.describeType(type));
          ok = false;
        } else if (!Values.contains(base, value)) {
          problem(path, item, Literals.brief(value) + " is outside " + bounds + "; list values within the base space");
          ok = false;
        } else if (values.contains(value)) {
          problem(path, item, "lists " + Literals.brief(value) + " twice");
          ok = false;
        } else {
          values.add(value);
        }
      }
      if (!ok) {
        return base;
      }
      // Ascending, so [64, 32] and [32, 64] are one space, with one hash and the same samples.
      values.sort(java.util.Comparator.comparingDouble(v -> ((Number) v).doubleValue()));
      return values.size() == 1 ? FixedSpace.of(values.get(0))
          : new CategoricalSpace<>(values, java.util.Collections.nCopies(values.size(), 1.0));
    }
    InputNode.MapNode map = (InputNode.MapNode) node;
    Set<String> unknown = new LinkedHashSet<>(map.entries().keySet());
    unknown.removeAll(Set.of("min", "max"));
    if (!unknown.isEmpty() || !map.entries().containsKey("min") || !map.entries().containsKey("max")) {
      problem(path, node, "narrows a range with " + map.entries().keySet().stream().map(Literals::briefName).toList()
          + "; write {\"min\": .., \"max\": ..} with both bounds (a list restricts, a value fixes)");
      return base;
    }
    InputNode minNode = map.entries().get("min");
    InputNode maxNode = map.entries().get("max");
    Object min = minNode instanceof InputNode.Scalar s ? Values.number(s.value(), type) : null;
    Object max = maxNode instanceof InputNode.Scalar s ? Values.number(s.value(), type) : null;
    boolean ok = true;
    for (Object[] bound : new Object[][] {{"min", min, minNode}, {"max", max, maxNode}}) {
      InputNode at = (InputNode) bound[2];
      if (bound[1] == null) {
        problem(path + "." + bound[0], at, "is " + InputNode.describe(at) + "; expected " + Values.describeType(type));
        ok = false;
      } else if (!Values.contains(base, bound[1])) {
        problem(path + "." + bound[0], at, Literals.brief(bound[1]) + " is outside " + bounds
            + (Values.withinBounds(base, bound[1]) ? " (not on its step grid)" : "")
            + "; overrides narrow, never widen");
        ok = false;
      }
    }
    if (!ok) {
      return base;
    }
    double low = Values.asDouble(min);
    double high = Values.asDouble(max);
    if (low > high) {
      problem(path, node, "has min " + Literals.brief(min) + " greater than max " + Literals.brief(max)
          + "; swap them");
      return base;
    }
    if (low == high) {
      problem(path, node, "has min = max = " + Literals.brief(min) + "; write the value itself to fix it");
      return base;
    }
    if (base instanceof FloatSpace f) {
      return new FloatSpace(low, high, f.log(), f.step());
    }
    IntSpace i = (IntSpace) base;
    return new IntSpace(((Number) min).longValue(), ((Number) max).longValue(), i.log(), i.step());
  }

  private Space categorical(CategoricalSpace<?> base, InputNode node, String path) {
    List<?> choices = base.choices();
    String allowed = Values.list(choices);
    if (node instanceof InputNode.Scalar scalar) {
      int index = Values.indexOfChoice(choices, scalar.value());
      if (index < 0) {
        problem(path, node, Literals.brief(scalar.value()) + " is not a choice; choose one of " + allowed
            + booleanHint(choices, scalar.value()));
        return base;
      }
      return FixedSpace.of(choices.get(index));
    }
    if (node instanceof InputNode.ListNode list) {
      Set<Integer> kept = new java.util.TreeSet<>();
      boolean ok = !list.items().isEmpty();
      if (!ok) {
        problem(path, node, "is an empty list; list at least one of " + allowed);
      }
      for (InputNode item : list.items()) {
        Object value = item instanceof InputNode.Scalar s ? s.value() : item;
        int index = item instanceof InputNode.Scalar ? Values.indexOfChoice(choices, value) : -1;
        if (index < 0) {
          problem(path, item, (item instanceof InputNode.Scalar ? Literals.brief(value) : InputNode.describe(item))
              + " is not a choice; list values among " + allowed + booleanHint(choices, value));
          ok = false;
        } else if (!kept.add(index)) {
          problem(path, item, "lists " + Literals.format(choices.get(index)) + " twice");
          ok = false;
        }
      }
      if (!ok) {
        return base;
      }
      if (kept.size() == 1) {
        return FixedSpace.of(choices.get(kept.iterator().next()));
      }
      List<Object> values = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      for (int index : kept) {
        values.add(choices.get(index));
        weights.add(base.weights().get(index));
      }
      return new CategoricalSpace<>(values, weights);
    }
    problem(path, node, "is a categorical; fix it with a value or restrict it with a list of " + allowed
        + ", not an object");
    return base;
  }

  /** The hint for yes/no/on/off given to a boolean's choices; otherwise "". */
  private static String booleanHint(List<?> choices, Object raw) {
    return choices.stream().allMatch(c -> c instanceof Boolean) ? Values.booleanWordHint(raw) : "";
  }

  private Space polymorphic(PolymorphicSpace base, InputNode node, String path) {
    List<String> names = base.branches().stream().map(ConfigSpace::typeName).toList();
    Map<String, InputNode> wanted = new java.util.LinkedHashMap<>();
    // Where each branch was named: its key in an object, its item in a list.
    Map<String, InputNode.Location> namedAt = new java.util.HashMap<>();
    if (node instanceof InputNode.Scalar || node instanceof InputNode.ListNode) {
      List<InputNode> items = node instanceof InputNode.ListNode list ? list.items() : List.of(node);
      if (items.isEmpty()) {
        problem(path, node, "is an empty list; keep at least one of " + names);
        return base;
      }
      for (InputNode item : items) {
        if (item instanceof InputNode.Scalar s && s.value() instanceof String name) {
          if (wanted.put(name, new InputNode.MapNode(Map.of(), item.location())) != null) {
            problem(path, item, "lists " + name + " twice");
          } else {
            namedAt.put(name, item.location());
          }
        } else {
          problem(path, item, "lists " + InputNode.describe(item) + "; name branches by class: " + names);
        }
      }
    } else {
      InputNode.MapNode map = (InputNode.MapNode) node;
      wanted.putAll(map.entries());
      for (String name : map.entries().keySet()) {
        namedAt.put(name, map.keyLocation(name));
      }
      if (wanted.isEmpty()) {
        problem(path, node, "keeps no branch; keep at least one of " + names);
        return base;
      }
    }
    List<ConfigSpace<?>> branches = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (String name : wanted.keySet()) {
      if (!names.contains(name)) {
        problem(FieldPaths.child(path, Literals.briefName(name)), namedAt.get(name), "is not a branch of this field."
            + Suggestions.didYouMean(name, names));
      }
    }
    for (int i = 0; i < base.branches().size(); i++) {
      ConfigSpace<?> branch = base.branches().get(i);
      InputNode inner = wanted.get(branch.typeName());
      if (inner == null) {
        continue;
      }
      if (inner instanceof InputNode.MapNode map) {
        branches.add(config(branch, map, FieldPaths.child(path, branch.typeName())));
      } else {
        problem(FieldPaths.child(path, branch.typeName()), inner, "is " + InputNode.describe(inner)
            + "; a branch takes an object of its field overrides ({} keeps it as it is)");
        branches.add(branch);
      }
      weights.add(base.weights().get(i));
    }
    if (branches.isEmpty()) {
      return base;
    }
    return new PolymorphicSpace(branches, weights);
  }
}
