package io.paramspace.runtime.view;

import static com.google.common.truth.Truth.assertThat;
import static io.paramspace.runtime.TestSpaces.config;
import static io.paramspace.runtime.TestSpaces.field;
import static io.paramspace.runtime.TestSpaces.when;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.Condition;
import io.paramspace.runtime.Condition.Operator;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FixedSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.TestSpaces;
import io.paramspace.runtime.TestSpaces.Activation;
import io.paramspace.runtime.TestSpaces.ConvConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact trees in SpaX's get_tree() layout, for every kind of node. */
class SpaceTreeTest {

  @Test
  void rendersFloatSpaces() {
    ConfigSpace<?> space =
        config(
            "OptimizerConfig",
            field("momentum", FloatSpace.uniform(0.0, 0.99)),
            field("learningRate", FloatSpace.logUniform(1e-5, 1e-2)),
            field("dropout", new FloatSpace(0.0, 0.5, false, 0.05)),
            field("scale", FloatSpace.uniform(-1e16, 1e-4)));
    assertThat(SpaceTree.render(space))
        .isEqualTo(
            """
            OptimizerConfig
            ├─ momentum: Float([0.0, 0.99], uniform)
            ├─ learningRate: Float([1e-05, 0.01], log)
            ├─ dropout: Float([0.0, 0.5], uniform, step=0.05)
            └─ scale: Float([-1e+16, 0.0001], uniform)
            """);
  }

  @Test
  void rendersIntSpaces() {
    ConfigSpace<?> space =
        config(
            "ModelConfig",
            field("numBlocks", IntSpace.uniform(2, 12)),
            field("width", new IntSpace(16, 1024, true, 1)),
            field("batchSize", new IntSpace(16, 128, false, 16)),
            field("offset", IntSpace.uniform(-5, -1)));
    assertThat(SpaceTree.render(space))
        .isEqualTo(
            """
            ModelConfig
            ├─ numBlocks: Int([2, 12], uniform)
            ├─ width: Int([16, 1024], log)
            ├─ batchSize: Int([16, 128], uniform, step=16)
            └─ offset: Int([-5, -1], uniform)
            """);
  }

  @Test
  void rendersCategoricalsWithOneChildPerChoice() {
    ConfigSpace<?> space =
        config(
            "Choices",
            field("optimizer", CategoricalSpace.of("adam", "sgd")),
            field("useBias", CategoricalSpace.of(true, false)),
            field("activation", CategoricalSpace.of(Activation.RELU, Activation.GELU)),
            field("rate", CategoricalSpace.of(1e-5, 0.5, 12.0)),
            field("loss", CategoricalSpace.weighted(List.of("mse", "mae"), 1, 3)));
    assertThat(SpaceTree.render(space))
        .isEqualTo(
            """
            Choices
            ├─ optimizer: Categorical
            │  ├─ 'adam'
            │  └─ 'sgd'
            ├─ useBias: Categorical
            │  ├─ true
            │  └─ false
            ├─ activation: Categorical
            │  ├─ RELU
            │  └─ GELU
            ├─ rate: Categorical
            │  ├─ 1e-05
            │  ├─ 0.5
            │  └─ 12.0
            └─ loss: Categorical
               ├─ 'mse' (weight=1.0)
               └─ 'mae' (weight=3.0)
            """);
  }

  @Test
  void equalWeightsAreNotShown() {
    ConfigSpace<?> space = config("C", field("x", CategoricalSpace.weighted(List.of("a", "b"), 2, 2)));
    assertThat(SpaceTree.render(space))
        .isEqualTo(
            """
            C
            └─ x: Categorical
               ├─ 'a'
               └─ 'b'
            """);
  }

  @Test
  void rendersFixedValues() {
    ConfigSpace<?> space =
        config(
            "Fixed",
            field("name", FixedSpace.of("resnet")),
            field("rate", FixedSpace.of(1e-5)),
            field("layers", FixedSpace.of(3)),
            field("flag", FixedSpace.of(true)),
            field("nothing", FixedSpace.of(null)));
    assertThat(SpaceTree.render(space))
        .isEqualTo(
            """
            Fixed
            ├─ name: 'resnet'
            ├─ rate: 1e-05
            ├─ layers: 3
            ├─ flag: true
            └─ nothing: null
            """);
  }

  @Test
  void rendersNestedConfigsWithTheirFieldsBelow() {
    ConfigSpace<?> inner = config("InnerConfig", field("a", IntSpace.uniform(0, 1)), field("b", FixedSpace.of(2)));
    ConfigSpace<?> middle = config("MiddleConfig", field("inner", inner), field("c", FloatSpace.uniform(0, 1)));
    ConfigSpace<?> space = config("OuterConfig", field("middle", middle), field("last", middle));
    assertThat(SpaceTree.render(space))
        .isEqualTo(
            """
            OuterConfig
            ├─ middle: MiddleConfig
            │  ├─ inner: InnerConfig
            │  │  ├─ a: Int([0, 1], uniform)
            │  │  └─ b: 2
            │  └─ c: Float([0.0, 1.0], uniform)
            └─ last: MiddleConfig
               ├─ inner: InnerConfig
               │  ├─ a: Int([0, 1], uniform)
               │  └─ b: 2
               └─ c: Float([0.0, 1.0], uniform)
            """);
  }

  @Test
  void rendersPolymorphicFieldsWithEachBranchAndItsFields() {
    ConfigSpace<?> space =
        config(
            "ModelConfig",
            field("blockConfig", PolymorphicSpace.of(TestSpaces.dense(), TestSpaces.conv())),
            field("numBlocks", IntSpace.uniform(2, 12)));
    assertThat(SpaceTree.render(space))
        .isEqualTo(
            """
            ModelConfig
            ├─ blockConfig: Categorical
            │  ├─ DenseConfig
            │  │  ├─ numLayers: Int([1, 4], uniform)
            │  │  └─ activation: Categorical
            │  │     ├─ RELU
            │  │     └─ GELU
            │  └─ ConvConfig
            │     ├─ kernelSize: Categorical
            │     │  ├─ 3
            │     │  └─ 5
            │     └─ padding: 'same'
            └─ numBlocks: Int([2, 12], uniform)
            """);
  }

  @Test
  void rendersWeightsOfAWeightedPolymorphicField() {
    ConfigSpace<?> space =
        config(
            "ModelConfig",
            field(
                "blockConfig",
                new PolymorphicSpace(List.of(TestSpaces.dense(), TestSpaces.conv()), List.of(1.0, 3.0))));
    assertThat(SpaceTree.render(space))
        .isEqualTo(
            """
            ModelConfig
            └─ blockConfig: Categorical
               ├─ DenseConfig (weight=1.0)
               │  ├─ numLayers: Int([1, 4], uniform)
               │  └─ activation: Categorical
               │     ├─ RELU
               │     └─ GELU
               └─ ConvConfig (weight=3.0)
                  ├─ kernelSize: Categorical
                  │  ├─ 3
                  │  └─ 5
                  └─ padding: 'same'
            """);
  }

  @Test
  void rendersConditionalsWithTrueAndFalseChildren() {
    ConfigSpace<?> space =
        config(
            "ModelConfig",
            field("numBlocks", IntSpace.uniform(2, 12)),
            field(
                "useCheckpoint",
                new ConditionalSpace(
                    Condition.compare("numBlocks", Operator.GREATER_THAN, 8L),
                    FixedSpace.of(true),
                    FixedSpace.of(false))),
            field(
                "momentum",
                when(Condition.equalsTo("optimizer", "sgd"), FloatSpace.uniform(0.0, 0.99), null)));
    assertThat(SpaceTree.render(space))
        .isEqualTo(
            """
            ModelConfig
            ├─ numBlocks: Int([2, 12], uniform)
            ├─ useCheckpoint: Conditional (if numBlocks > 8)
            │  ├─ true: true
            │  └─ false: false
            └─ momentum: Conditional (if optimizer == 'sgd')
               ├─ true: Float([0.0, 0.99], uniform)
               └─ false: null
            """);
  }

  @Test
  void rendersConfigsPolymorphicsAndCategoricalsInsideConditionals() {
    ConfigSpace<?> head = config("HeadConfig", field("layers", IntSpace.uniform(1, 3)));
    ConfigSpace<?> space =
        config(
            "C",
            field("head", when(Condition.equalsTo("useHead", true), head, null)),
            field("block", when(Condition.compare("depth", Operator.AT_LEAST, 2L),
                PolymorphicSpace.of(TestSpaces.conv(), config("NoBlock")), null)),
            field("act", when(Condition.notEqualsTo("depth", 0L), CategoricalSpace.of("relu", "tanh"), "relu")));
    assertThat(SpaceTree.render(space))
        .isEqualTo(
            """
            C
            ├─ head: Conditional (if useHead == true)
            │  ├─ true: HeadConfig
            │  │  └─ layers: Int([1, 3], uniform)
            │  └─ false: null
            ├─ block: Conditional (if depth >= 2)
            │  ├─ true: Categorical
            │  │  ├─ ConvConfig
            │  │  │  ├─ kernelSize: Categorical
            │  │  │  │  ├─ 3
            │  │  │  │  └─ 5
            │  │  │  └─ padding: 'same'
            │  │  └─ NoBlock
            │  └─ false: null
            └─ act: Conditional (if depth != 0)
               ├─ true: Categorical
               │  ├─ 'relu'
               │  └─ 'tanh'
               └─ false: 'relu'
            """);
  }

  @Test
  void labelsEveryConditionShape() {
    Condition eq = Condition.equalsTo("optimizer.name", "sgd");
    Condition gt = Condition.compare("numBlocks", Operator.GREATER_THAN, 8L);
    Condition lt = Condition.compare("rate", Operator.LESS_THAN, 1e-5);
    List<Condition> conditions =
        List.of(
            eq,
            Condition.notEqualsTo("optimizer.name", "sgd"),
            Condition.equalsTo("optimizer.name", "sgd", "rmsprop"),
            Condition.notEqualsTo("optimizer.name", "sgd", "rmsprop"),
            gt,
            Condition.compare("rate", Operator.AT_LEAST, 0.5),
            lt,
            Condition.compare("numBlocks", Operator.AT_MOST, 8),
            Condition.allOf(gt, eq),
            Condition.anyOf(gt, eq),
            Condition.allOf(Condition.anyOf(gt, lt), eq),
            Condition.anyOf(Condition.allOf(gt, lt), eq),
            Condition.equalsTo("blockConfig", ConvConfig.class),
            Condition.equalsTo("activation", Activation.GELU));
    FieldSpace[] fields = new FieldSpace[conditions.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = field("f" + i, when(conditions.get(i), FixedSpace.of(1), 0));
    }
    String tree = SpaceTree.render(config("C", fields));
    List<String> labels = tree.lines().filter(line -> line.contains("Conditional")).toList();
    assertThat(labels)
        .containsExactly(
            "├─ f0: Conditional (if optimizer.name == 'sgd')",
            "├─ f1: Conditional (if optimizer.name != 'sgd')",
            "├─ f2: Conditional (if optimizer.name in ['sgd', 'rmsprop'])",
            "├─ f3: Conditional (if optimizer.name not in ['sgd', 'rmsprop'])",
            "├─ f4: Conditional (if numBlocks > 8)",
            "├─ f5: Conditional (if rate >= 0.5)",
            "├─ f6: Conditional (if rate < 1e-05)",
            "├─ f7: Conditional (if numBlocks <= 8)",
            "├─ f8: Conditional (if numBlocks > 8 and optimizer.name == 'sgd')",
            "├─ f9: Conditional (if numBlocks > 8 or optimizer.name == 'sgd')",
            "├─ f10: Conditional (if (numBlocks > 8 or rate < 1e-05) and optimizer.name == 'sgd')",
            "├─ f11: Conditional (if (numBlocks > 8 and rate < 1e-05) or optimizer.name == 'sgd')",
            "├─ f12: Conditional (if blockConfig == ConvConfig)",
            "└─ f13: Conditional (if activation == GELU)")
        .inOrder();
    assertThat(tree)
        .endsWith(
            """
            └─ f13: Conditional (if activation == GELU)
               ├─ true: 1
               └─ false: 0
            """);
  }

  @Test
  void rendersAConfigWithoutFieldsAsItsNameAlone() {
    assertThat(SpaceTree.render(config("Empty"))).isEqualTo("Empty\n");
  }

  @Test
  void labelsSpacesOnOneLine() {
    assertThat(SpaceTree.label(FloatSpace.logUniform(1e-5, 1e-2))).isEqualTo("Float([1e-05, 0.01], log)");
    assertThat(SpaceTree.label(new IntSpace(0, 10, false, 5))).isEqualTo("Int([0, 10], uniform, step=5)");
    assertThat(SpaceTree.label(CategoricalSpace.of("a", "b"))).isEqualTo("Categorical");
    assertThat(SpaceTree.label(PolymorphicSpace.of(TestSpaces.dense()))).isEqualTo("Categorical");
    assertThat(SpaceTree.label(FixedSpace.of("x"))).isEqualTo("'x'");
    assertThat(SpaceTree.label(TestSpaces.dense())).isEqualTo("DenseConfig");
  }
}
