package io.paramspace.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Spaces built by hand are checked again, with messages that name the bad values. */
class SpaceConstructorsTest {

  private static String failure(Executable build) {
    return assertThrows(IllegalArgumentException.class, build).getMessage();
  }

  @Test
  void floatSpaceNeedsFiniteMinBelowMax() {
    assertThat(failure(() -> FloatSpace.uniform(1.0, 0.5))).isEqualTo("FloatSpace needs finite min < max with a finite width, got [1.0, 0.5]");
    assertThat(failure(() -> FloatSpace.uniform(2.0, 2.0))).isEqualTo("FloatSpace needs finite min < max with a finite width, got [2.0, 2.0]");
    assertThat(failure(() -> FloatSpace.uniform(Double.NaN, 1))).isEqualTo("FloatSpace needs finite min < max with a finite width, got [NaN, 1.0]");
    assertThat(failure(() -> FloatSpace.uniform(0, Double.POSITIVE_INFINITY)))
        .isEqualTo("FloatSpace needs finite min < max with a finite width, got [0.0, Infinity]");
    assertThat(failure(() -> FloatSpace.uniform(-1e308, 1e308)))
        .isEqualTo("FloatSpace needs finite min < max with a finite width, got [-1.0E308, 1.0E308]");
  }

  @Test
  void logFloatSpaceNeedsPositiveMinAndNoStep() {
    assertThat(failure(() -> FloatSpace.logUniform(0.0, 1.0)))
        .isEqualTo("a log FloatSpace needs min > 0 and no step, got min 0.0, step 0.0");
    assertThat(failure(() -> FloatSpace.logUniform(-1.0, 1.0)))
        .isEqualTo("a log FloatSpace needs min > 0 and no step, got min -1.0, step 0.0");
    assertThat(failure(() -> new FloatSpace(0.1, 1.0, true, 0.1)))
        .isEqualTo("a log FloatSpace needs min > 0 and no step, got min 0.1, step 0.1");
  }

  @Test
  void floatSpaceStepMustBeAWholeNumberOfStepsOfTheRange() {
    assertThat(failure(() -> new FloatSpace(0.0, 1.0, false, -0.1)))
        .isEqualTo("FloatSpace step must be 0 or divide max - min, got -0.1 for [0.0, 1.0]");
    assertThat(failure(() -> new FloatSpace(0.0, 1.0, false, 2.0)))
        .isEqualTo("FloatSpace step must be 0 or divide max - min, got 2.0 for [0.0, 1.0]");
    assertThat(failure(() -> new FloatSpace(0.0, 1.0, false, 0.4)))
        .isEqualTo("FloatSpace step must be 0 or divide max - min, got 0.4 for [0.0, 1.0]");
    // A step that divides the range up to rounding is accepted: 0.99 / 0.11 = 9.000000000000002.
    assertThat(new FloatSpace(0.0, 0.99, false, 0.11).step()).isEqualTo(0.11);
    assertThat(new FloatSpace(0.0, 1.0, false, 0.1).contains(0.7)).isTrue();
  }

  @Test
  void floatSpaceContainsValuesInRangeAndOnTheGrid() {
    FloatSpace stepped = new FloatSpace(0.1, 0.9, false, 0.2);
    assertThat(stepped.contains(0.1)).isTrue();
    assertThat(stepped.contains(0.1 + 0.2 + 0.2)).isTrue();
    assertThat(stepped.contains(0.9)).isTrue();
    assertThat(stepped.contains(0.2)).isFalse();
    assertThat(stepped.contains(1.1)).isFalse();
    FloatSpace uniform = FloatSpace.uniform(0, 1);
    assertThat(uniform.contains(0.0)).isTrue();
    assertThat(uniform.contains(1.0)).isTrue();
    assertThat(uniform.contains(Math.nextUp(1.0))).isFalse();
    assertThat(uniform.contains(Double.NaN)).isFalse();
  }

  @Test
  void intSpaceNeedsMinBelowMax() {
    assertThat(failure(() -> IntSpace.uniform(12, 2))).isEqualTo("IntSpace needs min < max, got [12, 2]");
    assertThat(failure(() -> IntSpace.uniform(5, 5))).isEqualTo("IntSpace needs min < max, got [5, 5]");
  }

  @Test
  void logIntSpaceNeedsPositiveMinAndStepOne() {
    assertThat(failure(() -> new IntSpace(0, 10, true, 1)))
        .isEqualTo("a log IntSpace needs min > 0 and step 1, got min 0, step 1");
    assertThat(failure(() -> new IntSpace(1, 9, true, 2)))
        .isEqualTo("a log IntSpace needs min > 0 and step 1, got min 1, step 2");
  }

  @Test
  void intSpaceStepMustDivideTheRange() {
    assertThat(failure(() -> new IntSpace(0, 10, false, 3))).isEqualTo("IntSpace step must divide max - min, got 3 for [0, 10]");
    assertThat(failure(() -> new IntSpace(0, 10, false, 0))).isEqualTo("IntSpace step must divide max - min, got 0 for [0, 10]");
    assertThat(failure(() -> new IntSpace(0, 10, false, -5))).isEqualTo("IntSpace step must divide max - min, got -5 for [0, 10]");
    // max - min past Long.MAX_VALUE still divides: 2^64 - 1 = 3 * 6148914691236517205.
    assertThat(new IntSpace(Long.MIN_VALUE, Long.MAX_VALUE, false, 3).step()).isEqualTo(3);
    assertThat(failure(() -> new IntSpace(Long.MIN_VALUE, Long.MAX_VALUE, false, 2)))
        .isEqualTo("IntSpace step must divide max - min, got 2 for [-9223372036854775808, 9223372036854775807]");
  }

  @Test
  void intSpaceContainsValuesInRangeAndOnTheGrid() {
    IntSpace space = new IntSpace(16, 128, false, 16);
    assertThat(space.contains(16)).isTrue();
    assertThat(space.contains(128)).isTrue();
    assertThat(space.contains(48)).isTrue();
    assertThat(space.contains(50)).isFalse();
    assertThat(space.contains(0)).isFalse();
    assertThat(space.contains(144)).isFalse();
    IntSpace wide = new IntSpace(-10, Long.MAX_VALUE - 2, false, 3);
    assertThat(wide.contains(Long.MAX_VALUE - 2)).isTrue();
    assertThat(wide.contains(Long.MAX_VALUE - 3)).isFalse();
  }

  @Test
  void categoricalSpaceNeedsTwoChoices() {
    assertThat(failure(() -> CategoricalSpace.of("adam")))
        .isEqualTo("a CategoricalSpace needs at least two choices (one is a FixedSpace), got [adam]");
    assertThat(failure(() -> CategoricalSpace.of()))
        .isEqualTo("a CategoricalSpace needs at least two choices (one is a FixedSpace), got []");
  }

  @Test
  void categoricalSpaceNeedsOnePositiveFiniteWeightPerChoice() {
    assertThat(failure(() -> CategoricalSpace.weighted(List.of("a", "b"), 1)))
        .isEqualTo("a CategoricalSpace needs one weight per choice: 2 choices, 1 weights");
    assertThat(failure(() -> CategoricalSpace.weighted(List.of("a", "b"), 1, 0)))
        .isEqualTo("categorical weights must be positive and finite, got [1.0, 0.0]");
    assertThat(failure(() -> CategoricalSpace.weighted(List.of("a", "b"), -1, 2)))
        .isEqualTo("categorical weights must be positive and finite, got [-1.0, 2.0]");
    assertThat(failure(() -> CategoricalSpace.weighted(List.of("a", "b"), Double.NaN, 2)))
        .isEqualTo("categorical weights must be positive and finite, got [NaN, 2.0]");
    assertThat(failure(() -> CategoricalSpace.weighted(List.of("a", "b"), Double.POSITIVE_INFINITY, 2)))
        .isEqualTo("categorical weights must be positive and finite, got [Infinity, 2.0]");
  }

  @Test
  void categoricalChoicesMustBeDistinct() {
    assertThat(failure(() -> CategoricalSpace.of("adam", "sgd", "adam")))
        .isEqualTo("categorical choices must be distinct, got [adam, sgd, adam]");
    // Choices keep their types: 1 and 1L are different values.
    assertThat(CategoricalSpace.of(1, 1L).choices()).hasSize(2);
  }

  @Test
  void categoricalSpaceCopiesItsLists() {
    List<String> choices = new ArrayList<>(List.of("a", "b"));
    CategoricalSpace<String> space = new CategoricalSpace<>(choices, List.of(1.0, 2.0));
    choices.add("c");
    assertThat(space.choices()).containsExactly("a", "b").inOrder();
    assertThat(space.isWeighted()).isTrue();
    assertThat(CategoricalSpace.of("a", "b").isWeighted()).isFalse();
  }

  @Test
  void polymorphicSpaceNeedsABranchAndOneWeightPerBranch() {
    assertThat(failure(() -> PolymorphicSpace.of()))
        .isEqualTo("a PolymorphicSpace needs at least one branch and one weight per branch, got 0 branches and 0 weights");
    assertThat(failure(() -> new PolymorphicSpace(List.of(TestSpaces.dense(), TestSpaces.conv()), List.of(1.0))))
        .isEqualTo("a PolymorphicSpace needs at least one branch and one weight per branch, got 2 branches and 1 weights");
  }

  @Test
  void polymorphicSpaceFindsBranchesAndOffersTheirChoice() {
    PolymorphicSpace space = PolymorphicSpace.of(TestSpaces.dense(), TestSpaces.conv());
    assertThat(space.branch("ConvConfig")).isEqualTo(TestSpaces.conv());
    assertThat(space.branch("Nothing")).isNull();
    assertThat(space.choice()).isEqualTo(CategoricalSpace.of("DenseConfig", "ConvConfig"));
    assertThat(PolymorphicSpace.of(TestSpaces.dense()).choice()).isNull();
  }

  @Test
  void descriptorsRejectMissingParts() {
    assertThat(assertThrows(NullPointerException.class, () -> new FieldSpace(null, int.class, FixedSpace.of(1))))
        .hasMessageThat().isEqualTo("name");
    assertThat(assertThrows(NullPointerException.class, () -> new FieldSpace("x", null, FixedSpace.of(1))))
        .hasMessageThat().isEqualTo("type");
    assertThat(assertThrows(NullPointerException.class, () -> new FieldSpace("x", int.class, null)))
        .hasMessageThat().isEqualTo("space");
    assertThat(assertThrows(NullPointerException.class, () -> new ConfigSpace<>(null, "C", List.of())))
        .hasMessageThat().isEqualTo("type");
    assertThat(assertThrows(NullPointerException.class, () -> new ConfigSpace<>(Object.class, null, List.of())))
        .hasMessageThat().isEqualTo("typeName");
    Condition c = Condition.equalsTo("x", 1);
    assertThat(assertThrows(NullPointerException.class, () -> new ConditionalSpace(null, FixedSpace.of(1), FixedSpace.of(2))))
        .hasMessageThat().isEqualTo("condition");
    assertThat(assertThrows(NullPointerException.class, () -> new ConditionalSpace(c, null, FixedSpace.of(2))))
        .hasMessageThat().isEqualTo("whenTrue");
    assertThat(assertThrows(NullPointerException.class, () -> new ConditionalSpace(c, FixedSpace.of(1), null)))
        .hasMessageThat().isEqualTo("whenFalse");
  }

  @Test
  void configSpaceFindsFieldsByName() {
    ConfigSpace<?> space = TestSpaces.conv();
    assertThat(space.indexOf("padding")).isEqualTo(1);
    assertThat(space.indexOf("nothing")).isEqualTo(-1);
    assertThat(space.field(0).name()).isEqualTo("kernelSize");
  }

  @Test
  void fixedNullIsOneShared() {
    assertThat(FixedSpace.of(null)).isSameInstanceAs(FixedSpace.of(null));
    assertThat(FixedSpace.of(null).value()).isNull();
    assertThat(FixedSpace.of(3)).isEqualTo(new FixedSpace(3));
  }
}
