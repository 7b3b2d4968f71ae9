package io.paramspace.processor;

import java.util.ArrayList;
import java.util.List;

/** Checks {@code @FloatRange} and {@code @IntRange} values. Plain rules, no javac types. */
final class RangeRules {
  private RangeRules() {}

  /** Where the attributes of one range annotation are, for diagnostics. */
  record Positions(Position min, Position max, Position log, Position step) {
    static Positions all(Position position) {
      return new Positions(position, position, position, position);
    }
  }

  static List<Diagnostic> check(String field, ValueKind kind, SpaceModel.Range range, Positions at) {
    List<Diagnostic> problems = new ArrayList<>();
    String annotation = range.integral() ? "IntRange" : "FloatRange";
    String min = LiteralParser.number(range.min());
    String max = LiteralParser.number(range.max());
    if (!Double.isFinite(range.min())) {
      problems.add(Diagnostic.of(Message.NON_FINITE_BOUND, at.min(), annotation, field, "min", min));
      return problems;
    }
    if (!Double.isFinite(range.max())) {
      problems.add(Diagnostic.of(Message.NON_FINITE_BOUND, at.max(), annotation, field, "max", max));
      return problems;
    }
    if (range.min() > range.max()) {
      problems.add(Diagnostic.of(Message.INVERTED_RANGE, at.min(), annotation, field, min, max));
      return problems;
    }
    if (range.min() == range.max()) {
      problems.add(Diagnostic.of(Message.EMPTY_RANGE, at.max(), annotation, field, min, min));
      return problems;
    }
    if (!Double.isFinite(range.max() - range.min())) {
      problems.add(Diagnostic.of(Message.RANGE_TOO_WIDE, at.max(), annotation, field, min, max));
      return problems;
    }
    if (kind == ValueKind.INT && (range.min() < Integer.MIN_VALUE || range.max() > Integer.MAX_VALUE)) {
      problems.add(Diagnostic.of(Message.INT_RANGE_OVERFLOW,
          range.min() < Integer.MIN_VALUE ? at.min() : at.max(), field, min, max));
    }
    double defaultStep = range.integral() ? 1 : 0;
    if (range.log()) {
      if (range.min() <= 0) {
        problems.add(Diagnostic.of(Message.LOG_NOT_POSITIVE, at.log(), annotation, field, min));
      }
      if (range.step() != defaultStep) {
        problems.add(
            Diagnostic.of(Message.LOG_WITH_STEP, at.step(), annotation, field, LiteralParser.number(range.step())));
      }
      return problems;
    }
    if (range.step() == defaultStep) {
      return problems;
    }
    String step = LiteralParser.number(range.step());
    double width = range.max() - range.min();
    if (range.step() <= 0) {
      problems.add(
          Diagnostic.of(Message.STEP_MISMATCH, at.step(), annotation, field, step, min, max, "a step must be positive"));
    } else if (range.step() > width) {
      problems.add(Diagnostic.of(Message.STEP_MISMATCH, at.step(), annotation, field, step, min, max,
          "it is larger than max - min = " + LiteralParser.number(width)));
    } else if (!isWholeNumberOfSteps(width, range.step())) {
      problems.add(Diagnostic.of(Message.STEP_MISMATCH, at.step(), annotation, field, step, min, max,
          "max - min = " + LiteralParser.number(width) + " is not a whole number of steps;"
              + " pick a step that divides it or move max"));
    }
    return problems;
  }

  static boolean isWholeNumberOfSteps(double width, double step) {
    double steps = width / step;
    return Math.abs(steps - Math.rint(steps)) <= 1e-9 * Math.max(1, steps);
  }

  /** {@code true} if {@code value} is a value of {@code range}. */
  static boolean contains(SpaceModel.Range range, double value) {
    if (value < range.min() || value > range.max()) {
      return false;
    }
    if (range.integral() && value != Math.rint(value)) {
      return false;
    }
    double step = range.step();
    return step <= 0 || (range.integral() && step == 1) || isWholeNumberOfSteps(value - range.min(), step);
  }

  /** The range written for a message: "an int in [2, 12]", "a double in [0.0, 0.99] in steps of 0.1". */
  static String describe(SpaceModel.Range range, ValueKind kind) {
    String text = "a" + (kind == ValueKind.INT ? "n " : " ") + kind.description() + " in ["
        + LiteralParser.number(range.min()) + ", " + LiteralParser.number(range.max()) + "]";
    boolean stepped = range.integral() ? range.step() > 1 : range.step() > 0;
    return stepped ? text + " in steps of " + LiteralParser.number(range.step()) : text;
  }
}
