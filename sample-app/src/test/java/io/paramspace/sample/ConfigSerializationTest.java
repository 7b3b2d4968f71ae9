package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.InputProblem;
import io.paramspace.runtime.InvalidConfigException;
import io.paramspace.runtime.InvalidInputException;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** toJson/fromJson, toYaml/fromYaml, toToml/fromToml and load: round trips, the format, the errors. */
class ConfigSerializationTest {
  private static final int CONFIGS = 10_000;

  @TempDir Path dir;

  /** Deep: a checkpointed model of dense blocks, Adam (so momentum is inactive), no dropout. */
  private static final TrainingConfig CONFIG = new TrainingConfig(
      new ModelConfig(new DenseConfig(4, Activation.RELU, true, false, null), 10, true),
      new OptimizerConfig("adam", 0.001, null, 0.99),
      64);

  @Test
  void tenThousandRandomConfigsComeBackEqualInJson() {
    roundTrips(TrainingConfigSpace.space()::toJson, TrainingConfigSpace.space()::fromJson);
    roundTripsTuning(TuningConfigSpace.space()::toJson, TuningConfigSpace.space()::fromJson);
  }

  @Test
  void tenThousandRandomConfigsComeBackEqualInYaml() {
    roundTrips(TrainingConfigSpace.space()::toYaml, TrainingConfigSpace.space()::fromYaml);
    roundTripsTuning(TuningConfigSpace.space()::toYaml, TuningConfigSpace.space()::fromYaml);
  }

  @Test
  void tenThousandRandomConfigsComeBackEqualInToml() {
    roundTrips(TrainingConfigSpace.space()::toToml, TrainingConfigSpace.space()::fromToml);
    roundTripsTuning(TuningConfigSpace.space()::toToml, TuningConfigSpace.space()::fromToml);
  }

  private static void roundTrips(Function<TrainingConfig, String> write, Function<String, TrainingConfig> read) {
    for (long seed = 0; seed < CONFIGS; seed++) {
      TrainingConfig config = TrainingConfigSpace.random(seed);
      String text = write.apply(config);
      if (!read.apply(text).equals(config)) {
        assertWithMessage("seed %s:\n%s", seed, text).that(read.apply(text)).isEqualTo(config);
      }
    }
  }

  private static void roundTripsTuning(Function<TuningConfig, String> write, Function<String, TuningConfig> read) {
    for (long seed = 0; seed < CONFIGS; seed++) {
      TuningConfig config = TuningConfigSpace.random(seed);
      String text = write.apply(config);
      if (!read.apply(text).equals(config)) {
        assertWithMessage("seed %s:\n%s", seed, text).that(read.apply(text)).isEqualTo(config);
      }
    }
  }

  @Test
  void negativeZeroComesBackInEveryFormat() {
    TrainingConfig sgd = new TrainingConfig(CONFIG.model(), new OptimizerConfig("sgd", 0.001, -0.0, null), 64);
    assertThat(TrainingConfigSpace.space().toToml(sgd)).contains("optimizer.momentum = -0.0\n");
    assertThat(TrainingConfigSpace.space().fromJson(TrainingConfigSpace.space().toJson(sgd))).isEqualTo(sgd);
    assertThat(TrainingConfigSpace.space().fromYaml(TrainingConfigSpace.space().toYaml(sgd))).isEqualTo(sgd);
    assertThat(TrainingConfigSpace.space().fromToml(TrainingConfigSpace.space().toToml(sgd))).isEqualTo(sgd);
    // Double.equals tells -0.0 from 0.0, so the round trips above kept the sign.
    assertThat(TrainingConfigSpace.space().fromToml(TrainingConfigSpace.space().toToml(sgd)).optimizer().momentum())
        .isEqualTo(-0.0);
    assertThat(TrainingConfigSpace.space().fromToml(TrainingConfigSpace.space().toToml(sgd).replace("-0.0", "-0e0")))
        .isEqualTo(sgd);
  }

  @Test
  void jsonTagsEveryConfigAndWritesInactiveFieldsAsNull() {
    assertThat(TrainingConfigSpace.space().toJson(CONFIG)).isEqualTo("""
        {
          "__type__" : "TrainingConfig",
          "model" : {
            "__type__" : "ModelConfig",
            "blockConfig" : {
              "__type__" : "DenseConfig",
              "numLayers" : 4,
              "activation" : "RELU",
              "normInput" : true,
              "useDropout" : false,
              "dropoutRate" : null
            },
            "numBlocks" : 10,
            "useCheckpoint" : true
          },
          "optimizer" : {
            "__type__" : "OptimizerConfig",
            "name" : "adam",
            "learningRate" : 0.001,
            "momentum" : null,
            "beta2" : 0.99
          },
          "batchSize" : 64
        }
        """);
  }

  @Test
  void yamlTagsEveryConfigAndWritesInactiveFieldsAsNull() {
    assertThat(TrainingConfigSpace.space().toYaml(CONFIG)).isEqualTo("""
        ---
        __type__: "TrainingConfig"
        model:
          __type__: "ModelConfig"
          blockConfig:
            __type__: "DenseConfig"
            numLayers: 4
            activation: "RELU"
            normInput: true
            useDropout: false
            dropoutRate: null
          numBlocks: 10
          useCheckpoint: true
        optimizer:
          __type__: "OptimizerConfig"
          name: "adam"
          learningRate: 0.001
          momentum: null
          beta2: 0.99
        batchSize: 64
        """);
  }

  @Test
  void tomlTagsEveryConfigAndLeavesInactiveNullFieldsOut() {
    assertThat(TrainingConfigSpace.space().toToml(CONFIG)).isEqualTo("""
        __type__ = 'TrainingConfig'
        model.__type__ = 'ModelConfig'
        model.blockConfig.__type__ = 'DenseConfig'
        model.blockConfig.numLayers = 4
        model.blockConfig.activation = 'RELU'
        model.blockConfig.normInput = true
        model.blockConfig.useDropout = false
        model.numBlocks = 10
        model.useCheckpoint = true
        optimizer.__type__ = 'OptimizerConfig'
        optimizer.name = 'adam'
        optimizer.learningRate = 0.001
        optimizer.beta2 = 0.99
        batchSize = 64
        """);
  }

  @Test
  void anInactiveFieldWithAFixedValueIsWrittenAsThatValue() {
    TrainingConfig shallow = new TrainingConfig(
        new ModelConfig(new ConvConfig(3, Activation.GELU, 5, false, true, 0.25), 4, false),
        new OptimizerConfig("sgd", 0.01, 0.9, null), 16);
    assertThat(TrainingConfigSpace.space().toJson(shallow)).contains("\"useCheckpoint\" : false");
    assertThat(TrainingConfigSpace.space().toToml(shallow)).contains("model.useCheckpoint = false\n");
    assertThat(TrainingConfigSpace.space().toToml(shallow)).doesNotContain("beta2");
    assertThat(TrainingConfigSpace.space().toYaml(shallow)).contains("  beta2: null\n");
    assertThat(TrainingConfigSpace.space().fromToml(TrainingConfigSpace.space().toToml(shallow))).isEqualTo(shallow);
  }

  @Test
  void theTagMayBeLeftOutWhereTheTypeIsKnown() {
    // Only a polymorphic field needs "__type__" to say its branch.
    TrainingConfig read = TrainingConfigSpace.space().fromYaml("""
        model:
          blockConfig: {__type__: DenseConfig, numLayers: 4, activation: RELU, normInput: true, useDropout: false}
          numBlocks: 10
          useCheckpoint: true
        optimizer: {name: adam, learningRate: 0.001, beta2: 0.99}
        batchSize: 64
        """);
    assertThat(read).isEqualTo(CONFIG);
  }

  @Test
  void writingAnInvalidConfigFails() {
    TrainingConfig outOfRange = new TrainingConfig(CONFIG.model(), CONFIG.optimizer(), 500);
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> TrainingConfigSpace.space().toJson(outOfRange));
    assertThat(e.problems().get(0).path()).isEqualTo("batchSize");
  }

  @Test
  void loadReadsEachFormatByItsExtension() {
    assertThat(TrainingConfigSpace.space().load(EveryWay.write(dir, "c.json", TrainingConfigSpace.space().toJson(CONFIG))))
        .isEqualTo(CONFIG);
    assertThat(TrainingConfigSpace.space().load(EveryWay.write(dir, "c.yaml", TrainingConfigSpace.space().toYaml(CONFIG))))
        .isEqualTo(CONFIG);
    assertThat(TrainingConfigSpace.space().load(EveryWay.write(dir, "c.yml", TrainingConfigSpace.space().toYaml(CONFIG))))
        .isEqualTo(CONFIG);
    assertThat(TrainingConfigSpace.space().load(EveryWay.write(dir, "c.toml", TrainingConfigSpace.space().toToml(CONFIG))))
        .isEqualTo(CONFIG);

    // JSON is YAML too, but a .toml file is read as TOML only.
    assertThat(TrainingConfigSpace.space().load(EveryWay.write(dir, "j.yaml", TrainingConfigSpace.space().toJson(CONFIG))))
        .isEqualTo(CONFIG);
    InvalidInputException wrongFormat = assertThrows(InvalidInputException.class,
        () -> TrainingConfigSpace.space().load(EveryWay.write(dir, "j.toml", TrainingConfigSpace.space().toJson(CONFIG))));
    assertThat(wrongFormat.problems().get(0).message()).startsWith("is malformed");

    Path ini = EveryWay.write(dir, "c.ini", TrainingConfigSpace.space().toToml(CONFIG));
    InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> TrainingConfigSpace.space().load(ini));
    assertThat(unknown.problems().get(0).message()).contains("must end in .json, .yaml, .yml or .toml");

    Path missing = dir.resolve("missing.json");
    InvalidInputException absent = assertThrows(InvalidInputException.class, () -> TrainingConfigSpace.space().load(missing));
    assertThat(absent.problems().get(0).source()).isEqualTo(missing.toString());
    assertThat(absent.problems().get(0).message()).isEqualTo("no such file: " + missing.toAbsolutePath());
  }

  @Test
  void everyProblemOfAConfigFileIsReportedTogetherWithItsKeyPath() {
    Path file = EveryWay.write(dir, "bad.json", """
        {
          "__type__": "TrainingConfig",
          "model": {
            "__type__": "ModelConfig",
            "blockConfig": {"__type__": "LstmConfig", "numLayers": 4},
            "numBlocks": "ten",
            "useCheckpoint": false
          },
          "optimizer": {
            "__type__": "OptimizerConfig",
            "name": "adam",
            "learningrate": 0.001,
            "momentum": 0.9,
            "beta2": 0.95
          },
          "batchSize": 512
        }
        """);
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> TrainingConfigSpace.space().load(file));

    assertThat(e.problems().stream().map(p -> p.path() + ": " + p.message()).toList()).containsExactly(
        "model.blockConfig.__type__: 'LstmConfig' is not a branch; expected one of [DenseConfig, ConvConfig]."
            + " Did you mean \"ConvConfig\"?",
        "model.numBlocks: is the string 'ten'; expected an integer (int)",
        "optimizer.learningrate: is not a field of OptimizerConfig. Did you mean \"learningRate\"?",
        "optimizer.learningRate: is missing; every field of OptimizerConfig needs a value",
        "optimizer.momentum: is 0.9 but inactive (not name == 'sgd'), so it must be null",
        "batchSize: 512 is outside Int([16, 128], uniform)");
    for (InputProblem problem : e.problems()) {
      assertThat(problem.source()).isEqualTo(file.toString());
    }
    assertThat(e.getMessage()).startsWith("6 problems in a TrainingConfig:");
  }

  @Test
  void readingProblemsCarryLines() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> TrainingConfigSpace.space().fromYaml("""
        model:
          blockConfig: {__type__: ConvConfg}
          numBlocks: 2.5
          useCheckpoint: null
        optimizer: {name: adam, learningRate: 0.001, beta2: 0.95, beta1: 0.9}
        batchSize: 64
        """));
    assertThat(e.problems().stream().map(p -> p.path() + " @" + p.location().line() + ":" + p.location().column())
        .toList()).containsExactly(
            "model.blockConfig.__type__ @2:27",
            "model.numBlocks @3:14",
            "model.useCheckpoint @4:18",
            "optimizer.beta1 @5:59").inOrder();
    assertThat(e.problems().get(0).message()).contains("Did you mean \"ConvConfig\"?");
    assertThat(e.problems().get(0).source()).isEqualTo("<yaml>");
  }

  @Test
  void problemsInsideABranchNameTheBranchAsValidationAndOverridesDo() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> TrainingConfigSpace.space().fromYaml("""
        model:
          blockConfig: {__type__: DenseConfig, numLayers: four, activation: RELU, normInput: true, useDropout: false}
          numBlocks: 10
          useCheckpoint: true
        optimizer: {name: adam, learningRate: 0.001, beta2: 0.95}
        batchSize: 64
        """));
    assertThat(e.problems().stream().map(InputProblem::toString).toList()).containsExactly(
        "<yaml>:2:51: model.blockConfig.DenseConfig.numLayers: is the string 'four'; expected an integer (int)");
  }

  @Test
  void yamlWordsAndSpecialFloatsReadAsYaml12ReadsThem() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> TrainingConfigSpace.space().fromYaml("""
        model:
          blockConfig: {__type__: DenseConfig, numLayers: 4, activation: RELU, normInput: on, useDropout: false}
          numBlocks: 10
          useCheckpoint: true
        optimizer: {name: adam, learningRate: .inf, beta2: -.inf}
        batchSize: 64
        """));
    assertThat(e.problems().stream().map(p -> p.path() + ": " + p.message()).toList()).containsExactly(
        "model.blockConfig.DenseConfig.normInput: is the string 'on'; expected true or false"
            + " (yes/no/on/off are strings here, as in YAML 1.2: write true or false)",
        "optimizer.learningRate: inf is outside Float([1e-05, 0.01], log)",
        "optimizer.beta2: -inf is outside Float([0.9, 0.999], uniform)");
  }

  @Test
  void aConfigNeedsAnObjectAtEveryConfigField() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> TrainingConfigSpace.space().fromJson("{\"model\": [1, 2], \"optimizer\": \"adam\", \"batchSize\": [64]}"));
    assertThat(e.problems().stream().map(InputProblem::path).toList())
        .containsExactly("model", "optimizer", "batchSize").inOrder();
    assertThat(e.problems().get(0).message()).isEqualTo("is a list; expected an object of the fields of ModelConfig");
    assertThat(e.problems().get(2).message()).isEqualTo("is a list; expected a single value");

    InvalidConfigException notAnObject = assertThrows(InvalidConfigException.class,
        () -> TrainingConfigSpace.space().fromToml("")); // an empty TOML document is an empty table
    assertThat(notAnObject.problems()).hasSize(3);
    assertThat(notAnObject.problems().get(0).message()).contains("is missing");

    InvalidConfigException wrongTag = assertThrows(InvalidConfigException.class,
        () -> TrainingConfigSpace.space().fromJson(TrainingConfigSpace.space().toJson(CONFIG)
            .replace("\"__type__\" : \"ModelConfig\"", "\"__type__\" : \"OptimizerConfig\"")));
    assertThat(wrongTag.problems().get(0).path()).isEqualTo("model.__type__");
    assertThat(wrongTag.problems().get(0).message()).isEqualTo("is the string 'OptimizerConfig'; expected 'ModelConfig'");
  }
}
