package io.paramspace.processor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks {@code @FloatRange} and {@code @IntRange} values. Plain rules, no javac types. An int
 * range is checked on its exact long bounds, never through doubles.
 */
final class RangeRules {
  private RangeRules() {}

  /** Where the attributes of one range annotation are, for diagnostics. */
  record Positions(Position min, Position max, Position log, Position step) {
    static Positions all(Position position) {
      return new Positions(position, position, position, position);
    }
  }

  static List<Diagnostic> check(String field, ValueKind kind, SpaceModel.Range range, Positions at) {
    return range.integral() ? checkWhole(field, kind, range, at) : checkReal(field, range, at);
  }

  private static List<Diagnostic> checkReal(String field, SpaceModel.Range range, Positions at) {
    List<Diagnostic> problems = new ArrayList<>();
    String annotation = "FloatRange";
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
    if (range.log()) {
      if (range.min() <= 0) {
        String fix;
        if (range.max() <= 0) {
          fix = "its values are not positive (max = " + max + "), so drop log = true";
        } else {
          String positive = range.max() > 1e-5 ? "1e-5"
              : new BigDecimal(Double.toString(range.max())).movePointLeft(3).toString();
          fix = "write a positive min, e.g. min = " + positive + ", or drop log = true";
        }
        problems.add(Diagnostic.of(Message.LOG_NOT_POSITIVE, at.log(), annotation, field, min, fix));
      }
      if (range.step() != 0) {
        problems.add(
            Diagnostic.of(Message.LOG_WITH_STEP, at.step(), annotation, field, LiteralParser.number(range.step())));
      }
      return problems;
    }
    if (range.step() == 0) {
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

  /** The rules of {@link #checkReal} on longs; the width {@code max - min} is unsigned (up to 2^64 - 1). */
  private static List<Diagnostic> checkWhole(String field, ValueKind kind, SpaceModel.Range range, Positions at) {
    List<Diagnostic> problems = new ArrayList<>();
    String annotation = "IntRange";
    String min = Long.toString(range.intMin());
    String max = Long.toString(range.intMax());
    if (range.intMin() > range.intMax()) {
      problems.add(Diagnostic.of(Message.INVERTED_RANGE, at.min(), annotation, field, min, max));
      return problems;
    }
    if (range.intMin() == range.intMax()) {
      problems.add(Diagnostic.of(Message.EMPTY_RANGE, at.max(), annotation, field, min, min));
      return problems;
    }
    if (kind == ValueKind.INT && (range.intMin() < Integer.MIN_VALUE || range.intMax() > Integer.MAX_VALUE)) {
      problems.add(Diagnostic.of(Message.INT_RANGE_OVERFLOW,
          range.intMin() < Integer.MIN_VALUE ? at.min() : at.max(), field, min, max));
    }
    if (range.log()) {
      if (range.intMin() <= 0) {
        String fix = range.intMax() <= 0 ? "its values are not positive (max = " + max + "), so drop log = true"
            : range.intMax() == 1 ? "a log range of whole numbers needs 0 < min < max = 1, so drop log = true"
            : "write a positive min, e.g. min = 1, or drop log = true";
        problems.add(Diagnostic.of(Message.LOG_NOT_POSITIVE, at.log(), annotation, field, min, fix));
      }
      if (range.intStep() != 1) {
        problems.add(Diagnostic.of(Message.LOG_WITH_STEP, at.step(), annotation, field, range.intStep()));
      }
      return problems;
    }
    if (range.intStep() == 1) {
      return problems;
    }
    String step = Long.toString(range.intStep());
    long width = range.intMax() - range.intMin(); // unsigned: max > min
    String widthText = Long.toUnsignedString(width);
    if (range.intStep() <= 0) {
      problems.add(
          Diagnostic.of(Message.STEP_MISMATCH, at.step(), annotation, field, step, min, max, "a step must be positive"));
    } else if (Long.compareUnsigned(range.intStep(), width) > 0) {
      problems.add(Diagnostic.of(Message.STEP_MISMATCH, at.step(), annotation, field, step, min, max,
          "it is larger than max - min = " + widthText));
    } else if (Long.remainderUnsigned(width, range.intStep()) != 0) {
      problems.add(Diagnostic.of(Message.STEP_MISMATCH, at.step(), annotation, field, step, min, max,
          "max - min = " + widthText + " is not a whole number of steps; pick a step that divides it or move max"));
    }
    return problems;
  }

  static boolean isWholeNumberOfSteps(double width, double step) {
    double steps = width / step;
    return Math.abs(steps - Math.rint(steps)) <= 1e-9 * Math.max(1, steps);
  }

  /** {@code true} if {@code value} is a value of {@code range}; integers (Integer, Long) exactly. */
  static boolean contains(SpaceModel.Range range, Number value) {
    if (range.integral() && (value instanceof Integer || value instanceof Long)) {
      return contains(range, value.longValue());
    }
    return contains(range, value.doubleValue());
  }

  /** {@code true} if {@code value} is a value of an int range, on its grid. */
  static boolean contains(SpaceModel.Range range, long value) {
    if (!range.integral()) {
      return contains(range, (double) value);
    }
    if (value < range.intMin() || value > range.intMax()) {
      return false;
    }
    return range.intStep() <= 1 || Long.remainderUnsigned(value - range.intMin(), range.intStep()) == 0;
  }

  /** {@code true} if {@code value} is a value of {@code range}. */
  static boolean contains(SpaceModel.Range range, double value) {
    if (range.integral()) {
      // a whole double within the longs converts exactly; 2^63 itself is beyond every long
      return value == Math.rint(value) && value >= -0x1p63 && value < 0x1p63 && contains(range, (long) value);
    }
    if (value < range.min() || value > range.max()) {
      return false;
    }
    double step = range.step();
    return step <= 0 || isWholeNumberOfSteps(value - range.min(), step);
  }

  /** The range written for a message: "an int in [2, 12]", "a double in [0.0, 0.99] in steps of 0.1". */
  static String describe(SpaceModel.Range range, ValueKind kind) {
    String text = "a" + (kind == ValueKind.INT ? "n " : " ") + kind.description() + " in ["
        + bound(range, range.intMin(), range.min()) + ", " + bound(range, range.intMax(), range.max()) + "]";
    if (range.integral()) {
      return range.intStep() > 1 ? text + " in steps of " + range.intStep() : text;
    }
    return range.step() > 0 ? text + " in steps of " + LiteralParser.number(range.step()) : text;
  }

  private static String bound(SpaceModel.Range range, long whole, double real) {
    return range.integral() ? Long.toString(whole) : LiteralParser.number(real);
  }
}
