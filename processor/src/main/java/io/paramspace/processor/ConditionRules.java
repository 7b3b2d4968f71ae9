package io.paramspace.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks what the {@code @When}s of a config refer to (fields, paths into nested configs, values
 * and orderings those fields can take), finds self-references and cycles, and works out the
 * sampling order. Plain rules over the model; nested configs are looked up by qualified name.
 */
final class ConditionRules {
  private ConditionRules() {}

  /** A test whose path resolved: the fields along it and the operands, typed as the target. */
  record ResolvedTest(ConditionModel.Test test, List<FieldModel> path, List<Object> operands) {
    FieldModel target() {
      return path.get(path.size() - 1);
    }
  }

  /** A component's condition with every test resolved. */
  record ResolvedCondition(List<ResolvedTest> all, List<List<ResolvedTest>> anyOf) {}

  record Result(List<Diagnostic> problems, Map<String, ResolvedCondition> conditions, List<FieldModel> order) {}

  static Result check(ConfigModel config, Function<String, ConfigModel> nested) {
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, ResolvedCondition> conditions = new LinkedHashMap<>();
    Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
    for (FieldModel field : config.fields()) {
      Set<String> heads = new LinkedHashSet<>();
      List<ResolvedTest> all = resolveAll(config, field, field.condition().all(), nested, problems, heads);
      List<List<ResolvedTest>> anyOf = new ArrayList<>();
      for (List<ConditionModel.Test> group : field.condition().anyOf()) {
        anyOf.add(resolveAll(config, field, group, nested, problems, heads));
      }
      dependsOn.put(field.name(), heads);
      if (field.isConditional()) {
        conditions.put(field.name(), new ResolvedCondition(all, anyOf));
      }
    }
    reportCycles(config, dependsOn, problems);
    return new Result(problems, conditions, samplingOrder(config, dependsOn));
  }

  private static List<ResolvedTest> resolveAll(
      ConfigModel config,
      FieldModel field,
      List<ConditionModel.Test> tests,
      Function<String, ConfigModel> nested,
      List<Diagnostic> problems,
      Set<String> heads) {
    List<ResolvedTest> resolved = new ArrayList<>();
    for (ConditionModel.Test test : tests) {
      ResolvedTest r = resolve(config, field, test, nested, problems);
      if (r != null) {
        resolved.add(r);
        heads.add(test.head());
      }
    }
    return resolved;
  }

  private static ResolvedTest resolve(
      ConfigModel config,
      FieldModel field,
      ConditionModel.Test test,
      Function<String, ConfigModel> nested,
      List<Diagnostic> problems) {
    String[] segments = test.path().split("\\.", -1);
    if (segments[0].equals(field.name())) {
      problems.add(Diagnostic.of(Message.SELF_CONDITION, test.fieldPosition(), field.name(), test.path()));
      return null;
    }
    List<FieldModel> path = new ArrayList<>();
    ConfigModel scope = config;
    for (int i = 0; i < segments.length; i++) {
      FieldModel next = scope == null ? null : scope.field(segments[i]);
      if (next == null && scope != null && scope.failed(segments[i])) {
        return null; // a component whose type has no space: reported on it, once
      }
      if (next == null) {
        String hint = suggestion(segments[i], scope == null ? List.of() : scope.componentNames());
        problems.add(Diagnostic.of(Message.UNKNOWN_WHEN_FIELD, test.fieldPosition(), test.path(), field.name(),
            scope == null ? "?" : scope.simpleName(), hint));
        return null;
      }
      path.add(next);
      if (i < segments.length - 1) {
        if (next.kind() != ValueKind.CONFIG) {
          problems.add(Diagnostic.of(Message.WHEN_PATH_NOT_CONFIG, test.fieldPosition(), test.path(), field.name(),
              segments[i], describeKind(next), segments[i + 1]));
          return null;
        }
        scope = nested.apply(next.typeElement().getQualifiedName().toString());
      }
    }
    FieldModel target = path.get(path.size() - 1);
    if (target.kind() == ValueKind.CONFIG) {
      problems.add(Diagnostic.of(Message.WHEN_ON_CONFIG_VALUE, test.fieldPosition(), test.path(), field.name(),
          test.path(), test.path()));
      return null;
    }
    if (test.operator() == ConditionModel.Operator.ORDERING) {
      if (!target.kind().isNumeric()) {
        String ordering = test.lower() != null ? (test.lowerInclusive() ? "atLeast" : "greaterThan")
            : (test.upperInclusive() ? "atMost" : "lessThan");
        problems.add(Diagnostic.of(Message.ORDERING_ON_NON_NUMERIC, test.testPosition(), test.path(), field.name(),
            ordering, test.path(), describeKind(target)));
        return null;
      }
      return withOutcome(field, new ResolvedTest(test, path, List.of()), problems);
    }
    List<Object> operands = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < test.literals().size(); i++) {
      String literal = test.literals().get(i);
      Object value = LiteralParser.parse(target.kind(), literal, names(target));
      if (target.spaceFailed()) {
        // its space is reported broken: only what its type says is known
        if (value == null) {
          String expected = LiteralParser.expected(target.kind(), typeName(target), names(target));
          problems.add(Diagnostic.of(Message.IMPOSSIBLE_WHEN_VALUE, test.literalPosition(i), test.path(), field.name(),
              test.path(), "\"" + literal + "\"", expected));
          ok = false;
        } else {
          operands.add(value);
        }
      } else if (value == null || !canTake(target, value)) {
        problems.add(Diagnostic.of(Message.IMPOSSIBLE_WHEN_VALUE, test.literalPosition(i), test.path(), field.name(),
            test.path(), "\"" + literal + "\"", possibleValues(target)));
        ok = false;
      } else {
        operands.add(value);
      }
    }
    return ok ? withOutcome(field, new ResolvedTest(test, path, operands), problems) : null;
  }

  /** {@code resolved}, after reporting it if it never (or always) holds. */
  private static ResolvedTest withOutcome(FieldModel field, ResolvedTest resolved, List<Diagnostic> problems) {
    TestOutcomes.check(field, resolved, problems);
    return resolved;
  }

  private static String typeName(FieldModel field) {
    return field.typeElement() == null ? field.kind().description() : field.typeElement().getSimpleName().toString();
  }

  private static List<String> names(FieldModel field) {
    return switch (field.kind()) {
      case ENUM -> field.enumConstants();
      case POLYMORPHIC -> field.branches().stream().map(b -> b.getSimpleName().toString()).toList();
      default -> List.of();
    };
  }

  /** {@code true} if {@code field} can hold {@code value}, active or not. */
  private static boolean canTake(FieldModel field, Object value) {
    if (value.equals(field.otherwise()) || value.equals(field.then())) {
      return true;
    }
    if (field.then() != null) {
      return false;
    }
    if (field.space() instanceof SpaceModel.Range range) {
      return RangeRules.contains(range, (Number) value);
    }
    return field.choices().contains(value);
  }

  private static String possibleValues(FieldModel field) {
    List<String> values = new ArrayList<>();
    if (field.then() == null && field.space() instanceof SpaceModel.Range range) {
      values.add(RangeRules.describe(range, field.kind()));
    } else {
      field.choices().forEach(v -> values.add(LiteralParser.show(v)));
    }
    if (field.otherwise() != null && !field.choices().contains(field.otherwise())) {
      values.add(LiteralParser.show(field.otherwise()) + " (while inactive)");
    }
    return String.join(", ", values);
  }

  private static String describeKind(FieldModel field) {
    return switch (field.kind()) {
      case POLYMORPHIC -> "a sealed interface (" + field.typeElement().getSimpleName() + ")";
      case ENUM -> "an enum (" + field.typeElement().getSimpleName() + ")";
      case CONFIG -> "a nested config (" + field.typeElement().getSimpleName() + ")";
      case STRING -> "a String";
      case INT -> "an int";
      default -> "a " + field.kind().description();
    };
  }

  /** One error per cycle of conditions, on the first field of the cycle in declaration order. */
  private static void reportCycles(ConfigModel config, Map<String, Set<String>> dependsOn, List<Diagnostic> problems) {
    Set<String> reported = new LinkedHashSet<>();
    for (FieldModel field : config.fields()) {
      List<String> cycle = cycleFrom(field.name(), dependsOn);
      if (cycle == null) {
        continue;
      }
      Set<String> members = Set.copyOf(cycle);
      if (reported.stream().anyMatch(members::contains)) {
        continue;
      }
      reported.addAll(members);
      ConditionModel.Test test = field.condition().tests().stream()
          .filter(t -> t.head().equals(cycle.get(1)))
          .findFirst()
          .orElseThrow();
      problems.add(Diagnostic.of(Message.CONDITION_CYCLE, test.fieldPosition(), field.name(),
          String.join(" -> ", cycle)));
    }
  }

  /** A path {@code start -> ... -> start} through the dependencies, or {@code null}. */
  private static List<String> cycleFrom(String start, Map<String, Set<String>> dependsOn) {
    Map<String, String> parent = new HashMap<>();
    List<String> queue = new ArrayList<>(List.of(start));
    for (int i = 0; i < queue.size(); i++) {
      String current = queue.get(i);
      for (String next : dependsOn.getOrDefault(current, Set.of())) {
        if (next.equals(start)) {
          List<String> cycle = new ArrayList<>(List.of(start));
          for (String at = current; !at.equals(start); at = parent.get(at)) {
            cycle.add(1, at);
          }
          cycle.add(start);
          return cycle;
        }
        if (!parent.containsKey(next) && dependsOn.containsKey(next)) {
          parent.put(next, current);
          queue.add(next);
        }
      }
    }
    return null;
  }

  /**
   * Declaration order, except that the fields a condition reads are placed (recursively, in
   * declaration order) just before the first field that reads them.
   */
  private static List<FieldModel> samplingOrder(ConfigModel config, Map<String, Set<String>> dependsOn) {
    Map<String, FieldModel> byName = config.fields().stream()
        .collect(Collectors.toMap(FieldModel::name, f -> f, (a, b) -> a, LinkedHashMap::new));
    Set<String> placed = new LinkedHashSet<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (FieldModel field : config.fields()) {
      place(field.name(), dependsOn, placed, visiting);
    }
    return placed.stream().map(byName::get).toList();
  }

  private static void place(String name, Map<String, Set<String>> dependsOn, Set<String> placed, Set<String> visiting) {
    if (placed.contains(name) || !visiting.add(name)) {
      return; // placed already, or part of a cycle (reported separately)
    }
    for (String dependency : dependsOn.getOrDefault(name, Set.of())) {
      if (dependsOn.containsKey(dependency)) {
        place(dependency, dependsOn, placed, visiting);
      }
    }
    placed.add(name);
  }

  /** " Did you mean "x"?" for the closest name within a few edits, or "". */
  static String suggestion(String wrong, List<String> names) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : names) {
      int distance = editDistance(wrong.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    if (best == null || bestDistance > Math.max(2, wrong.length() / 2)) {
      return names.isEmpty() ? "" : " Its fields are: " + String.join(", ", names) + ".";
    }
    return " Did you mean \"" + best + "\"?";
  }

  /**
   * Levenshtein distance, written here because the processor depends on nothing but the
   * annotations; it runs on names of a few letters.
   */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
