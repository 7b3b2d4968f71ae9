package io.paramspace.runtime;

import io.paramspace.runtime.text.Literals;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When a conditional field is active: a test on one field ({@link Condition.FieldTest}), or tests joined by
 * "and" ({@link Condition.AllOf}) and "or" ({@link Condition.AnyOf}). Its {@code toString()} is the label a tree
 * shows, e.g. {@code numBlocks > 8} or {@code name in ['adam', 'sgd']}.
 */
public sealed interface Condition permits Condition.FieldTest, Condition.AllOf, Condition.AnyOf {

  /**
   * Evaluates the condition; {@code fieldValue} maps a field path (as written in {@code @When})
   * to its value, {@code null} when it has none.
   */
  boolean test(Function<String, Object> fieldValue);

  /** The field paths the condition reads, in order, without repeats. */
  List<String> fields();

  /** What a test does with the field's value. */
  enum Operator {
    EQUALS("=="),
    NOT_EQUALS("!="),
    GREATER_THAN(">"),
    AT_LEAST(">="),
    LESS_THAN("<"),
    AT_MOST("<=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  static FieldTest equalsTo(String field, Object... values) {
    return new FieldTest(field, Operator.EQUALS, List.of(values));
  }

  static FieldTest notEqualsTo(String field, Object... values) {
    return new FieldTest(field, Operator.NOT_EQUALS, List.of(values));
  }

  /** An ordering test; an integral bound is written without a fraction ({@code numBlocks > 8}). */
  static FieldTest compare(String field, Operator operator, Number bound) {
    return new FieldTest(field, operator, List.of(bound));
  }

  static AllOf allOf(Condition... conditions) {
    return new AllOf(List.of(conditions));
  }

  static AnyOf anyOf(Condition... conditions) {
    return new AnyOf(List.of(conditions));
  }

  /**
   * A test on one field. For {@code EQUALS} and {@code NOT_EQUALS} the operands are the values
   * (several mean "in" / "not in"); a {@code Class} operand matches a polymorphic field whose
   * value is an instance of that record. For orderings the operand is one number. A field without
   * a value (inactive, or reached through an inactive config) fails every test.
   */
  record FieldTest(String field, Operator operator, List<Object> operands) implements Condition {
    public FieldTest {
      operands = List.copyOf(operands);
      if (operands.isEmpty()) {
        throw new IllegalArgumentException("a test on '" + field + "' needs at least one operand");
      }
    }

    @Override
    public boolean test(Function<String, Object> fieldValue) {
      Object value = fieldValue.apply(field);
      if (value == null) {
        return false;
      }
      return switch (operator) {
        case EQUALS -> operands.stream().anyMatch(o -> Literals.matches(o, value));
        case NOT_EQUALS -> operands.stream().noneMatch(o -> Literals.matches(o, value));
        case GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST ->
            orderingHolds(Literals.compare(number(value), number(operands.get(0))));
      };
    }

    /** Whether the ordering holds for the sign of value - bound (2 for NaN: none holds). */
    private boolean orderingHolds(int sign) {
      return switch (operator) {
        case GREATER_THAN -> sign == 1;
        case AT_LEAST -> sign == 1 || sign == 0;
        case LESS_THAN -> sign == -1;
        default -> sign == -1 || sign == 0;
      };
    }

    private Number number(Object value) {
      if (value instanceof Number n) {
        return n;
      }
      throw new IllegalArgumentException(
          "the test '" + this + "' needs a number, but " + field + " is " + Literals.brief(value));
    }

    @Override
    public List<String> fields() {
      return List.of(field);
    }

    @Override
    public String toString() {
      boolean several = operands.size() > 1;
      return switch (operator) {
        case EQUALS -> field + (several ? " in " + list() : " == " + Literals.format(operands.get(0)));
        case NOT_EQUALS ->
            field + (several ? " not in " + list() : " != " + Literals.format(operands.get(0)));
        default -> field + " " + operator.symbol() + " " + Literals.format(operands.get(0));
      };
    }

    private String list() {
      return operands.stream().map(Literals::format).collect(Collectors.joining(", ", "[", "]"));
    }
  }

  /** Holds when every condition holds. */
  record AllOf(List<Condition> conditions) implements Condition {
    public AllOf {
      conditions = List.copyOf(conditions);
    }

    @Override
    public boolean test(Function<String, Object> fieldValue) {
      return conditions.stream().allMatch(c -> c.test(fieldValue));
    }

    @Override
    public List<String> fields() {
      return fieldsOf(conditions);
    }

    @Override
    public String toString() {
      return joined(conditions, " and ", AnyOf.class);
    }
  }

  /** Holds when at least one condition holds. */
  record AnyOf(List<Condition> conditions) implements Condition {
    public AnyOf {
      conditions = List.copyOf(conditions);
    }

    @Override
    public boolean test(Function<String, Object> fieldValue) {
      return conditions.stream().anyMatch(c -> c.test(fieldValue));
    }

    @Override
    public List<String> fields() {
      return fieldsOf(conditions);
    }

    @Override
    public String toString() {
      return joined(conditions, " or ", AllOf.class);
    }
  }

  /** The fields the conditions read, in order, without repeats. */
  private static List<String> fieldsOf(List<Condition> conditions) {
    return conditions.stream().flatMap(c -> c.fields().stream()).distinct().toList();
  }

  /** The conditions joined by {@code separator}, each of the other kind in parentheses. */
  private static String joined(List<Condition> conditions, String separator, Class<?> grouped) {
    return conditions.stream()
        .map(c -> grouped.isInstance(c) ? "(" + c + ")" : c.toString())
        .collect(Collectors.joining(separator));
  }
}
