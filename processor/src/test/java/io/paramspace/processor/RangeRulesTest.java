package io.paramspace.processor;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RangeRulesTest {
  private static final RangeRules.Positions NOWHERE = RangeRules.Positions.all(Position.NONE);

  private static List<Message> check(ValueKind kind, SpaceModel.Range range) {
    return RangeRules.check("x", kind, range, NOWHERE).stream().map(Diagnostic::message).toList();
  }

  private static SpaceModel.Range real(double min, double max, boolean log, double step) {
    return SpaceModel.Range.real(min, max, log, step);
  }

  private static SpaceModel.Range integral(long min, long max, boolean log, long step) {
    return SpaceModel.Range.whole(min, max, log, step);
  }

  @Test
  void validRangesPass() {
    assertThat(check(ValueKind.DOUBLE, real(0, 1, false, 0))).isEmpty();
    assertThat(check(ValueKind.DOUBLE, real(1e-5, 1e-2, true, 0))).isEmpty();
    assertThat(check(ValueKind.INT, integral(2, 12, false, 1))).isEmpty();
    assertThat(check(ValueKind.INT, integral(0, 100, false, 25))).isEmpty();
    assertThat(check(ValueKind.LONG, integral(1, 3_000_000_000L, true, 1))).isEmpty();
  }

  /** 0.3 / 0.1 is 2.9999999999999996 in doubles: still three steps. */
  @Test
  void stepsThatDivideUpToRoundingFit() {
    assertThat(check(ValueKind.DOUBLE, real(0, 0.3, false, 0.1))).isEmpty();
    assertThat(check(ValueKind.DOUBLE, real(0, 1, false, 0.1))).isEmpty();
    assertThat(check(ValueKind.DOUBLE, real(0.05, 0.5, false, 0.05))).isEmpty();
  }

  @Test
  void eachProblemHasItsTag() {
    assertThat(check(ValueKind.DOUBLE, real(1, 0, false, 0))).containsExactly(Message.INVERTED_RANGE);
    assertThat(check(ValueKind.DOUBLE, real(Double.NEGATIVE_INFINITY, 0, false, 0)))
        .containsExactly(Message.NON_FINITE_BOUND);
    assertThat(check(ValueKind.DOUBLE, real(0, Double.NaN, false, 0))).containsExactly(Message.NON_FINITE_BOUND);
    assertThat(check(ValueKind.INT, integral(3, 3, false, 1))).containsExactly(Message.EMPTY_RANGE);
    assertThat(check(ValueKind.INT, integral(-3_000_000_000L, 0, false, 1))).containsExactly(Message.INT_RANGE_OVERFLOW);
    assertThat(check(ValueKind.DOUBLE, real(-1, 1, true, 0))).containsExactly(Message.LOG_NOT_POSITIVE);
    assertThat(check(ValueKind.DOUBLE, real(0.1, 1, true, 0.1))).containsExactly(Message.LOG_WITH_STEP);
    assertThat(check(ValueKind.INT, integral(0, 10, true, 2)))
        .containsExactly(Message.LOG_NOT_POSITIVE, Message.LOG_WITH_STEP);
    assertThat(check(ValueKind.DOUBLE, real(0, 1, false, 0.3))).containsExactly(Message.STEP_MISMATCH);
    assertThat(check(ValueKind.INT, integral(0, 10, false, 3))).containsExactly(Message.STEP_MISMATCH);
    assertThat(check(ValueKind.INT, integral(0, 10, false, 11))).containsExactly(Message.STEP_MISMATCH);
    assertThat(check(ValueKind.DOUBLE, real(0, 1, false, -0.5))).containsExactly(Message.STEP_MISMATCH);
  }

  @Test
  void messagesNameTheFieldAndTheNumbersWithoutNeedlessFractions() {
    List<Diagnostic> problems = RangeRules.check("layers", ValueKind.INT, integral(0, 10, false, 3), NOWHERE);

    assertThat(problems.get(0).text()).isEqualTo("[Paramspace.StepMismatch] @IntRange on 'layers' has step 3,"
        + " which does not fit the range [0, 10]; max - min = 10 is not a whole number of steps;"
        + " pick a step that divides it or move max");
  }

  /** Near Long.MAX_VALUE neighbouring longs share one double: the rules use the longs. */
  @Test
  void intRangesAreCheckedOnExactLongs() {
    assertThat(check(ValueKind.LONG, integral(Long.MAX_VALUE - 1, Long.MAX_VALUE, false, 1))).isEmpty();
    assertThat(check(ValueKind.LONG, integral(Long.MIN_VALUE, Long.MAX_VALUE, false, 1))).isEmpty();
    assertThat(check(ValueKind.LONG, integral(Long.MIN_VALUE, Long.MAX_VALUE, false, 5))).isEmpty(); // 2^64 - 1 = 5 k
    assertThat(check(ValueKind.LONG, integral(Long.MIN_VALUE, Long.MAX_VALUE, false, 2)))
        .containsExactly(Message.STEP_MISMATCH);
    assertThat(check(ValueKind.LONG, integral(Long.MAX_VALUE, Long.MAX_VALUE - 1, false, 1)))
        .containsExactly(Message.INVERTED_RANGE);
    assertThat(check(ValueKind.LONG, integral(Long.MAX_VALUE - 9, Long.MAX_VALUE, false, 3))).isEmpty();
    assertThat(check(ValueKind.LONG, integral(Long.MAX_VALUE - 10, Long.MAX_VALUE, false, 3)))
        .containsExactly(Message.STEP_MISMATCH);
    assertThat(check(ValueKind.INT, integral(Integer.MIN_VALUE, Integer.MAX_VALUE, false, 1))).isEmpty();
    assertThat(check(ValueKind.INT, integral(Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, false, 1)))
        .containsExactly(Message.INT_RANGE_OVERFLOW);

    SpaceModel.Range top = integral(Long.MAX_VALUE - 9, Long.MAX_VALUE, false, 3);
    assertThat(RangeRules.contains(top, Long.MAX_VALUE - 3)).isTrue();
    assertThat(RangeRules.contains(top, Long.MAX_VALUE - 2)).isFalse();
    assertThat(RangeRules.describe(top, ValueKind.LONG))
        .isEqualTo("a long in [9223372036854775798, 9223372036854775807] in steps of 3");
  }

  @Test
  void containsKnowsStepsAndWholeNumbers() {
    SpaceModel.Range stepped = integral(0, 100, false, 25);
    assertThat(RangeRules.contains(stepped, 75)).isTrue();
    assertThat(RangeRules.contains(stepped, 70)).isFalse();
    assertThat(RangeRules.contains(stepped, 125)).isFalse();
    assertThat(RangeRules.contains(integral(1, 8, false, 1), 2.5)).isFalse();
    assertThat(RangeRules.contains(real(0, 1, false, 0), 0.123)).isTrue();
    assertThat(RangeRules.contains(real(0, 1, false, 0.1), 0.3)).isTrue();
    assertThat(RangeRules.contains(real(0, 1, false, 0.1), 0.35)).isFalse();
    assertThat(RangeRules.contains(real(1e-5, 1e-2, true, 0), 1e-6)).isFalse();
  }

  @Test
  void describeForMessages() {
    assertThat(RangeRules.describe(integral(1, 8, false, 1), ValueKind.INT)).isEqualTo("an int in [1, 8]");
    assertThat(RangeRules.describe(integral(0, 100, false, 10), ValueKind.LONG))
        .isEqualTo("a long in [0, 100] in steps of 10");
    assertThat(RangeRules.describe(real(0, 0.9, false, 0.1), ValueKind.DOUBLE))
        .isEqualTo("a double in [0, 0.9] in steps of 0.1");
    assertThat(RangeRules.describe(real(1e-5, 0.01, true, 0), ValueKind.FLOAT)).isEqualTo("a float in [1.0E-5, 0.01]");
  }
}
