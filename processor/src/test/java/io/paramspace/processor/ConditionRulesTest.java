package io.paramspace.processor;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionRulesTest {

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(ConditionRules.editDistance("", "")).isEqualTo(0);
    assertThat(ConditionRules.editDistance("", "abc")).isEqualTo(3);
    assertThat(ConditionRules.editDistance("abc", "")).isEqualTo(3);
    assertThat(ConditionRules.editDistance("kitten", "sitting")).isEqualTo(3);
    assertThat(ConditionRules.editDistance("sitting", "kitten")).isEqualTo(3);
    assertThat(ConditionRules.editDistance("learnignRate", "learningRate")).isEqualTo(2);
    assertThat(ConditionRules.editDistance("lr", "lr")).isEqualTo(0);
  }

  @Test
  void suggestsTheClosestName() {
    assertThat(ConditionRules.suggestion("learnignRate", List.of("warmup", "learningRate", "layers")))
        .isEqualTo(" Did you mean \"learningRate\"?");
    assertThat(ConditionRules.suggestion("layer", List.of("layers", "player1"))).isEqualTo(" Did you mean \"layers\"?");
  }

  @Test
  void ignoresCase() {
    assertThat(ConditionRules.suggestion("NumBlocks", List.of("numblocks", "blocks")))
        .isEqualTo(" Did you mean \"numblocks\"?");
  }

  @Test
  void listsTheFieldsWhenNoneIsClose() {
    assertThat(ConditionRules.suggestion("temperature", List.of("shuffle", "layers")))
        .isEqualTo(" Its fields are: shuffle, layers.");
  }

  @Test
  void saysNothingWithoutFields() {
    assertThat(ConditionRules.suggestion("anything", List.of())).isEmpty();
  }

  // ---- check(): order and cycles, on a model built by hand ---------------------------------------

  private static FieldModel bool(String name, ConditionModel condition) {
    return new FieldModel(name, Position.NONE, null, ValueKind.BOOLEAN, true, null, List.of(), List.of(),
        new SpaceModel.Categorical(List.of(true, false), List.of(1.0, 1.0)), condition, null, null);
  }

  private static ConditionModel whenTrue(String path) {
    return new ConditionModel(List.of(new ConditionModel.Test(path, ConditionModel.Operator.EQUALS,
        List.of("true"), null, false, null, false, Position.NONE, Position.NONE, Position.NONE, List.of())), List.of());
  }

  private static final ConditionModel ALWAYS = new ConditionModel(List.of(), List.of());

  private static ConditionRules.Result check(FieldModel... fields) {
    return ConditionRules.check(new ConfigModel(null, "Experiment", List.of(fields)), name -> null);
  }

  @Test
  void aFieldIsSampledBeforeTheFieldsItGuards() {
    ConditionRules.Result result = check(
        bool("dropout", whenTrue("useDropout")),
        bool("layers", ALWAYS),
        bool("useDropout", whenTrue("deep")),
        bool("deep", ALWAYS));

    assertThat(result.problems()).isEmpty();
    assertThat(result.order().stream().map(FieldModel::name).toList())
        .containsExactly("deep", "useDropout", "dropout", "layers").inOrder();
    assertThat(result.conditions().keySet()).containsExactly("dropout", "useDropout");
  }

  @Test
  void aCycleIsReportedOnceAndSelfReferenceApart() {
    ConditionRules.Result result = check(
        bool("a", whenTrue("b")),
        bool("b", whenTrue("a")),
        bool("c", whenTrue("c")));

    assertThat(result.problems().stream().map(Diagnostic::text).toList()).containsExactly(
        "[Paramspace.SelfCondition] @When on 'c' reads 'c' itself; a field cannot depend on its own value",
        "[Paramspace.ConditionCycle] @When on 'a' closes a cycle of conditions: a -> b -> a; break the cycle");
  }
}
