package io.paramspace.processor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a {@code @When} test can hold, given every value the field it reads can take: never (an
 * error, as a literal the field can never take is), always (a warning: the test keeps the field
 * conditional for nothing), or sometimes. A field that may have no value (inactive without an
 * {@code otherwise}, or inside a config that may be inactive) fails every test, so a test on it
 * never always holds. Plain rules over the model.
 */
final class TestOutcomes {
  private TestOutcomes() {}

  enum Outcome {
    NEVER,
    SOMETIMES,
    ALWAYS
  }

  /**
   * How an integral value meets a bound, which is a double. Exactly, as the user reads it; or as
   * Java compares a long with a double (the long promoted to a double), as generated code does for
   * bounds too large to write as a long literal. Near and beyond 2^53 the two can differ, and a
   * test is then reported only when both agree.
   */
  private enum Comparison {
    EXACT,
    PROMOTED
  }

  /** Reports {@code resolved}, read by {@code field}, when it never or always holds. */
  static void check(FieldModel field, ConditionRules.ResolvedTest resolved, List<Diagnostic> problems) {
    Outcome outcome = outcome(resolved);
    if (outcome == Outcome.SOMETIMES) {
      return;
    }
    ConditionModel.Test test = resolved.test();
    String path = test.path();
    Message message = outcome == Outcome.NEVER ? Message.CONDITION_NEVER_HOLDS : Message.CONDITION_ALWAYS_HOLDS;
    problems.add(Diagnostic.of(message, test.testPosition(), path, field.name(), path,
        describeValues(resolved.target()), expression(resolved), path));
  }

  static Outcome outcome(ConditionRules.ResolvedTest resolved) {
    FieldModel target = resolved.target();
    if (target.spaceFailed()) {
      return Outcome.SOMETIMES; // its values are not known; its own error is reported
    }
    if (resolved.test().operator() == ConditionModel.Operator.ORDERING && target.kind().isIntegral()) {
      Outcome exact = outcome(resolved, Comparison.EXACT);
      return exact == outcome(resolved, Comparison.PROMOTED) ? exact : Outcome.SOMETIMES;
    }
    return outcome(resolved, Comparison.EXACT);
  }

  private static Outcome outcome(ConditionRules.ResolvedTest resolved, Comparison comparison) {
    FieldModel target = resolved.target();
    boolean mayHaveNoValue = resolved.path().stream().anyMatch(TestOutcomes::canBeNull);
    Predicate<Object> holds = holds(resolved, comparison);
    SpaceModel.Range range = range(target);
    List<Object> values = new ArrayList<>(range == null ? target.choices() : List.of());
    if (target.isConditional() && target.otherwise() != null && !values.contains(target.otherwise())) {
      values.add(target.otherwise());
    }
    boolean some = values.stream().anyMatch(holds);
    boolean all = values.stream().allMatch(holds);
    if (range != null) {
      boolean[] inRange = rangeOutcome(resolved, range, comparison);
      some |= inRange[0];
      all &= inRange[1];
    }
    if (!some) {
      return Outcome.NEVER;
    }
    return all && !mayHaveNoValue ? Outcome.ALWAYS : Outcome.SOMETIMES;
  }

  /** The field's range, when it samples one while active. */
  private static SpaceModel.Range range(FieldModel field) {
    return field.then() == null && field.space() instanceof SpaceModel.Range r ? r : null;
  }

  /** As the generated test does: a step that can be null fails the test. */
  private static boolean canBeNull(FieldModel step) {
    return step.isConditional() && step.otherwise() == null;
  }

  // ---- one value ---------------------------------------------------------------------------------

  private static Predicate<Object> holds(ConditionRules.ResolvedTest resolved, Comparison comparison) {
    ConditionModel.Test test = resolved.test();
    return switch (test.operator()) {
      case EQUALS -> resolved.operands()::contains;
      case NOT_EQUALS -> v -> !resolved.operands().contains(v);
      case ORDERING -> v -> v instanceof Number n && lowerHolds(test, n, comparison) && upperHolds(test, n, comparison);
    };
  }

  private static boolean lowerHolds(ConditionModel.Test test, Number value, Comparison comparison) {
    if (test.lower() == null) {
      return true;
    }
    int sign = compare(value, test.lower(), comparison);
    return test.lowerInclusive() ? sign >= 0 : sign > 0;
  }

  private static boolean upperHolds(ConditionModel.Test test, Number value, Comparison comparison) {
    if (test.upper() == null) {
      return true;
    }
    int sign = compare(value, test.upper(), comparison);
    return test.upperInclusive() ? sign <= 0 : sign < 0;
  }

  /** The sign of {@code value - bound}; a float is compared as the double it widens to. */
  private static int compare(Number value, double bound, Comparison comparison) {
    if (Double.isInfinite(bound)) {
      return bound > 0 ? -1 : 1;
    }
    if ((value instanceof Integer || value instanceof Long) && comparison == Comparison.EXACT) {
      return BigDecimal.valueOf(value.longValue()).compareTo(new BigDecimal(bound));
    }
    double v = value instanceof Float f ? f.doubleValue() : value.doubleValue();
    return v < bound ? -1 : v > bound ? 1 : 0;
  }

  // ---- a range -----------------------------------------------------------------------------------

  /** {some value of the range passes, every value of the range passes}. */
  private static boolean[] rangeOutcome(ConditionRules.ResolvedTest resolved, SpaceModel.Range range,
      Comparison comparison) {
    ConditionModel.Test test = resolved.test();
    ValueKind kind = resolved.target().kind();
    Grid grid = Grid.of(range, kind);
    if (test.operator() == ConditionModel.Operator.ORDERING) {
      if (grid == null) {
        return interval(test, range, kind);
      }
      BigInteger size = grid.size();
      BigInteger first = test.lower() == null ? BigInteger.ZERO
          : grid.firstIndex(v -> lowerHolds(test, v, comparison));
      BigInteger end = test.upper() == null ? size : grid.firstIndex(v -> !upperHolds(test, v, comparison));
      return new boolean[] {first.compareTo(end) < 0, first.signum() == 0 && end.equals(size)};
    }
    List<Number> inside = new ArrayList<>();
    Set<Double> distinct = new HashSet<>();
    for (Object operand : resolved.operands()) {
      if (RangeRules.contains(range, (Number) operand)) {
        inside.add((Number) operand);
        distinct.add(((Number) operand).doubleValue());
      }
    }
    // every value of the range among the operands: only a grid with no more values than operands
    boolean covered = grid != null && grid.size().compareTo(BigInteger.valueOf(distinct.size())) <= 0
        && grid.values().stream().allMatch(v -> inside.stream().anyMatch(o -> grid.same(o, v)));
    boolean equals = test.operator() == ConditionModel.Operator.EQUALS;
    return equals ? new boolean[] {!inside.isEmpty(), covered} : new boolean[] {!covered, inside.isEmpty()};
  }

  /** A continuous range, as the closed interval of the values the field's type holds. */
  private static boolean[] interval(ConditionModel.Test test, SpaceModel.Range range, ValueKind kind) {
    double lo = kind == ValueKind.FLOAT ? (float) range.min() : range.min();
    double hi = kind == ValueKind.FLOAT ? (float) range.max() : range.max();
    double left = lo;
    boolean leftClosed = true;
    if (test.lower() != null && test.lower() >= lo) {
      leftClosed = test.lowerInclusive();
      left = test.lower();
    }
    double right = hi;
    boolean rightClosed = true;
    if (test.upper() != null && test.upper() <= hi) {
      rightClosed = test.upperInclusive();
      right = test.upper();
    }
    boolean some = left < right || (left == right && leftClosed && rightClosed);
    boolean all = lowerHolds(test, lo, Comparison.EXACT) && upperHolds(test, hi, Comparison.EXACT);
    return new boolean[] {some, all};
  }

  /**
   * The values of an int range or a stepped float range, in increasing order: {@code min + k
   * step} for {@code k} in {@code [0, size)}; a stepped float grid is computed in decimal as the
   * runtime draws it.
   */
  private record Grid(SpaceModel.Range range, ValueKind kind, BigInteger size) {
    static Grid of(SpaceModel.Range range, ValueKind kind) {
      if (range.integral()) {
        BigInteger width = BigInteger.valueOf(range.intMax()).subtract(BigInteger.valueOf(range.intMin()));
        return new Grid(range, kind, width.divide(BigInteger.valueOf(range.intStep())).add(BigInteger.ONE));
      }
      if (range.step() > 0) {
        return new Grid(range, kind, BigInteger.valueOf(Math.round((range.max() - range.min()) / range.step()) + 1));
      }
      return null;
    }

    Number value(BigInteger k) {
      if (range.integral()) {
        long value = BigInteger.valueOf(range.intMin()).add(k.multiply(BigInteger.valueOf(range.intStep())))
            .longValueExact();
        return kind == ValueKind.INT ? Integer.valueOf((int) value) : Long.valueOf(value);
      }
      BigDecimal decimal = new BigDecimal(Double.toString(range.min()))
          .add(new BigDecimal(Double.toString(range.step())).multiply(new BigDecimal(k)));
      double value = Math.min(range.max(), decimal.doubleValue());
      return kind == ValueKind.FLOAT ? Float.valueOf((float) value) : Double.valueOf(value);
    }

    /** Every value; only called on a grid no larger than a list of literals. */
    List<Number> values() {
      List<Number> values = new ArrayList<>();
      for (BigInteger k = BigInteger.ZERO; k.compareTo(size) < 0; k = k.add(BigInteger.ONE)) {
        values.add(value(k));
      }
      return values;
    }

    /** {@code true} if the literal {@code operand} names the grid value {@code value}. */
    boolean same(Number operand, Number value) {
      if (range.integral()) {
        return operand.longValue() == value.longValue();
      }
      return Math.abs(operand.doubleValue() - value.doubleValue()) <= 1e-9 * range.step();
    }

    /** The first index whose value passes {@code test} (false, then true), or {@code size}. */
    BigInteger firstIndex(Predicate<Number> test) {
      BigInteger low = BigInteger.ZERO;
      BigInteger high = size;
      while (low.compareTo(high) < 0) {
        BigInteger middle = low.add(high).shiftRight(1);
        if (test.test(value(middle))) {
          high = middle;
        } else {
          low = middle.add(BigInteger.ONE);
        }
      }
      return low;
    }
  }

  // ---- messages ----------------------------------------------------------------------------------

  /** "an int in [2, 16]", "one of 16, 32, 64", with the value while inactive. */
  static String describeValues(FieldModel field) {
    SpaceModel.Range range = range(field);
    List<Object> choices = range == null ? field.choices() : List.of();
    String text;
    if (range != null) {
      text = RangeRules.describe(range, field.kind());
    } else if (choices.size() == 1) {
      text = LiteralParser.show(choices.get(0));
    } else {
      text = "one of " + String.join(", ", choices.stream().map(LiteralParser::show).toList());
    }
    if (field.isConditional() && field.otherwise() == null) {
      text += ", or null while inactive";
    } else if (field.isConditional() && !choices.contains(field.otherwise())) {
      text += ", or " + LiteralParser.show(field.otherwise()) + " while inactive";
    }
    return text;
  }

  /** The test as a formula: "maxDepth > 20", "2 <= maxDepth < 8", "name in {"adam", "sgd"}". */
  static String expression(ConditionRules.ResolvedTest resolved) {
    ConditionModel.Test test = resolved.test();
    String path = test.path();
    List<String> operands = resolved.operands().stream().map(LiteralParser::show).toList();
    return switch (test.operator()) {
      case EQUALS -> operands.size() == 1 ? path + " == " + operands.get(0)
          : path + " in {" + String.join(", ", operands) + "}";
      case NOT_EQUALS -> operands.size() == 1 ? path + " != " + operands.get(0)
          : path + " not in {" + String.join(", ", operands) + "}";
      case ORDERING -> {
        if (test.lower() != null && test.upper() != null) {
          yield LiteralParser.number(test.lower()) + (test.lowerInclusive() ? " <= " : " < ") + path
              + (test.upperInclusive() ? " <= " : " < ") + LiteralParser.number(test.upper());
        }
        yield test.lower() != null
            ? path + (test.lowerInclusive() ? " >= " : " > ") + LiteralParser.number(test.lower())
            : path + (test.upperInclusive() ? " <= " : " < ") + LiteralParser.number(test.upper());
      }
    };
  }
}
