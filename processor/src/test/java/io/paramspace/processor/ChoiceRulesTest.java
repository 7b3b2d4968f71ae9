package io.paramspace.processor;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChoiceRulesTest {
  private static ChoiceRules.Result resolve(ValueKind kind, List<String> implicit, List<String> literals,
      List<Double> weights) {
    return ChoiceRules.resolve("x", kind, "T", implicit, literals, weights,
        ChoiceRules.Positions.all(Position.NONE));
  }

  private static List<Message> problems(ChoiceRules.Result result) {
    return result.problems().stream().map(Diagnostic::message).toList();
  }

  @Test
  void literalsAreTypedAndWeighted() {
    ChoiceRules.Result result = resolve(ValueKind.INT, List.of(), List.of("16", "32"), List.of(3.0, 1.0));

    assertThat(result.problems()).isEmpty();
    assertThat(result.space()).isEqualTo(new SpaceModel.Categorical(List.of(16, 32), List.of(3.0, 1.0)));
  }

  @Test
  void withoutLiteralsTheTypeGivesTheValuesWithEqualWeights() {
    ChoiceRules.Result result = resolve(ValueKind.BOOLEAN, List.of("true", "false"), List.of(), List.of());

    assertThat(result.space()).isEqualTo(new SpaceModel.Categorical(List.of(true, false), List.of(1.0, 1.0)));
  }

  @Test
  void weightsWithoutLiteralsWeighTheImplicitValues() {
    ChoiceRules.Result result = resolve(ValueKind.ENUM, List.of("RELU", "GELU"), List.of(), List.of(1.0, 2.0));

    assertThat(result.space()).isEqualTo(new SpaceModel.Categorical(List.of("RELU", "GELU"), List.of(1.0, 2.0)));
  }

  @Test
  void oneValueIsFixed() {
    assertThat(resolve(ValueKind.DOUBLE, List.of(), List.of("0.5"), List.of()).space())
        .isEqualTo(new SpaceModel.Fixed(0.5));
  }

  @Test
  void aSealedTypeChoosesAmongItsBranches() {
    ChoiceRules.Result result = resolve(ValueKind.POLYMORPHIC, List.of("Dense", "Conv"), List.of("Conv"), List.of());

    assertThat(result.space()).isEqualTo(new SpaceModel.Polymorphic(List.of("Conv"), List.of(1.0)));
  }

  @Test
  void eachProblemHasItsTagAndLeavesNoSpace() {
    List<ChoiceRules.Result> broken = List.of(
        resolve(ValueKind.STRING, List.of(), List.of(), List.of()),
        resolve(ValueKind.INT, List.of(), List.of("1", "x"), List.of()),
        resolve(ValueKind.ENUM, List.of("RELU"), List.of("TANH"), List.of()),
        resolve(ValueKind.DOUBLE, List.of(), List.of("0.1", "1e-1"), List.of()),
        resolve(ValueKind.STRING, List.of(), List.of("a", "b"), List.of(1.0)),
        resolve(ValueKind.STRING, List.of(), List.of("a", "b"), List.of(1.0, Double.NaN)));

    assertThat(broken.stream().map(ChoiceRulesTest::problems).toList()).containsExactly(
        List.of(Message.EMPTY_CHOICE),
        List.of(Message.BAD_CHOICE_LITERAL),
        List.of(Message.BAD_CHOICE_LITERAL),
        List.of(Message.DUPLICATE_CHOICE),
        List.of(Message.WEIGHT_COUNT),
        List.of(Message.WEIGHT_NOT_POSITIVE)).inOrder();
    assertThat(broken.stream().filter(r -> r.space() != null).toList()).isEmpty();
  }
}
