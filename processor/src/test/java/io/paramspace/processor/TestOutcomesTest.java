package io.paramspace.processor;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.processor.TestOutcomes.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Never, sometimes, always: the corners a compile test does not reach cheaply. */
class TestOutcomesTest {
  private static final ConditionModel NO_CONDITION = new ConditionModel(List.of(), List.of());

  private static FieldModel field(ValueKind kind, SpaceModel space) {
    return new FieldModel("x", Position.NONE, null, kind, true, null, List.of(), List.of(), space, NO_CONDITION,
        null, null);
  }

  private static Outcome ordering(FieldModel field, Double lower, boolean lowerInclusive, Double upper,
      boolean upperInclusive) {
    ConditionModel.Test test = new ConditionModel.Test("x", ConditionModel.Operator.ORDERING, List.of(), lower,
        lowerInclusive, upper, upperInclusive, Position.NONE, Position.NONE, Position.NONE, List.of());
    return TestOutcomes.outcome(new ConditionRules.ResolvedTest(test, List.of(field), List.of()));
  }

  private static Outcome above(FieldModel field, double bound) {
    return ordering(field, bound, false, null, false);
  }

  private static Outcome atLeast(FieldModel field, double bound) {
    return ordering(field, bound, true, null, false);
  }

  private static Outcome equality(FieldModel field, ConditionModel.Operator operator, Object... operands) {
    ConditionModel.Test test = new ConditionModel.Test("x", operator, List.of(), null, false, null, false,
        Position.NONE, Position.NONE, Position.NONE, List.of());
    return TestOutcomes.outcome(new ConditionRules.ResolvedTest(test, List.of(field), List.of(operands)));
  }

  @Test
  void theWholeLongRangeIsSearchedWithoutOverflow() {
    FieldModel all = field(ValueKind.LONG, SpaceModel.Range.whole(Long.MIN_VALUE, Long.MAX_VALUE, false, 1));

    assertThat(above(all, 0)).isEqualTo(Outcome.SOMETIMES);
    assertThat(atLeast(all, -1e19)).isEqualTo(Outcome.ALWAYS);
    assertThat(above(all, 1e19)).isEqualTo(Outcome.NEVER);
    assertThat(ordering(all, -1e19, true, 1e19, true)).isEqualTo(Outcome.ALWAYS);
  }

  @Test
  void infiniteBoundsAreBeyondEveryValue() {
    FieldModel ints = field(ValueKind.INT, SpaceModel.Range.whole(1, 8, false, 1));
    FieldModel reals = field(ValueKind.DOUBLE, SpaceModel.Range.real(0, 1, false, 0));

    assertThat(atLeast(ints, Double.NEGATIVE_INFINITY)).isEqualTo(Outcome.ALWAYS);
    assertThat(above(ints, Double.POSITIVE_INFINITY)).isEqualTo(Outcome.NEVER);
    assertThat(atLeast(reals, Double.NEGATIVE_INFINITY)).isEqualTo(Outcome.ALWAYS);
    assertThat(above(reals, Double.POSITIVE_INFINITY)).isEqualTo(Outcome.NEVER);
  }

  /** Where a long and the double it is promoted to disagree, nothing is claimed. */
  @Test
  void longsBeyondTwoToThe53AreClaimedOnlyWhenExactAndPromotedAgree() {
    FieldModel top = field(ValueKind.LONG, SpaceModel.Range.whole(Long.MAX_VALUE - 1, Long.MAX_VALUE, false, 1));

    assertThat(atLeast(top, 0x1p63)).isEqualTo(Outcome.SOMETIMES); // exactly never; as doubles always
    assertThat(above(top, 0x1p63)).isEqualTo(Outcome.NEVER);
    assertThat(atLeast(top, 0x1p62)).isEqualTo(Outcome.ALWAYS);
  }

  @Test
  void floatsCompareAsTheDoublesTheyWidenTo() {
    // 0.2f is 0.20000000298..., above the double 0.2
    FieldModel fixed = field(ValueKind.FLOAT, new SpaceModel.Categorical(List.of(0.1f, 0.2f), List.of(1.0, 1.0)));
    assertThat(above(fixed, 0.2)).isEqualTo(Outcome.SOMETIMES);
    // a continuous float range ends at (float) max
    FieldModel range = field(ValueKind.FLOAT, SpaceModel.Range.real(0.1, 0.2, false, 0));
    assertThat(above(range, 0.2)).isEqualTo(Outcome.SOMETIMES);
    assertThat(above(range, 0.2000001)).isEqualTo(Outcome.NEVER);
  }

  @Test
  void steppedGridsAreSearchedOnTheirValues() {
    FieldModel grid = field(ValueKind.DOUBLE, SpaceModel.Range.real(0, 0.3, false, 0.1));
    assertThat(ordering(grid, 0.25, false, 0.3, false)).isEqualTo(Outcome.NEVER);
    assertThat(ordering(grid, 0.25, false, 0.3, true)).isEqualTo(Outcome.SOMETIMES);
    assertThat(equality(grid, ConditionModel.Operator.EQUALS, 0.0, 0.1, 0.2, 0.3)).isEqualTo(Outcome.ALWAYS);
    assertThat(equality(grid, ConditionModel.Operator.NOT_EQUALS, 0.0, 0.1, 0.2, 0.3)).isEqualTo(Outcome.NEVER);
    assertThat(equality(grid, ConditionModel.Operator.NOT_EQUALS, 0.0, 0.1, 0.2)).isEqualTo(Outcome.SOMETIMES);

    FieldModel ints = field(ValueKind.INT, SpaceModel.Range.whole(0, 100, false, 25));
    assertThat(ordering(ints, 0.0, false, 25.0, false)).isEqualTo(Outcome.NEVER);
    assertThat(equality(ints, ConditionModel.Operator.EQUALS, 0, 25, 50, 75, 100)).isEqualTo(Outcome.ALWAYS);
  }

  @Test
  void aContinuousRangeIsNeverCoveredByLiterals() {
    FieldModel range = field(ValueKind.DOUBLE, SpaceModel.Range.real(0, 1, false, 0));
    assertThat(equality(range, ConditionModel.Operator.EQUALS, 0.5)).isEqualTo(Outcome.SOMETIMES);
    assertThat(equality(range, ConditionModel.Operator.NOT_EQUALS, 0.5)).isEqualTo(Outcome.SOMETIMES);
    assertThat(ordering(range, 1.0, true, 1.0, true)).isEqualTo(Outcome.SOMETIMES);
    assertThat(ordering(range, 1.0, true, 1.0, false)).isEqualTo(Outcome.NEVER);
  }
}
