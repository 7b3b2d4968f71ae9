package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;
import static io.paramspace.sample.SpaceAt.at;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.Condition;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FixedSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.InputFormat;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.InvalidOverridesException;
import io.paramspace.runtime.Overrides;
import io.paramspace.runtime.PolymorphicSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each override does to the space, written as a typed builder, a map and JSON, YAML and TOML
 * files: all five must give the same narrowed space.
 */
class OverrideSemanticsTest {
  @TempDir Path dir;

  private EveryWay training;
  private EveryWay tuning;

  @BeforeEach
  void setUp() {
    training = new EveryWay(dir, TrainingConfigSpace.space()::narrow);
    tuning = new EveryWay(dir, TuningConfigSpace.space()::narrow);
  }

  @Test
  void aScalarFixesAParameterAndLeavesTheOthersAlone() {
    ConfigSpace<?> narrowed = training.sameSpace(
        TrainingConfigSpace.overrides().batchSize(32).optimizer(o -> o.name("adam").learningRate(1e-3)),
        Map.of("batchSize", 32, "optimizer", Map.of("name", "adam", "learningRate", 1e-3)),
        "{\"batchSize\": 32, \"optimizer\": {\"name\": \"adam\", \"learningRate\": 1e-3}}",
        "batchSize: 32\noptimizer:\n  name: adam\n  learningRate: 1.0e-3\n",
        "batchSize = 32\n[optimizer]\nname = \"adam\"\nlearningRate = 1e-3\n");

    assertThat(at(narrowed, "batchSize")).isEqualTo(FixedSpace.of(32));
    assertThat(at(narrowed, "optimizer.name")).isEqualTo(FixedSpace.of("adam"));
    assertThat(at(narrowed, "optimizer.learningRate")).isEqualTo(FixedSpace.of(0.001));
    ConfigSpace<?> base = TrainingConfigSpace.space();
    assertThat(at(narrowed, "model")).isEqualTo(at(base, "model"));
    assertThat(at(narrowed, "optimizer.beta2")).isEqualTo(at(base, "optimizer.beta2"));
    // With name fixed to adam, momentum (only for sgd) can never be active: it is fixed to null.
    assertThat(at(narrowed, "optimizer.momentum")).isEqualTo(FixedSpace.of(null));
  }

  @Test
  void aListRestrictsANumericRangeToACategoricalOfThoseValues() {
    ConfigSpace<?> narrowed = training.sameSpace(
        TrainingConfigSpace.overrides().batchSize(32, 64).optimizer(o -> o.learningRate(1e-4, 1e-3, 1e-2)),
        Map.of("batchSize", List.of(32, 64), "optimizer", Map.of("learningRate", List.of(1e-4, 1e-3, 1e-2))),
        "{\"batchSize\": [32, 64], \"optimizer\": {\"learningRate\": [0.0001, 0.001, 0.01]}}",
        "batchSize: [32, 64]\noptimizer:\n  learningRate:\n  - 1.0e-4\n  - 1.0e-3\n  - 1.0e-2\n",
        "batchSize = [32, 64]\noptimizer.learningRate = [1e-4, 1e-3, 1e-2]\n");

    assertThat(at(narrowed, "batchSize")).isEqualTo(CategoricalSpace.of(32, 64));
    assertThat(at(narrowed, "optimizer.learningRate")).isEqualTo(CategoricalSpace.of(1e-4, 1e-3, 1e-2));
  }

  @Test
  void aListOfOneValueFixesTheParameter() {
    ConfigSpace<?> narrowed = training.sameSpace(
        TrainingConfigSpace.overrides().model(m -> m.numBlocks(new int[] {6})),
        Map.of("model", Map.of("numBlocks", List.of(6))),
        "{\"model\": {\"numBlocks\": [6]}}",
        "model:\n  numBlocks: [6]\n",
        "model.numBlocks = [6]\n");

    assertThat(at(narrowed, "model.numBlocks")).isEqualTo(FixedSpace.of(6));
  }

  @Test
  void aListRestrictsACategoricalToASubsetKeepingWeightsAndDeclarationOrder() {
    ConfigSpace<?> narrowed = tuning.sameSpace(
        TuningConfigSpace.overrides().optimizer("rmsprop", "adam")
            .activation(Activation.SILU, Activation.RELU).batchSize(64, 16),
        Map.of("optimizer", List.of("rmsprop", "adam"), "activation", List.of("SILU", "RELU"),
            "batchSize", List.of(64, 16)),
        "{\"optimizer\": [\"rmsprop\", \"adam\"], \"activation\": [\"SILU\", \"RELU\"], \"batchSize\": [64, 16]}",
        "optimizer: [rmsprop, adam]\nactivation: [SILU, RELU]\nbatchSize: [64, 16]\n",
        "optimizer = [\"rmsprop\", \"adam\"]\nactivation = [\"SILU\", \"RELU\"]\nbatchSize = [64, 16]\n");

    assertThat(at(narrowed, "optimizer")).isEqualTo(CategoricalSpace.weighted(List.of("adam", "rmsprop"), 3, 2));
    assertThat(at(narrowed, "activation"))
        .isEqualTo(CategoricalSpace.weighted(List.of(Activation.RELU, Activation.SILU), 1, 3));
    assertThat(at(narrowed, "batchSize")).isEqualTo(CategoricalSpace.of(16, 64));
  }

  @Test
  void minAndMaxNarrowARangeKeepingLogScale() {
    ConfigSpace<?> narrowed = training.sameSpace(
        TrainingConfigSpace.overrides().batchSizeBetween(32, 64)
            .optimizer(o -> o.learningRateBetween(1e-4, 1e-3)),
        Map.of("batchSize", Map.of("min", 32, "max", 64),
            "optimizer", Map.of("learningRate", Map.of("min", 1e-4, "max", 1e-3))),
        "{\"batchSize\": {\"min\": 32, \"max\": 64},"
            + " \"optimizer\": {\"learningRate\": {\"min\": 1e-4, \"max\": 1e-3}}}",
        "batchSize: {min: 32, max: 64}\noptimizer:\n  learningRate:\n    min: 1.0e-4\n    max: 1.0e-3\n",
        "batchSize = { min = 32, max = 64 }\n[optimizer.learningRate]\nmin = 1e-4\nmax = 1e-3\n");

    assertThat(at(narrowed, "batchSize")).isEqualTo(IntSpace.uniform(32, 64));
    assertThat(at(narrowed, "optimizer.learningRate")).isEqualTo(FloatSpace.logUniform(1e-4, 1e-3));
  }

  @Test
  void minAndMaxNarrowARangeKeepingItsStepAndLogScale() {
    ConfigSpace<?> narrowed = tuning.sameSpace(
        TuningConfigSpace.overrides().dropoutBetween(0.2, 0.6).widthBetween(16, 64).stepsBetween(2, 512),
        Map.of("dropout", Map.of("min", 0.2, "max", 0.6), "width", Map.of("min", 16, "max", 64),
            "steps", Map.of("min", 2, "max", 512)),
        "{\"dropout\": {\"min\": 0.2, \"max\": 0.6}, \"width\": {\"min\": 16, \"max\": 64},"
            + " \"steps\": {\"min\": 2, \"max\": 512}}",
        "dropout: {min: 0.2, max: 0.6}\nwidth: {min: 16, max: 64}\nsteps: {min: 2, max: 512}\n",
        "dropout = { min = 0.2, max = 0.6 }\nwidth = { min = 16, max = 64 }\nsteps = { min = 2, max = 512 }\n");

    assertThat(at(narrowed, "dropout")).isEqualTo(new FloatSpace(0.2, 0.6, false, 0.1));
    assertThat(at(narrowed, "width")).isEqualTo(new IntSpace(16, 64, false, 8));
    assertThat(at(narrowed, "steps")).isEqualTo(new IntSpace(2, 512, true, 1));
  }

  @Test
  void aSteppedRangeNarrowsToTwoNeighbouringGridPoints() {
    // 0.7 - 0.6 is 0.09999999999999998 in doubles: one step all the same.
    ConfigSpace<?> narrowed = tuning.sameSpace(
        TuningConfigSpace.overrides().dropoutBetween(0.6, 0.7),
        Map.of("dropout", Map.of("min", 0.6, "max", 0.7)),
        "{\"dropout\": {\"min\": 0.6, \"max\": 0.7}}",
        "dropout: {min: 0.6, max: 0.7}\n",
        "dropout = { min = 0.6, max = 0.7 }\n");

    FloatSpace dropout = (FloatSpace) at(narrowed, "dropout");
    assertThat(dropout.min()).isEqualTo(0.6);
    assertThat(dropout.max()).isEqualTo(0.7);
    assertThat(dropout.step()).isEqualTo(0.1);
    for (long seed = 0; seed < 200; seed++) {
      assertThat(TuningConfigSpace.space().narrow(TuningConfigSpace.overrides().dropoutBetween(0.6, 0.7)).random(seed).dropout())
          .isAnyOf(0.6, 0.7);
    }
  }

  @Test
  void aFloatFieldTakesItsBoundsAsWritten() {
    // decay is a float in [0.0, 0.1]; 0.1f is a little above the double 0.1.
    ConfigSpace<?> narrowed = tuning.sameSpace(
        TuningConfigSpace.overrides().decayBetween(0.05, 0.1),
        Map.of("decay", Map.of("min", 0.05, "max", 0.1)),
        "{\"decay\": {\"min\": 0.05, \"max\": 0.1}}",
        "decay: {min: 0.05, max: 0.1}\n",
        "decay = { min = 0.05, max = 0.1 }\n");
    assertThat(at(narrowed, "decay")).isEqualTo(FloatSpace.uniform(0.05, 0.1));

    ConfigSpace<?> fixed = tuning.sameSpace(
        TuningConfigSpace.overrides().decay(0.1),
        Map.of("decay", 0.1),
        "{\"decay\": 0.1}",
        "decay: 0.1\n",
        "decay = 0.1\n");
    assertThat(at(fixed, "decay")).isEqualTo(FixedSpace.of(0.1f));
    assertThat(TuningConfigSpace.space().narrow(TuningConfigSpace.overrides().decay(0.1)).random(3).decay()).isEqualTo(0.1f);
  }

  @Test
  void anObjectOverridesInsideANestedConfig() {
    ConfigSpace<?> narrowed = training.sameSpace(
        TrainingConfigSpace.overrides().model(m -> m.numBlocksBetween(4, 8)),
        Map.of("model", Map.of("numBlocks", Map.of("min", 4, "max", 8))),
        "{\"model\": {\"numBlocks\": {\"min\": 4, \"max\": 8}}}",
        "model:\n  numBlocks:\n    min: 4\n    max: 8\n",
        "[model.numBlocks]\nmin = 4\nmax = 8\n");

    ConfigSpace<?> base = TrainingConfigSpace.space();
    ConfigSpace<?> model = (ConfigSpace) at(narrowed, "model");
    assertThat(model.field(model.indexOf("numBlocks")).space()).isEqualTo(IntSpace.uniform(4, 8));
    assertThat(at(model, "blockConfig")).isEqualTo(at(base, "model.blockConfig"));
    // numBlocks > 8 never holds in [4, 8]: useCheckpoint is its inactive value.
    assertThat(at(model, "useCheckpoint")).isEqualTo(FixedSpace.of(false));
    assertThat(at(narrowed, "optimizer")).isEqualTo(at(base, "optimizer"));
    assertThat(model.access()).isSameInstanceAs(((ConfigSpace) at(base, "model")).access());
  }

  @Test
  void branchesKeepTheNamedSubsetWithOverridesInsideThem() {
    ConfigSpace<?> narrowed = training.sameSpace(
        TrainingConfigSpace.overrides().model(m -> m.blockConfig(b -> b
            .denseConfig(d -> d.numLayers(4).activation(Activation.RELU).useDropout(true))
            .convConfig())),
        Map.of("model", Map.of("blockConfig", Map.of(
            "DenseConfig", Map.of("numLayers", 4, "activation", "RELU", "useDropout", true),
            "ConvConfig", Map.of()))),
        """
        {"model": {"blockConfig": {
          "DenseConfig": {"numLayers": 4, "activation": "RELU", "useDropout": true},
          "ConvConfig": {}}}}
        """,
        """
        model:
          blockConfig:
            DenseConfig:
              numLayers: 4
              activation: RELU
              useDropout: true
            ConvConfig: {}
        """,
        """
        [model.blockConfig.DenseConfig]
        numLayers = 4
        activation = "RELU"
        useDropout = true
        [model.blockConfig.ConvConfig]
        """);

    PolymorphicSpace blocks = (PolymorphicSpace) at(narrowed, "model.blockConfig");
    assertThat(blocks.branches()).hasSize(2);
    assertThat(blocks.weights()).containsExactly(1.0, 1.0).inOrder();
    assertThat(at(blocks, "DenseConfig.numLayers")).isEqualTo(FixedSpace.of(4));
    assertThat(at(blocks, "DenseConfig.activation")).isEqualTo(FixedSpace.of(Activation.RELU));
    assertThat(at(blocks, "DenseConfig.useDropout")).isEqualTo(FixedSpace.of(true));
    assertThat(blocks.branch("ConvConfig")).isEqualTo(ConvConfigSpace.space());
  }

  @Test
  void aBranchNameOrAListOfNamesKeepsThoseBranchesAsTheyAre() {
    PolymorphicSpace onlyConv = PolymorphicSpace.of(ConvConfigSpace.space());
    ConfigSpace<?> byName = training.sameSpace(
        TrainingConfigSpace.overrides().model(m -> m.blockConfig(b -> b.convConfig())),
        Map.of("model", Map.of("blockConfig", "ConvConfig")),
        "{\"model\": {\"blockConfig\": \"ConvConfig\"}}",
        "model:\n  blockConfig: ConvConfig\n",
        "model.blockConfig = \"ConvConfig\"\n");
    assertThat(at(byName, "model.blockConfig")).isEqualTo(onlyConv);

    ConfigSpace<?> byList = training.sameSpace(
        TrainingConfigSpace.overrides().model(m -> m.blockConfig(b -> b.convConfig())),
        Map.of("model", Map.of("blockConfig", List.of("ConvConfig"))),
        "{\"model\": {\"blockConfig\": [\"ConvConfig\"]}}",
        "model:\n  blockConfig: [ConvConfig]\n",
        "model.blockConfig = [\"ConvConfig\"]\n");
    assertThat(byList).isEqualTo(byName);

    // Both branches, named in any order, are the base space.
    ConfigSpace<?> both = training.sameSpace(
        TrainingConfigSpace.overrides().model(m -> m.blockConfig(b -> b.convConfig().denseConfig())),
        Map.of("model", Map.of("blockConfig", List.of("ConvConfig", "DenseConfig"))),
        "{\"model\": {\"blockConfig\": [\"ConvConfig\", \"DenseConfig\"]}}",
        "model:\n  blockConfig: [ConvConfig, DenseConfig]\n",
        "model.blockConfig = [\"ConvConfig\", \"DenseConfig\"]\n");
    assertThat(both).isEqualTo(TrainingConfigSpace.space());
  }

  @Test
  void keptBranchesKeepTheirWeights() {
    ConfigSpace<?> conv = tuning.sameSpace(
        TuningConfigSpace.overrides().block(b -> b.convConfig(c -> c.kernelSizeBetween(3, 5))),
        Map.of("block", Map.of("ConvConfig", Map.of("kernelSize", Map.of("min", 3, "max", 5)))),
        "{\"block\": {\"ConvConfig\": {\"kernelSize\": {\"min\": 3, \"max\": 5}}}}",
        "block:\n  ConvConfig:\n    kernelSize: {min: 3, max: 5}\n",
        "[block.ConvConfig.kernelSize]\nmin = 3\nmax = 5\n");
    PolymorphicSpace block = (PolymorphicSpace) at(conv, "block");
    assertThat(block.weights()).containsExactly(1.0);
    assertThat(at(block, "ConvConfig.kernelSize")).isEqualTo(IntSpace.uniform(3, 5));

    ConfigSpace<?> both = tuning.sameSpace(
        TuningConfigSpace.overrides().block(b -> b.convConfig().denseConfig(d -> d.numLayers(3))),
        Map.of("block", Map.of("ConvConfig", Map.of(), "DenseConfig", Map.of("numLayers", 3))),
        "{\"block\": {\"ConvConfig\": {}, \"DenseConfig\": {\"numLayers\": 3}}}",
        "block:\n  ConvConfig: {}\n  DenseConfig:\n    numLayers: 3\n",
        "[block.ConvConfig]\n[block.DenseConfig]\nnumLayers = 3\n");
    PolymorphicSpace kept = (PolymorphicSpace) at(both, "block");
    assertThat(kept.branches().stream().map(ConfigSpace::typeName).toList())
        .containsExactly("DenseConfig", "ConvConfig").inOrder();
    assertThat(kept.weights()).containsExactly(3.0, 1.0).inOrder();
  }

  @Test
  void aConditionalFieldIsOverriddenOnItsActiveSideWithOrWithoutTrue() {
    ConditionalSpace expected = new ConditionalSpace(Condition.equalsTo("name", "sgd"),
        FloatSpace.uniform(0.5, 0.9), FixedSpace.of(null));
    Overrides typed = TrainingConfigSpace.overrides().optimizer(o -> o.momentumBetween(0.5, 0.9));

    ConfigSpace<?> implicit = training.sameSpace(typed,
        Map.of("optimizer", Map.of("momentum", Map.of("min", 0.5, "max", 0.9))),
        "{\"optimizer\": {\"momentum\": {\"min\": 0.5, \"max\": 0.9}}}",
        "optimizer:\n  momentum: {min: 0.5, max: 0.9}\n",
        "optimizer.momentum = { min = 0.5, max = 0.9 }\n");
    assertThat(at(implicit, "optimizer.momentum")).isEqualTo(expected);

    ConfigSpace<?> explicit = training.sameSpace(typed,
        Map.of("optimizer", Map.of("momentum", Map.of("true", Map.of("min", 0.5, "max", 0.9)))),
        "{\"optimizer\": {\"momentum\": {\"true\": {\"min\": 0.5, \"max\": 0.9}}}}",
        "optimizer:\n  momentum:\n    true: {min: 0.5, max: 0.9}\n",
        "optimizer.momentum.true = { min = 0.5, max = 0.9 }\n");
    assertThat(explicit).isEqualTo(implicit);
  }

  @Test
  void aConditionalNestedConfigIsOverriddenInside() {
    ConfigSpace<?> narrowed = tuning.sameSpace(
        TuningConfigSpace.overrides().warmup(w -> w.name("sgd").momentum(0.9)),
        Map.of("warmup", Map.of("true", Map.of("name", "sgd", "momentum", 0.9))),
        "{\"warmup\": {\"name\": \"sgd\", \"momentum\": 0.9}}",
        "warmup:\n  true:\n    name: sgd\n    momentum: 0.9\n",
        "[warmup]\nname = \"sgd\"\nmomentum = 0.9\n");

    ConditionalSpace warmup = (ConditionalSpace) at(narrowed, "warmup");
    assertThat(warmup.condition()).isEqualTo(Condition.equalsTo("shuffle", true));
    assertThat(warmup.whenFalse()).isEqualTo(FixedSpace.of(null));
    assertThat(at(warmup, "true.name")).isEqualTo(FixedSpace.of("sgd"));
    assertThat(at(warmup, "true.momentum.true")).isEqualTo(FixedSpace.of(0.9));
    for (long seed = 0; seed < 500; seed++) {
      TuningConfig config = TuningConfigSpace.space().narrow(TuningConfigSpace.overrides().warmup(w -> w.name("sgd"))).random(seed);
      if (config.shuffle()) {
        assertThat(config.warmup().name()).isEqualTo("sgd");
      } else {
        assertThat(config.warmup()).isNull();
      }
    }
  }

  @Test
  void negativeZeroIsFixedAsWrittenEveryWay() {
    ConfigSpace<?> narrowed = training.sameSpace(
        TrainingConfigSpace.overrides().optimizer(o -> o.name("sgd").momentum(-0.0)),
        Map.of("optimizer", Map.of("name", "sgd", "momentum", -0.0)),
        "{\"optimizer\": {\"name\": \"sgd\", \"momentum\": -0.0}}",
        "optimizer:\n  name: sgd\n  momentum: -0.0\n",
        "[optimizer]\nname = \"sgd\"\nmomentum = -0.0\n");
    assertThat(at(narrowed, "optimizer.momentum.true")).isEqualTo(FixedSpace.of(-0.0));
    assertThat(TrainingConfigSpace.space().narrow(Overrides.parse(narrowed.overrideTemplate(InputFormat.TOML),
        InputFormat.TOML, "template.toml"))).isEqualTo(narrowed);
    assertThat(TrainingConfigSpace.space().narrow(Overrides.parse("[optimizer]\nname = \"sgd\"\nmomentum = -0.0\n",
        InputFormat.TOML, "o.toml")).random(1).optimizer().momentum()).isEqualTo(-0.0);
  }

  @Test
  void repeatingAFixedValueIsAccepted() {
    ConfigSpace<?> base = TrainingConfigSpace.space();
    assertThat(TrainingConfigSpace.space().narrow(Overrides.fromMap(Map.of("model",
        Map.of("useCheckpoint", Map.of("true", true, "false", false)))))).isEqualTo(base);
    assertThat(TrainingConfigSpace.space().narrow(Overrides.fromMap(Map.of("model", Map.of("useCheckpoint", true)))))
        .isEqualTo(base);
    assertThat(TrainingConfigSpace.space().narrow(Overrides.parse("{\"optimizer\": {\"beta2\": {\"false\": null}}}",
        InputFormat.JSON, "o.json"))).isEqualTo(base);

    ConfigSpace<?> fixed = TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides().batchSize(32));
    assertThat(fixed.narrow(TrainingConfigSpace.overrides().batchSize(32))).isEqualTo(fixed);
  }

  @Test
  void aFixedValueCannotBeOverridden() {
    InvalidOverridesException onTrue = assertThrows(InvalidOverridesException.class,
        () -> TrainingConfigSpace.space().narrow(Overrides.fromMap(Map.of("model",
            Map.of("useCheckpoint", Map.of("true", false))))));
    assertThat(onTrue.problems()).hasSize(1);
    assertThat(onTrue.problems().get(0).path()).isEqualTo("model.useCheckpoint.true");
    assertThat(onTrue.problems().get(0).message()).isEqualTo("is fixed to true and cannot be overridden");

    InvalidOverridesException onFalse = assertThrows(InvalidOverridesException.class,
        () -> TrainingConfigSpace.space().narrow(Overrides.fromMap(Map.of("optimizer",
            Map.of("momentum", Map.of("false", 0.5))))));
    assertThat(onFalse.problems().get(0).path()).isEqualTo("optimizer.momentum.false");
    assertThat(onFalse.problems().get(0).message()).contains("is fixed to null");

    // A value fixed by an earlier narrowing is fixed for the next one too.
    ConfigSpace<?> fixed = TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides().batchSize(32));
    InvalidOverridesException again = assertThrows(InvalidOverridesException.class,
        () -> fixed.narrow(TrainingConfigSpace.overrides().batchSize(64)));
    assertThat(again.problems().get(0).path()).isEqualTo("batchSize");
    assertThat(again.problems().get(0).message()).contains("is fixed to 32");
  }

  @Test
  void noOverridesIsTheBaseSpaceItself() {
    assertThat(TrainingConfigSpace.space().narrow(Overrides.none())).isSameInstanceAs(TrainingConfigSpace.space());
    assertThat(TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides())).isSameInstanceAs(TrainingConfigSpace.space());
    assertThat(TrainingConfigSpace.space().narrow(Overrides.fromMap(Map.of()))).isSameInstanceAs(TrainingConfigSpace.space());
  }

  @Test
  void aBuilderIsASnapshotEachTimeItIsApplied() {
    TrainingConfigSpace.Builder builder = TrainingConfigSpace.overrides().batchSize(32);
    ConfigSpace<?> first = TrainingConfigSpace.space().narrow(builder);
    builder.optimizer(o -> o.name("sgd"));
    ConfigSpace<?> second = TrainingConfigSpace.space().narrow(builder);

    assertThat(at(first, "optimizer.name")).isEqualTo(at(TrainingConfigSpace.space(), "optimizer.name"));
    assertThat(at(second, "optimizer.name")).isEqualTo(FixedSpace.of("sgd"));
    assertThat(at(second, "batchSize")).isEqualTo(FixedSpace.of(32));
  }
}
