package io.paramspace.runtime.internal;

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
import io.paramspace.runtime.text.Literals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a condition is decided by the spaces of the fields it reads: it holds for every config
 * of a (narrowed) space, for none, or it depends on the draw. Fixed values decide it as before;
 * so do ranges whose bounds lie on one side of a test ({@code numBlocks > 8} with numBlocks in
 * {@code [4, 8]}), and categoricals or branches of which every choice passes or fails.
 *
 * <p>A field that may have no value (a conditional field whose inactive value is {@code null}, or
 * one reached through a config that may be {@code null}) fails every test while it has none, so a
 * test on it never always holds. A conditional field's possible values are those of both sides,
 * unless its own condition is decided. Anything this cannot see through (a path it cannot follow,
 * a test that does not fit the values) is {@link Decision#OPEN}: undecided is always safe.
 */
public final class ConditionDomains {
  private ConditionDomains() {}

  /** What the values a condition reads make of it. */
  public enum Decision {
    /** Holds for every config of the space. */
    ALWAYS,
    /** Holds for none. */
    NEVER,
    /** Depends on the values drawn, or cannot be told. */
    OPEN
  }

  /** How {@code condition}, read from a config whose fields are {@code fields}, fares over all its values. */
  public static Decision decide(Condition condition, List<FieldSpace> fields) {
    return decide(condition, fields, new HashSet<>());
  }

  /**
   * The spaces the value at {@code path} (a field name, or a dotted path into nested configs) is
   * drawn from, as the condition sees them, with the field's type; {@code null} if the path cannot
   * be followed.
   */
  public static List<Domain> domain(String path, List<FieldSpace> fields) {
    return domain(path, fields, new HashSet<>());
  }

  /** One of the spaces a field's value comes from, with the field's type ({@code null} fixes no value). */
  public record Domain(Space space, Class<?> type) {}

  // {@code deciding}: the conditions being decided further up, so that a hand-built cycle stops.
  private static Decision decide(Condition condition, List<FieldSpace> fields, Set<Condition> deciding) {
    if (!deciding.add(condition)) {
      return Decision.OPEN;
    }
    try {
      if (condition instanceof Condition.FieldTest test) {
        return test(test, fields, deciding);
      }
      boolean and = condition instanceof Condition.AllOf;
      List<Condition> parts = and ? ((Condition.AllOf) condition).conditions()
          : ((Condition.AnyOf) condition).conditions();
      // "and": one part that never holds decides it, and it always holds if every part does;
      // "or": one part that always holds decides it, and it never holds if no part does.
      Decision decisive = and ? Decision.NEVER : Decision.ALWAYS;
      boolean allDecided = true;
      for (Condition part : parts) {
        Decision d = decide(part, fields, deciding);
        if (d == decisive) {
          return decisive;
        }
        allDecided &= d != Decision.OPEN;
      }
      return allDecided ? (and ? Decision.ALWAYS : Decision.NEVER) : Decision.OPEN;
    } finally {
      deciding.remove(condition);
    }
  }

  private static Decision test(Condition.FieldTest test, List<FieldSpace> fields, Set<Condition> deciding) {
    List<Domain> domains = domain(test.field(), fields, deciding);
    if (domains == null || domains.isEmpty()) {
      return Decision.OPEN;
    }
    boolean canHold = false;
    boolean canFail = false;
    for (Domain domain : domains) {
      Decision d = test(test, domain);
      if (d == Decision.OPEN) {
        return Decision.OPEN;
      }
      canHold |= d == Decision.ALWAYS;
      canFail |= d == Decision.NEVER;
    }
    return canHold && canFail ? Decision.OPEN : canHold ? Decision.ALWAYS : Decision.NEVER;
  }

  private static List<Domain> domain(String path, List<FieldSpace> fields, Set<Condition> deciding) {
    int dot = path.indexOf('.');
    String head = dot < 0 ? path : path.substring(0, dot);
    FieldSpace field = fields.stream().filter(f -> f.name().equals(head)).findFirst().orElse(null);
    if (field == null) {
      return null;
    }
    List<Space> alternatives = new ArrayList<>();
    flatten(field.space(), fields, deciding, alternatives);
    List<Domain> domains = new ArrayList<>();
    for (Space alternative : alternatives) {
      if (dot < 0) {
        domains.add(new Domain(alternative, field.type()));
      } else if (alternative instanceof ConfigSpace<?> nested) {
        List<Domain> inner = domain(path.substring(dot + 1), nested.fields(), deciding);
        if (inner == null) {
          return null;
        }
        domains.addAll(inner);
      } else if (alternative instanceof FixedSpace fixed && fixed.value() == null) {
        domains.add(new Domain(fixed, field.type())); // through a null config: no value
      } else {
        return null;
      }
    }
    return domains;
  }

  /** The spaces of a field's values: both sides of a conditional unless its own condition is decided. */
  private static void flatten(Space space, List<FieldSpace> fields, Set<Condition> deciding, List<Space> out) {
    if (space instanceof ConditionalSpace conditional) {
      Decision active = decide(conditional.condition(), fields, deciding);
      if (active != Decision.NEVER) {
        flatten(conditional.whenTrue(), fields, deciding, out);
      }
      if (active != Decision.ALWAYS) {
        flatten(conditional.whenFalse(), fields, deciding, out);
      }
      return;
    }
    out.add(space);
  }

  /** How {@code test} fares over the values of one space. */
  private static Decision test(Condition.FieldTest test, Domain domain) {
    Space space = domain.space();
    try {
      if (space instanceof FixedSpace fixed) {
        return holds(test, fixed.value());
      }
      if (space instanceof CategoricalSpace<?> categorical) {
        return every(test, categorical.choices());
      }
      if (space instanceof PolymorphicSpace polymorphic) {
        return branches(test, polymorphic);
      }
      if (space instanceof FloatSpace f) {
        return range(test, bound(f.min(), domain.type()), bound(f.max(), domain.type()));
      }
      if (space instanceof IntSpace i) {
        return range(test, i.min(), i.max());
      }
    } catch (IllegalArgumentException notComparable) {
      // An ordering on a value that is no number: the generated code never builds one.
    }
    return Decision.OPEN;
  }

  private static Decision holds(Condition.FieldTest test, Object value) {
    return test.test(path -> value) ? Decision.ALWAYS : Decision.NEVER;
  }

  private static Decision every(Condition.FieldTest test, List<?> values) {
    boolean canHold = false;
    boolean canFail = false;
    for (Object value : values) {
      boolean holds = test.test(path -> value);
      canHold |= holds;
      canFail |= !holds;
    }
    return canHold && canFail ? Decision.OPEN : canHold ? Decision.ALWAYS : Decision.NEVER;
  }

  /** A branch matches a class operand it is an instance of; orderings on branches are not decided. */
  private static Decision branches(Condition.FieldTest test, PolymorphicSpace space) {
    boolean equals = test.operator() == Condition.Operator.EQUALS;
    if (!equals && test.operator() != Condition.Operator.NOT_EQUALS) {
      return Decision.OPEN;
    }
    boolean canHold = false;
    boolean canFail = false;
    for (ConfigSpace<?> branch : space.branches()) {
      boolean matches = test.operands().stream()
          .anyMatch(o -> o instanceof Class<?> c && c.isAssignableFrom(branch.type()));
      boolean holds = equals == matches;
      canHold |= holds;
      canFail |= !holds;
    }
    return canHold && canFail ? Decision.OPEN : canHold ? Decision.ALWAYS : Decision.NEVER;
  }

  /**
   * A range's values lie between its bounds, which it takes: an ordering that gives the same
   * answer at both bounds gives it everywhere between; an equality with no operand between them
   * never holds (and its negation always does).
   */
  private static Decision range(Condition.FieldTest test, Number min, Number max) {
    if (Literals.compare(min, max) == 0) {
      return holds(test, min);
    }
    switch (test.operator()) {
      case EQUALS:
      case NOT_EQUALS: {
        boolean anyWithin = test.operands().stream().anyMatch(o -> o instanceof Number n && between(n, min, max));
        if (anyWithin) {
          return Decision.OPEN;
        }
        return test.operator() == Condition.Operator.EQUALS ? Decision.NEVER : Decision.ALWAYS;
      }
      default: {
        Decision atMin = holds(test, min);
        return atMin == holds(test, max) ? atMin : Decision.OPEN;
      }
    }
  }

  /** {@code min <= n <= max}; never for NaN. */
  private static boolean between(Number n, Number min, Number max) {
    int fromMin = Literals.compare(n, min);
    int fromMax = Literals.compare(n, max);
    return (fromMin == 0 || fromMin == 1) && (fromMax == 0 || fromMax == -1);
  }

  /** A float range's bound as the field holds it: a float field holds the float nearest to it. */
  private static Number bound(double value, Class<?> type) {
    return type == float.class || type == Float.class ? (Number) (float) value : (Number) value;
  }
}
