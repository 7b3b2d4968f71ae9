package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.InputNode;
import io.paramspace.runtime.InputProblem;
import io.paramspace.runtime.InvalidConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** validate(config) and violations(config): every way a config can miss its space. */
class ConfigValidationTest {
  private static final DenseConfig DENSE = new DenseConfig(4, Activation.RELU, true, false, null);
  private static final ModelConfig MODEL = new ModelConfig(DENSE, 10, true);
  private static final OptimizerConfig ADAM = new OptimizerConfig("adam", 0.001, null, 0.99);
  private static final TrainingConfig VALID = new TrainingConfig(MODEL, ADAM, 64);

  @Test
  void aPointOfTheSpaceHasNoViolations() {
    assertThat(TrainingConfigSpace.space().violations(VALID)).isEmpty();
    TrainingConfigSpace.space().validate(VALID);
    for (long seed = 0; seed < 1_000; seed++) {
      assertThat(TrainingConfigSpace.space().violations(TrainingConfigSpace.random(seed))).isEmpty();
      assertThat(TuningConfigSpace.space().violations(TuningConfigSpace.random(seed))).isEmpty();
    }
  }

  @Test
  void aValueOutOfRangeNamesTheRange() {
    assertOnly(new TrainingConfig(MODEL, ADAM, 8), "batchSize", "8 is outside Int([16, 128], uniform)");
    assertOnly(new TrainingConfig(MODEL, new OptimizerConfig("adam", 0.1, null, 0.99), 64),
        "optimizer.learningRate", "0.1 is outside Float([1e-05, 0.01], log)");
    assertOnly(new TrainingConfig(new ModelConfig(new DenseConfig(13, Activation.RELU, true, false, null), 10, true),
        ADAM, 64), "model.blockConfig.DenseConfig.numLayers", "13 is outside Int([2, 12], uniform)");
  }

  @Test
  void aValueOffTheStepGridIsOutOfRange() {
    TuningConfig config = TuningConfigSpace.random(1);
    TuningConfig offGrid = new TuningConfig(config.optimizer(), config.learningRate(), 0.25, 20, config.steps(),
        config.decay(), config.batchSize(), config.shuffle(), config.activation(), config.block(), config.momentum(),
        config.warmup());
    assertThat(TuningConfigSpace.space().violations(offGrid).stream().map(p -> p.path() + ": " + p.message()).toList())
        .containsExactly(
            "dropout: 0.25 is outside Float([0.0, 1.0], uniform, step=0.1) (not on its step grid)",
            "width: 20 is outside Int([8, 128], uniform, step=8) (not on its step grid)");
  }

  @Test
  void aFloatFieldAtItsBoundIsInRange() {
    // 0.1f is a little above the double 0.1, the upper bound of decay.
    TuningConfig config = TuningConfigSpace.random(2);
    TuningConfig atMax = new TuningConfig(config.optimizer(), config.learningRate(), config.dropout(),
        config.width(), config.steps(), 0.1f, config.batchSize(), config.shuffle(), config.activation(),
        config.block(), config.momentum(), config.warmup());
    assertThat(TuningConfigSpace.space().violations(atMax)).isEmpty();
    TuningConfig above = new TuningConfig(config.optimizer(), config.learningRate(), config.dropout(),
        config.width(), config.steps(), Math.nextUp(0.1f), config.batchSize(), config.shuffle(), config.activation(),
        config.block(), config.momentum(), config.warmup());
    assertThat(TuningConfigSpace.space().violations(above)).hasSize(1);
  }

  @Test
  void aValueThatIsNotAChoiceListsTheChoices() {
    assertOnly(new TrainingConfig(MODEL, new OptimizerConfig("adamw", 0.001, null, null), 64),
        "optimizer.name", "'adamw' is not a choice; choose one of ['adam', 'sgd']");
    TuningConfig config = TuningConfigSpace.random(3);
    TuningConfig notAChoice = new TuningConfig(config.optimizer(), config.learningRate(), config.dropout(),
        config.width(), config.steps(), config.decay(), 48, config.shuffle(), Activation.MISH, config.block(),
        config.momentum(), config.warmup());
    assertThat(TuningConfigSpace.space().violations(notAChoice).stream().map(p -> p.path() + ": " + p.message()).toList())
        .containsExactly(
            "batchSize: 48 is not a choice; choose one of [16, 32, 64]",
            "activation: MISH is not a choice; choose one of [RELU, GELU, SILU]");
  }

  @Test
  void aConditionalFieldSetWhileInactiveMustBeItsFixedValue() {
    assertOnly(new TrainingConfig(MODEL, new OptimizerConfig("adam", 0.001, 0.9, 0.99), 64),
        "optimizer.momentum", "is 0.9 but inactive (not name == 'sgd'), so it must be null");
    assertOnly(new TrainingConfig(new ModelConfig(DENSE, 4, true), ADAM, 64),
        "model.useCheckpoint", "is true but inactive (not numBlocks > 8), so it must be false");
    assertOnly(new TrainingConfig(new ModelConfig(new DenseConfig(4, Activation.RELU, true, false, 0.2), 10, true),
        ADAM, 64), "model.blockConfig.DenseConfig.dropoutRate",
        "is 0.2 but inactive (not useDropout == true), so it must be null");
  }

  @Test
  void anActiveConditionalFieldIsCheckedAgainstItsActiveSide() {
    assertOnly(new TrainingConfig(new ModelConfig(DENSE, 10, false), ADAM, 64),
        "model.useCheckpoint", "is false but is fixed to true");
    assertOnly(new TrainingConfig(MODEL, new OptimizerConfig("sgd", 0.001, null, null), 64),
        "optimizer.momentum", "is null; expected a value of Float([0.0, 0.99], uniform)");
    assertOnly(new TrainingConfig(MODEL, new OptimizerConfig("adam", 0.001, null, 1.5), 64),
        "optimizer.beta2", "1.5 is outside Float([0.9, 0.999], uniform)");
  }

  @Test
  void aBranchThatAnOverrideExcludedIsTheWrongType() {
    TrainingConfigSpace.Builder onlyConv = TrainingConfigSpace.overrides().model(m -> m.blockConfig(b -> b.convConfig()));
    List<InputProblem> problems = TrainingConfigSpace.space().narrow(onlyConv).violations(VALID);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path()).isEqualTo("model.blockConfig");
    assertThat(problems.get(0).message()).isEqualTo("is a DenseConfig, not one of the branches [ConvConfig]");
    assertThat(TrainingConfigSpace.space().violations(VALID)).isEmpty();
  }

  @Test
  void aValueThatAnOverrideExcludedIsReported() {
    TrainingConfigSpace.Builder narrowed = TrainingConfigSpace.overrides()
        .batchSize(32, 128).optimizer(o -> o.name("sgd").learningRateBetween(1e-4, 5e-4));
    assertThat(TrainingConfigSpace.space().narrow(narrowed).violations(VALID).stream().map(InputProblem::path).toList())
        .containsExactly("optimizer.name", "optimizer.learningRate", "optimizer.beta2", "batchSize").inOrder();
    for (long seed = 0; seed < 200; seed++) {
      assertThat(TrainingConfigSpace.space().narrow(narrowed).violations(TrainingConfigSpace.space().narrow(narrowed).random(seed))).isEmpty();
    }
  }

  @Test
  void nullForARequiredFieldIsReported() {
    assertOnly(new TrainingConfig(null, ADAM, 64), "model", "is null; expected a ModelConfig");
    assertOnly(new TrainingConfig(new ModelConfig(null, 10, true), ADAM, 64), "model.blockConfig",
        "is null; expected one of DenseConfig, ConvConfig (a BlockConfig)");
    assertOnly(new TrainingConfig(MODEL, new OptimizerConfig(null, 0.001, null, null), 64), "optimizer.name",
        "is null; expected one of ['adam', 'sgd']");
    assertOnly(new TrainingConfig(new ModelConfig(new DenseConfig(4, null, true, false, null), 10, true), ADAM, 64),
        "model.blockConfig.DenseConfig.activation", "is null; expected one of [SILU, MISH, RELU, GELU]");

    List<InputProblem> nullConfig = TrainingConfigSpace.space().violations(null);
    assertThat(nullConfig).hasSize(1);
    assertThat(nullConfig.get(0).message()).isEqualTo("is null; expected a TrainingConfig");
    assertThat(TrainingConfigSpace.space().violations("a string").get(0).message())
        .isEqualTo("is a String; expected a TrainingConfig");
  }

  @Test
  void validateThrowsEveryViolationAtOnce() {
    TrainingConfig bad = new TrainingConfig(
        new ModelConfig(new DenseConfig(20, Activation.RELU, true, false, 0.3), 4, true),
        new OptimizerConfig("adamw", 0.5, 0.9, null), 1000);
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> TrainingConfigSpace.space().validate(bad));
    assertThat(e.problems().stream().map(InputProblem::path).toList()).containsExactly(
        "model.blockConfig.DenseConfig.numLayers",
        "model.blockConfig.DenseConfig.dropoutRate",
        "model.useCheckpoint",
        "optimizer.name",
        "optimizer.learningRate",
        "optimizer.momentum",
        "batchSize").inOrder();
    // A config in memory has no source to name: each line starts at its key path.
    assertThat(e.getMessage()).startsWith("7 problems in a TrainingConfig:\n"
        + "  model.blockConfig.DenseConfig.numLayers: 20 is outside Int([2, 12], uniform)\n");
    for (InputProblem problem : e.problems()) {
      assertThat(problem.source()).isEmpty();
      assertThat(problem.toString()).isEqualTo(problem.path() + ": " + problem.message());
      assertThat(problem.location()).isEqualTo(InputNode.Location.UNKNOWN);
    }
  }

  @Test
  void messagesSayWhatTheOverrideMessagesSay() {
    // The branch is a step of the key path, as overrides write it.
    List<InputProblem> inBranch = TrainingConfigSpace.space().violations(new TrainingConfig(
        new ModelConfig(new ConvConfig(2, Activation.RELU, 65, true, false, null), 10, true), ADAM, 64));
    assertThat(inBranch.stream().map(InputProblem::toString).toList())
        .containsExactly("model.blockConfig.ConvConfig.kernelSize: 65 is outside Int([1, 64], uniform)");
    // An off-grid value says so; a missing branch names the branches and their sealed type.
    TuningConfig config = TuningConfigSpace.random(1);
    TuningConfig offGrid = new TuningConfig(config.optimizer(), config.learningRate(), config.dropout(), 20, config.steps(),
        config.decay(), config.batchSize(), config.shuffle(), config.activation(), null, config.momentum(),
        config.warmup());
    assertThat(TuningConfigSpace.space().violations(offGrid).stream().map(InputProblem::toString).toList())
        .containsExactly(
            "width: 20 is outside Int([8, 128], uniform, step=8) (not on its step grid)",
            "block: is null; expected one of DenseConfig, ConvConfig (a BlockConfig)");
  }

  private static void assertOnly(TrainingConfig config, String path, String phrase) {
    List<InputProblem> problems = TrainingConfigSpace.space().violations(config);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path()).isEqualTo(path);
    assertThat(problems.get(0).message()).contains(phrase);
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> TrainingConfigSpace.space().validate(config));
    assertThat(e.problems()).isEqualTo(problems);
  }
}
