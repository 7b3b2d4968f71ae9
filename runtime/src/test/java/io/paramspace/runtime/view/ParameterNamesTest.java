package io.paramspace.runtime.view;

import static com.google.common.truth.Truth.assertThat;
import static io.paramspace.runtime.TestSpaces.config;
import static io.paramspace.runtime.TestSpaces.field;
import static io.paramspace.runtime.TestSpaces.when;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.Condition;
import io.paramspace.runtime.Condition.Operator;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FixedSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.TestSpaces;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterNamesTest {

  @Test
  void namesRootFieldsByConfigAndField() {
    ConfigSpace<?> space =
        config(
            "OptimizerConfig",
            field("name", CategoricalSpace.of("adam", "sgd")),
            field("learningRate", FloatSpace.logUniform(1e-5, 1e-2)),
            field("steps", IntSpace.uniform(1, 10)));
    assertThat(ParameterNames.of(space))
        .containsExactly("OptimizerConfig.name", "OptimizerConfig.learningRate", "OptimizerConfig.steps")
        .inOrder();
  }

  @Test
  void fixedValuesAreNeverListed() {
    ConfigSpace<?> space =
        config(
            "C",
            field("fixed", FixedSpace.of(3)),
            field("nothing", FixedSpace.of(null)),
            field("rate", FloatSpace.uniform(0, 1)),
            field("flag", new ConditionalSpace(Condition.equalsTo("rate", 0.5), FixedSpace.of(true), FixedSpace.of(false))));
    assertThat(ParameterNames.of(space)).containsExactly("C.rate");
  }

  @Test
  void namesNestedConfigsDepthFirst() {
    ConfigSpace<?> inner = config("InnerConfig", field("a", IntSpace.uniform(0, 1)), field("b", FixedSpace.of(1)));
    ConfigSpace<?> middle = config("MiddleConfig", field("inner", inner), field("c", FloatSpace.uniform(0, 1)));
    ConfigSpace<?> space = config("OuterConfig", field("middle", middle), field("d", CategoricalSpace.of(1, 2)));
    assertThat(ParameterNames.of(space))
        .containsExactly(
            "OuterConfig.middle::MiddleConfig.inner::InnerConfig.a",
            "OuterConfig.middle::MiddleConfig.c",
            "OuterConfig.d")
        .inOrder();
  }

  @Test
  void namesThePolymorphicChoiceAndTheFieldsOfEachBranch() {
    ConfigSpace<?> model =
        config(
            "ModelConfig",
            field("blockConfig", PolymorphicSpace.of(TestSpaces.dense(), TestSpaces.conv())),
            field("numBlocks", IntSpace.uniform(2, 12)));
    ConfigSpace<?> training = config("TrainingConfig", field("model", model));
    assertThat(ParameterNames.of(training))
        .containsExactly(
            "TrainingConfig.model::ModelConfig.blockConfig",
            "TrainingConfig.model::ModelConfig.blockConfig::DenseConfig.numLayers",
            "TrainingConfig.model::ModelConfig.blockConfig::DenseConfig.activation",
            "TrainingConfig.model::ModelConfig.blockConfig::ConvConfig.kernelSize",
            "TrainingConfig.model::ModelConfig.numBlocks")
        .inOrder();
  }

  @Test
  void aSingleBranchPolymorphicFieldHasNoChoiceName() {
    ConfigSpace<?> space = config("C", field("block", PolymorphicSpace.of(TestSpaces.dense())));
    assertThat(ParameterNames.of(space))
        .containsExactly("C.block::DenseConfig.numLayers", "C.block::DenseConfig.activation")
        .inOrder();
  }

  @Test
  void namesTheSampledSideOfAConditional() {
    ConfigSpace<?> space =
        config(
            "OptimizerConfig",
            field("name", CategoricalSpace.of("adam", "sgd")),
            field("momentum", when(Condition.equalsTo("name", "sgd"), FloatSpace.uniform(0, 0.99), null)));
    assertThat(ParameterNames.of(space))
        .containsExactly("OptimizerConfig.name", "OptimizerConfig.momentum::true_branch")
        .inOrder();
  }

  @Test
  void namesTheFieldsOfAConditionalConfig() {
    ConfigSpace<?> head = config("HeadConfig", field("layers", IntSpace.uniform(1, 3)), field("bias", FixedSpace.of(true)));
    ConfigSpace<?> space = config("C", field("head", when(Condition.equalsTo("useHead", true), head, null)));
    assertThat(ParameterNames.of(space)).containsExactly("C.head::true_branch::HeadConfig.layers");
  }

  @Test
  void namesAPolymorphicFieldInsideAConditional() {
    ConfigSpace<?> space =
        config(
            "C",
            field(
                "block",
                when(Condition.compare("depth", Operator.GREATER_THAN, 0L),
                    PolymorphicSpace.of(TestSpaces.dense(), TestSpaces.conv()), null)));
    assertThat(ParameterNames.of(space))
        .containsExactly(
            "C.block::true_branch",
            "C.block::true_branch::DenseConfig.numLayers",
            "C.block::true_branch::DenseConfig.activation",
            "C.block::true_branch::ConvConfig.kernelSize")
        .inOrder();
  }

  @Test
  void namesASampledFalseSideToo() {
    // Generated spaces fix the false side; a hand-built one may sample it, under its own name.
    ConfigSpace<?> space =
        config(
            "C",
            field(
                "x",
                new ConditionalSpace(
                    Condition.equalsTo("y", 1), IntSpace.uniform(0, 5), FloatSpace.uniform(0, 1))));
    assertThat(ParameterNames.of(space)).containsExactly("C.x::true_branch", "C.x::false_branch").inOrder();
  }

  @Test
  void namesOfAFullSpaceAreUnique() {
    ConfigSpace<?> head = config("HeadConfig", field("layers", IntSpace.uniform(1, 3)));
    ConfigSpace<?> model =
        config(
            "ModelConfig",
            field("blockConfig", PolymorphicSpace.of(TestSpaces.dense(), TestSpaces.conv())),
            field("extra", when(Condition.equalsTo("numBlocks", 2L), PolymorphicSpace.of(TestSpaces.dense(), TestSpaces.conv()), null)),
            field("numBlocks", IntSpace.uniform(2, 12)),
            field("head", when(Condition.equalsTo("numBlocks", 3L), head, null)));
    ConfigSpace<?> space = config("TrainingConfig", field("model", model), field("other", model), field("head", head));
    List<String> names = ParameterNames.of(space);
    assertThat(names).containsNoDuplicates();
    assertThat(names).hasSize(2 * 10 + 1);
  }

  @Test
  void theListIsImmutable() {
    List<String> names = ParameterNames.of(config("C", field("x", IntSpace.uniform(0, 1))));
    assertThrows(UnsupportedOperationException.class, () -> names.add("y"));
  }
}
