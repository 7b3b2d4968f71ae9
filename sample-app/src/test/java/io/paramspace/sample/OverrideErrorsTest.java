package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.InputFormat;
import io.paramspace.runtime.InputNode;
import io.paramspace.runtime.InputProblem;
import io.paramspace.runtime.InvalidInputException;
import io.paramspace.runtime.InvalidOverridesException;
import io.paramspace.runtime.Overrides;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad override, from JSON, YAML and TOML files: the exception type, the file, the key
 * path, the line and column (TOML's parser gives none past the syntax) and a key phrase.
 */
class OverrideErrorsTest {
  @TempDir Path dir;

  // ---- one problem per file -------------------------------------------------------------------

  @Test
  void anUnknownKeySuggestsTheClosestField() {
    String path = "model.blockConfig.DenseConfig.numLayrs";
    String phrase = "is not a field of DenseConfig. Did you mean \"numLayers\"?";
    assertProblem(overridesProblem("o.json", """
        {
          "model": {
            "blockConfig": {"DenseConfig": {"numLayrs": 4}}
          }
        }
        """), path, 3, 37, phrase);
    assertProblem(overridesProblem("o.yaml", """
        model:
          blockConfig:
            DenseConfig:
              numLayrs: 4
        """), path, 4, 7, phrase);
    assertProblem(overridesProblem("o.toml", """
        [model.blockConfig.DenseConfig]
        numLayrs = 4
        """), path, 0, 0, phrase);
  }

  @Test
  void anUnknownKeyWithNothingCloseListsTheFields() {
    assertProblem(overridesProblem("o.yaml", "batchSize: 32\ncolour: red\n"), "colour", 2, 1,
        "is not a field of TrainingConfig. Known: model, optimizer, batchSize.");
  }

  @Test
  void anUnknownKeyIsReportedAtTheKeyNotAtItsValue() {
    // The value starts on the next line: the position must be the key's.
    String phrase = "is not a field of OptimizerConfig. Did you mean \"name\"?";
    assertProblem(overridesProblem("o.json", "{\"optimizer\": {\n  \"nmae\":\n    [\"adam\"]}}"), "optimizer.nmae", 2, 3,
        phrase);
    assertProblem(overridesProblem("o.yaml", "optimizer:\n  nmae:\n  - adam\n"), "optimizer.nmae", 2, 3, phrase);
    // Where the value's own position matters, it is still the value's.
    assertProblem(overridesProblem("o.yaml", "optimizer:\n  name:\n  - adamw\n"), "optimizer.name", 3, 5,
        "'adamw' is not a choice");
  }

  @Test
  void aValueOutsideTheBaseBoundsNamesTheBounds() {
    String path = "model.blockConfig.DenseConfig.numLayers";
    String phrase = "40 is outside Int([2, 12], uniform); choose a value within the base space";
    assertProblem(overridesProblem("o.json", """
        {
          "model": {"blockConfig": {"DenseConfig": {"numLayers": 40}}}
        }
        """), path, 2, 58, phrase);
    assertProblem(overridesProblem("o.yaml", """
        model:
          blockConfig:
            DenseConfig:
              numLayers: 40
        """), path, 4, 18, phrase);
    assertProblem(overridesProblem("o.toml", "model.blockConfig.DenseConfig.numLayers = 40\n"), path, 0, 0, phrase);
  }

  @Test
  void aBoundOutsideTheBaseBoundsCannotWiden() {
    String phrase = "1e-06 is outside Float([1e-05, 0.01], log); overrides narrow, never widen";
    assertProblem(overridesProblem("o.json", """
        {
          "optimizer": {
            "learningRate": {"min": 1e-6, "max": 1e-3}
          }
        }
        """), "optimizer.learningRate.min", 3, 29, phrase);
    assertProblem(overridesProblem("o.yaml", """
        optimizer:
          learningRate:
            min: 1.0e-6
            max: 1.0e-3
        """), "optimizer.learningRate.min", 3, 10, phrase);
    assertProblem(overridesProblem("o.toml", """
        [optimizer.learningRate]
        min = 1e-6
        max = 1e-3
        """), "optimizer.learningRate.min", 0, 0, phrase);
  }

  @Test
  void aListedValueOutsideTheBaseBoundsIsReportedAtThatValue() {
    assertProblem(overridesProblem("o.json", "{\"batchSize\": [32, 256, 64]}"), "batchSize", 1, 20,
        "256 is outside Int([16, 128], uniform); list values within the base space");
  }

  @Test
  void aValueOffTheStepGridIsOutsideTheSpace() {
    InputProblem problem = only(assertThrows(InvalidOverridesException.class,
        () -> TuningConfigSpace.space().narrow(Overrides.fromFile(EveryWay.write(dir, "o.yaml", "width: {min: 12, max: 64}\n")))));
    assertProblem(problem, "width.min", 1, 14, "12 is outside Int([8, 128], uniform, step=8) (not on its step grid)");
  }

  @Test
  void aValueOfTheWrongTypeSaysWhatWasExpected() {
    String phrase = "is the string 'large'; expected an integer (int)";
    assertProblem(overridesProblem("o.json", "{\n  \"batchSize\": \"large\"\n}\n"), "batchSize", 2, 16, phrase);
    assertProblem(overridesProblem("o.yaml", "batchSize: large\n"), "batchSize", 1, 12, phrase);
    assertProblem(overridesProblem("o.toml", "batchSize = \"large\"\n"), "batchSize", 0, 0, phrase);
  }

  @Test
  void otherWrongShapesSayWhatWasExpected() {
    assertProblem(overridesProblem("o.json", "{\"batchSize\": 32.5}"), "batchSize", 1, 15,
        "is the number 32.5; expected an integer (int)");
    assertProblem(overridesProblem("o.json", "{\"model\": 3}"), "model", 1, 11,
        "is a nested ModelConfig; override it with an object of its fields, not the number 3");
    assertProblem(overridesProblem("o.json", "{\"optimizer\": {\"name\": {\"min\": 1, \"max\": 2}}}"),
        "optimizer.name", 1, 24, "is a categorical; fix it with a value or restrict it with a list of ['adam', 'sgd']");
    assertProblem(overridesProblem("o.json", "{\"batchSize\": {\"min\": 32}}"), "batchSize", 1, 15,
        "write {\"min\": .., \"max\": ..} with both bounds");
    assertProblem(overridesProblem("o.json", "{\"batchSize\": {\"min\": 32, \"max\": \"64\"}}"), "batchSize.max", 1, 34,
        "is the string '64'; expected an integer (int)");
    assertProblem(overridesProblem("o.json", "{\"model\": {\"blockConfig\": {\"DenseConfig\": 4}}}"),
        "model.blockConfig.DenseConfig", 1, 43, "a branch takes an object of its field overrides");
  }

  @Test
  void aValueACategoricalDoesNotHaveListsTheChoices() {
    String phrase = "'adamw' is not a choice; choose one of ['adam', 'sgd']";
    assertProblem(overridesProblem("o.json", "{\"optimizer\": {\n  \"name\": \"adamw\"}}"), "optimizer.name", 2, 11, phrase);
    assertProblem(overridesProblem("o.yaml", "optimizer:\n  name: adamw\n"), "optimizer.name", 2, 9, phrase);
    assertProblem(overridesProblem("o.toml", "optimizer.name = \"adamw\"\n"), "optimizer.name", 0, 0, phrase);

    assertProblem(overridesProblem("o.yaml", "optimizer:\n  name: [adam, adamw]\n"), "optimizer.name", 2, 16,
        "'adamw' is not a choice; list values among ['adam', 'sgd']");
    assertProblem(overridesProblem("o.yaml", """
        model:
          blockConfig:
            ConvConfig:
              activation: [RELU, relu]
        """), "model.blockConfig.ConvConfig.activation", 4, 26,
        "'relu' is not a choice; list values among [SILU, MISH, RELU, GELU]");
  }

  @Test
  void aBranchClassThatDoesNotExistSuggestsTheClosest() {
    String path = "model.blockConfig.DenseConfg";
    String phrase = "is not a branch of this field. Did you mean \"DenseConfig\"?";
    assertProblem(overridesProblem("o.json", "{\"model\": {\n  \"blockConfig\": {\"DenseConfg\": {}}}}"), path, 2, 19, phrase);
    assertProblem(overridesProblem("o.yaml", "model:\n  blockConfig:\n    DenseConfg: {}\n"), path, 3, 5, phrase);
    assertProblem(overridesProblem("o.toml", "[model.blockConfig.DenseConfg]\n"), path, 0, 0, phrase);

    assertProblem(overridesProblem("o.yaml", "model:\n  blockConfig: [ConvConfig, Lstm]\n"), "model.blockConfig.Lstm", 2, 29,
        "is not a branch of this field.");
  }

  @Test
  void anOverrideOfAFieldTheSameOverridesMakeInactiveIsReportedAtItsKey() {
    String path = "optimizer.momentum";
    String phrase = "can never be active once name is fixed to 'adam' (it is active only if name == 'sgd');"
        + " remove this override";
    assertProblem(overridesProblem("o.json", "{\"optimizer\": {\"name\": \"adam\",\n  \"momentum\": 0.5}}"), path, 2, 3,
        phrase);
    assertProblem(overridesProblem("o.yaml", "optimizer:\n  name: adam\n  momentum: 0.5\n"), path, 3, 3,
        phrase);
    assertProblem(overridesProblem("o.toml", "[optimizer]\nname = \"adam\"\nmomentum = 0.5\n"), path, 0, 0,
        phrase);

    InvalidOverridesException typed = assertThrows(InvalidOverridesException.class, () -> TrainingConfigSpace.space()
        .narrow(TrainingConfigSpace.overrides().optimizer(o -> o.name("adam").momentumBetween(0.5, 0.9))));
    assertProblem(only(typed), path, 0, 0, phrase);
    InvalidOverridesException map = assertThrows(InvalidOverridesException.class, () -> TrainingConfigSpace.space()
        .narrow(Overrides.fromMap(Map.of("optimizer", Map.of("name", "adam", "momentum", Map.of("true", 0.5))))));
    assertProblem(only(map), path, 0, 0, phrase);
  }

  @Test
  void aFieldMadeInactiveByANarrowedDomainIsReportedWithThatDomain() {
    InvalidOverridesException restricted = assertThrows(InvalidOverridesException.class, () -> TuningConfigSpace.space()
        .narrow(Overrides.fromFile(EveryWay.write(dir, "o.yaml", "optimizer: [adam, rmsprop]\nmomentum: {min: 0.1, max: 0.5}\n"))));
    assertProblem(only(restricted), "momentum", 2, 1, "can never be active once optimizer is restricted to"
        + " ['adam', 'rmsprop'] (it is active only if optimizer == 'sgd'); remove this override");

    InvalidOverridesException config = assertThrows(InvalidOverridesException.class, () -> TuningConfigSpace.space()
        .narrow(TuningConfigSpace.overrides().shuffle(false).warmup(w -> w.name("sgd"))));
    assertProblem(only(config), "warmup", 0, 0,
        "can never be active once shuffle is fixed to false (it is active only if shuffle == true)");

    // Overrides that leave the field as it is, as an edited template does, are no problem.
    assertThat(TrainingConfigSpace.space().narrow(Overrides.fromMap(Map.of("optimizer",
            Map.of("name", "adam", "momentum", Map.of("min", 0.0, "max", 0.99)), "model",
            Map.of("numBlocks", Map.of("min", 4, "max", 8), "useCheckpoint", Map.of("true", true, "false", false)))))
        .tree()).contains("momentum: null");
    assertThat(TrainingConfigSpace.space().narrow(Overrides.parse(
            "{\"optimizer\": {\"name\": \"adam\", \"momentum\": {\"false\": null}}}", InputFormat.JSON, "o.json"))
        .tree()).contains("momentum: null");
  }

  @Test
  void yamlOneOneBooleanWordsAreStringsAndABooleanSaysSo() {
    String hint = " (yes/no/on/off are strings here, as in YAML 1.2: write true or false)";
    assertProblem(overridesProblem("o.yaml", "model:\n  blockConfig:\n    DenseConfig:\n      useDropout: yes\n"),
        "model.blockConfig.DenseConfig.useDropout", 4, 19, "'yes' is not a choice; choose one of [true, false]" + hint);
    assertProblem(overridesProblem("o.yaml", "model:\n  blockConfig:\n    DenseConfig:\n      normInput: [true, Off]\n"),
        "model.blockConfig.DenseConfig.normInput", 4, 25, "'Off' is not a choice; list values among [true, false]" + hint);
    assertProblem(overridesProblem("o.json", "{\"model\": {\"useCheckpoint\": {\"true\": \"on\"}}}"),
        "model.useCheckpoint.true", 1, 38, "is fixed to true and cannot be overridden" + hint);
    // YAML 1.2's booleans are booleans.
    assertThat(TrainingConfigSpace.space().narrow(Overrides.fromFile(EveryWay.write(dir, "o.yaml",
            "model:\n  blockConfig:\n    DenseConfig:\n      useDropout: True\n      normInput: FALSE\n"))))
        .isEqualTo(TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides()
            .model(m -> m.blockConfig(b -> b.denseConfig(d -> d.useDropout(true).normInput(false))))));
  }

  @Test
  void yamlInfinitiesAndNanAreNumbersOutsideEveryRange() {
    assertProblem(overridesProblem("o.yaml", "optimizer:\n  learningRate: {min: -.inf, max: 1.0e-3}\n"),
        "optimizer.learningRate.min", 2, 23, "-inf is outside Float([1e-05, 0.01], log); overrides narrow, never widen");
    assertProblem(overridesProblem("o.yaml", "optimizer:\n  momentum: .NaN\n"), "optimizer.momentum", 2, 13,
        "nan is outside Float([0.0, 0.99], uniform); choose a value within the base space");
    assertProblem(overridesProblem("o.yaml", "batchSize: [32, +.Inf]\n"), "batchSize", 1, 17,
        "lists the number inf; expected an integer (int)");
    // TOML's inf and nan, which Jackson reads, get the same messages.
    assertProblem(overridesProblem("o.toml", "[optimizer]\nlearningRate = inf\n"), "optimizer.learningRate", 0, 0,
        "inf is outside Float([1e-05, 0.01], log); choose a value within the base space");
    // Quoted, they are strings.
    assertProblem(overridesProblem("o.yaml", "optimizer:\n  momentum: '.inf'\n"), "optimizer.momentum", 2, 13,
        "is the string '.inf'; expected a number");
  }

  @Test
  void minGreaterThanMaxSaysSwapThem() {
    String phrase = "has min 8 greater than max 4; swap them";
    assertProblem(overridesProblem("o.json", "{\"model\": {\n  \"numBlocks\": {\"min\": 8, \"max\": 4}}}"),
        "model.numBlocks", 2, 16, phrase);
    assertProblem(overridesProblem("o.yaml", "model:\n  numBlocks: {min: 8, max: 4}\n"), "model.numBlocks", 2, 14, phrase);
    assertProblem(overridesProblem("o.toml", "model.numBlocks = {min = 8, max = 4}\n"), "model.numBlocks", 0, 0, phrase);
  }

  @Test
  void minEqualToMaxSaysToWriteTheValue() {
    String phrase = "has min = max = 4; write the value itself to fix it";
    assertProblem(overridesProblem("o.json", "{\"model\": {\"numBlocks\": {\"min\": 4, \"max\": 4}}}"),
        "model.numBlocks", 1, 25, phrase);
    assertProblem(overridesProblem("o.yaml", "model:\n  numBlocks:\n    min: 4\n    max: 4\n"), "model.numBlocks", 3, 5, phrase);
    assertProblem(overridesProblem("o.toml", "[model.numBlocks]\nmin = 4\nmax = 4\n"), "model.numBlocks", 0, 0, phrase);
  }

  @Test
  void anEmptyListKeepsNothing() {
    assertProblem(overridesProblem("o.json", "{\"batchSize\": []}"), "batchSize", 1, 15,
        "is an empty list; list at least one value");
    assertProblem(overridesProblem("o.yaml", "optimizer:\n  name: []\n"), "optimizer.name", 2, 9,
        "is an empty list; list at least one of ['adam', 'sgd']");
    assertProblem(overridesProblem("o.toml", "model.blockConfig = []\n"), "model.blockConfig", 0, 0,
        "is an empty list; keep at least one of [DenseConfig, ConvConfig]");
    assertProblem(overridesProblem("o.json", "{\"model\": {\"blockConfig\": {}}}"), "model.blockConfig", 1, 27,
        "keeps no branch; keep at least one of [DenseConfig, ConvConfig]");
  }

  @Test
  void aListedValueTwiceIsReportedAtItsSecondMention() {
    assertProblem(overridesProblem("o.json", "{\"batchSize\": [32, 64, 32]}"), "batchSize", 1, 24, "lists 32 twice");
    assertProblem(overridesProblem("o.yaml", "optimizer:\n  name:\n  - adam\n  - adam\n"), "optimizer.name", 4, 5,
        "lists 'adam' twice");
    assertProblem(overridesProblem("o.toml", "model.blockConfig = [\"ConvConfig\", \"ConvConfig\"]\n"),
        "model.blockConfig", 0, 0, "lists ConvConfig twice");
  }

  @Test
  void aMalformedFileIsReportedWhereTheParserStopped() {
    assertProblem(readProblem("o.json", "{\n  \"batchSize\" 32\n}\n"), "", 2, 15,
        "is malformed: Unexpected character ('3' (code 51)): was expecting a colon");
    assertProblem(readProblem("o.yaml", "model:\n  numBlocks: [2, 3\nbatchSize: 32\n"), "", 3, 10,
        "is malformed: while parsing a flow sequence");
    assertProblem(readProblem("o.toml", "batchSize = = 32\n"), "", 1, 13, "is malformed: ");
    assertProblem(readProblem("o.json", "{\"batchSize\": 32} 7"), "", 1, 19,
        "has content after the end of the first value");
    assertProblem(readProblem("o.yaml", "batchSize: 32\n---\nbatchSize: 64\n"), "", 3, 1,
        "has content after the end of the first value");
    assertProblem(readProblem("o.json", ""), "", 0, 0, "is empty; write an object of fields");
  }

  @Test
  void aDuplicateKeyIsMalformed() {
    assertProblem(readProblem("o.json", "{\n  \"batchSize\": 32,\n  \"batchSize\": 64\n}\n"), "", 3, 14,
        "is malformed: Duplicate field 'batchSize'");
    assertProblem(readProblem("o.yaml", "optimizer:\n  name: adam\n  name: sgd\n"), "", 3, 7,
        "is malformed: Duplicate field 'name'");
    assertProblem(readProblem("o.toml", "batchSize = 32\nbatchSize = 64\n"), "", 3, 1, "is malformed: Duplicate key");
  }

  @Test
  void aFileThatIsNotAnObjectIsRejected() {
    assertProblem(overridesProblem("o.json", "[32, 64]"), "", 1, 1,
        "is a list; overrides are an object keyed by field names");
    assertProblem(overridesProblem("o.yaml", "adam\n"), "", 1, 1,
        "is the string 'adam'; overrides are an object keyed by field names");
  }

  @Test
  void anUnknownExtensionNamesTheKnownOnes() {
    Path file = EveryWay.write(dir, "overrides.ini", "batchSize = 32\n");
    InvalidOverridesException e = assertThrows(InvalidOverridesException.class, () -> Overrides.fromFile(file));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).source()).isEqualTo(file.toString());
    assertThat(e.problems().get(0).message()).isEqualTo("the file name must end in .json, .yaml, .yml or .toml");
    assertThat(e.getMessage()).contains(file.toString());

    // .yml is YAML, and extensions are read in any case.
    assertThat(TrainingConfigSpace.space().narrow(Overrides.fromFile(EveryWay.write(dir, "o.yml", "batchSize: 32\n"))))
        .isEqualTo(TrainingConfigSpace.space().narrow(Overrides.fromFile(EveryWay.write(dir, "O.JSON", "{\"batchSize\": 32}"))));
  }

  @Test
  void aMissingFileSaysSo() {
    Path file = dir.resolve("missing.yaml");
    InvalidOverridesException e = assertThrows(InvalidOverridesException.class, () -> Overrides.fromFile(file));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).source()).isEqualTo(file.toString());
    assertThat(e.problems().get(0).message()).isEqualTo("no such file: " + file.toAbsolutePath());
    assertThat(e.getMessage()).isEqualTo("1 problem in the overrides of " + file + "; nothing was applied:\n  "
        + file + ": no such file: " + file.toAbsolutePath());
    // narrow(path) reads with fromFile: the same exception.
    assertThrows(InvalidOverridesException.class, () -> TrainingConfigSpace.space().narrow(file));
  }

  @Test
  void anUnreadableFileIsAnOverridesProblemNamingIt() throws java.io.IOException {
    Path directory = java.nio.file.Files.createDirectory(dir.resolve("o.json"));
    InvalidOverridesException e = assertThrows(InvalidOverridesException.class, () -> Overrides.fromFile(directory));
    assertThat(e.problems().get(0).source()).isEqualTo(directory.toString());
    assertThat(e.problems().get(0).message()).startsWith("cannot be read (");
    InvalidOverridesException text = assertThrows(InvalidOverridesException.class,
        () -> Overrides.parse("{\"batchSize\": ", InputFormat.JSON, "typed.json"));
    assertThat(text.problems().get(0).toString()).startsWith("typed.json:1:15: is malformed: ");
  }

  @Test
  void buildersAndMapsReportPathsWithoutLocations() {
    InvalidOverridesException typed = assertThrows(InvalidOverridesException.class,
        () -> TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides()
            .model(m -> m.blockConfig(b -> b.denseConfig(d -> d.numLayers(40))))));
    InputProblem problem = only(typed);
    assertThat(problem.source()).isEqualTo("<builder>");
    assertProblem(problem, "model.blockConfig.DenseConfig.numLayers", 0, 0, "40 is outside Int([2, 12], uniform)");

    InvalidOverridesException map = assertThrows(InvalidOverridesException.class,
        () -> TrainingConfigSpace.space().narrow(Overrides.fromMap(Map.of("optimizer", Map.of("nmae", "adam")))));
    assertThat(only(map).source()).isEqualTo("<map>");
    assertProblem(only(map), "optimizer.nmae", 0, 0, "Did you mean \"name\"?");

    InvalidOverridesException unsupported = assertThrows(InvalidOverridesException.class,
        () -> Overrides.fromMap(Map.of("optimizer", Map.of("name", new StringBuilder("adam")))));
    assertProblem(only(unsupported), "optimizer.name", 0, 0, "value of type StringBuilder is not supported");
  }

  @Test
  void aBuilderTakesOneCallPerFieldAsAFileTakesOneKey() {
    InvalidOverridesException twice = assertThrows(InvalidOverridesException.class,
        () -> TrainingConfigSpace.overrides().batchSize(32).batchSize(64));
    assertThat(only(twice).source()).isEqualTo("<builder>");
    assertProblem(only(twice), "batchSize", 0, 0, "is overridden a second time; a field takes one call, as a key"
        + " appears once in a file (pass every value to one call)");
    assertThat(twice.getMessage()).isEqualTo("1 problem in the overrides of TrainingConfig; nothing was applied:\n"
        + "  <builder>: batchSize: " + only(twice).message());
    assertThat(twice).isInstanceOf(IllegalArgumentException.class);

    // Any two calls on one field, of any kind.
    assertThrows(InvalidOverridesException.class, () -> TrainingConfigSpace.overrides().batchSize(32).batchSizeBetween(16, 64));
    assertThrows(InvalidOverridesException.class,
        () -> TrainingConfigSpace.overrides().optimizer(o -> o.name("adam")).optimizer(o -> o.learningRate(1e-3)));
    assertThrows(InvalidOverridesException.class, () -> DenseConfigSpace.overrides().useDropout(true).useDropout(false));
    InvalidOverridesException inner = assertThrows(InvalidOverridesException.class,
        () -> TrainingConfigSpace.overrides().optimizer(o -> o.name("adam").name("sgd")));
    assertProblem(only(inner), "name", 0, 0, "is overridden a second time");
    assertThat(inner.getMessage()).startsWith("1 problem in the overrides of OptimizerConfig;");

    // Branches kept by successive calls add up, each branch once.
    assertThat(TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides()
        .model(m -> m.blockConfig(b -> b.convConfig()).blockConfig(b -> b.denseConfig())))).isEqualTo(TrainingConfigSpace.space());
    InvalidOverridesException branchTwice = assertThrows(InvalidOverridesException.class,
        () -> ModelConfigSpace.overrides().blockConfig(b -> b.denseConfig().denseConfig(d -> d.numLayers(4))));
    assertProblem(only(branchTwice), "blockConfig.DenseConfig", 0, 0,
        "is kept a second time; keep each branch with one call");

    // The builder keeps what it had before the failing call.
    TrainingConfigSpace.Builder builder = TrainingConfigSpace.overrides().batchSize(32);
    assertThrows(InvalidOverridesException.class, () -> builder.batchSize(64));
    assertThat(TrainingConfigSpace.space().narrow(builder).random(1).batchSize()).isEqualTo(32);
  }

  @Test
  void anEmptyBuilderCallFailsAtTheCall() {
    InvalidOverridesException empty = assertThrows(InvalidOverridesException.class,
        () -> TrainingConfigSpace.overrides().batchSize());
    assertProblem(only(empty), "batchSize", 0, 0, "is restricted to no values; pass at least one (one fixes the field,"
        + " several restrict it), as an empty list in a file is an error");
    assertThrows(InvalidOverridesException.class, () -> TrainingConfigSpace.overrides().optimizer(o -> o.name()));
    assertThrows(InvalidOverridesException.class, () -> TuningConfigSpace.overrides().activation());
    assertThrows(InvalidOverridesException.class, () -> TuningConfigSpace.overrides().learningRate(new double[0]));
    assertThrows(InvalidOverridesException.class, () -> TuningConfigSpace.overrides().steps((long[]) null));
  }

  @Test
  void aMapTakesTheStandardNumberTypesOnly() {
    InvalidOverridesException atomic = assertThrows(InvalidOverridesException.class,
        () -> Overrides.fromMap(Map.of("batchSize", new java.util.concurrent.atomic.AtomicInteger(32))));
    assertProblem(only(atomic), "batchSize", 0, 0,
        "is a java.util.concurrent.atomic.AtomicInteger; use an Integer, Long, Double, BigDecimal or BigInteger");
    // A caller's Number whose conversions throw is stopped at fromMap, not in random or tree.
    Number hostile = new Number() {
      @Override public int intValue() {
        throw new UnsupportedOperationException();
      }

      @Override public long longValue() {
        throw new UnsupportedOperationException();
      }

      @Override public float floatValue() {
        throw new UnsupportedOperationException();
      }

      @Override public double doubleValue() {
        throw new UnsupportedOperationException();
      }
    };
    InvalidOverridesException own = assertThrows(InvalidOverridesException.class,
        () -> Overrides.fromMap(Map.of("optimizer", Map.of("learningRate", java.util.List.of(1e-3, hostile)))));
    assertThat(only(own).path()).isEqualTo("optimizer.learningRate");
    assertThat(only(own).message()).startsWith("is a io.paramspace.sample.OverrideErrorsTest$");
    InvalidOverridesException bigSubclass = assertThrows(InvalidOverridesException.class,
        () -> Overrides.fromMap(Map.of("batchSize", new java.math.BigInteger("32") {})));
    assertThat(only(bigSubclass).message()).contains("; use an Integer, Long, Double, BigDecimal or BigInteger");

    // The standard types fix a field as a file's numbers do.
    for (Number n : java.util.List.of(32, 32L, (short) 32, (byte) 32, new java.math.BigInteger("32"))) {
      assertThat(TrainingConfigSpace.space().narrow(Overrides.fromMap(Map.of("batchSize", n))))
          .isEqualTo(TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides().batchSize(32)));
    }
    for (Number n : java.util.List.of(1e-3, new java.math.BigDecimal("0.001"))) {
      assertThat(TrainingConfigSpace.space().narrow(Overrides.fromMap(Map.of("optimizer", Map.of("learningRate", n)))))
          .isEqualTo(TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides().optimizer(o -> o.learningRate(1e-3))));
    }
    TrainingConfigSpace.space().narrow(Overrides.fromMap(Map.of("optimizer", Map.of("learningRate", 1e-3f))));
  }

  // ---- all problems at once, nothing applied ---------------------------------------------------

  @Test
  void everyProblemInAFileIsReportedTogetherInReadingOrder() {
    Path file = EveryWay.write(dir, "o.yaml", """
        batchSize: [32, 32]
        optimizer:
          name: adamw
          learningRate: {min: 1.0e-2, max: 1.0e-4}
          beta3: 0.99
        model:
          numBlocks: 40
          blockConfig:
            DenseConfig: {numLayers: foo}
            Conv: {}
        """);
    InvalidOverridesException e = assertThrows(InvalidOverridesException.class,
        () -> TrainingConfigSpace.space().narrow(Overrides.fromFile(file)));

    assertThat(e.problems()).hasSize(7);
    assertThat(e.problems().stream().map(InputProblem::path).toList()).containsExactly(
        "batchSize",
        "optimizer.name",
        "optimizer.learningRate",
        "optimizer.beta3",
        "model.numBlocks",
        "model.blockConfig.DenseConfig.numLayers",
        "model.blockConfig.Conv").inOrder();
    assertThat(e.problems().stream().map(p -> p.location().line()).toList())
        .containsExactly(1, 3, 4, 5, 7, 9, 10).inOrder();
    assertThat(e.getMessage()).startsWith("7 problems in the overrides of TrainingConfig; nothing was applied:\n");
    assertThat(e.getMessage()).contains(file + ":1:17: batchSize: lists 32 twice\n");
    assertThat(e.getMessage()).contains(file + ":10:5: model.blockConfig.Conv: is not a branch of this field."
        + " Did you mean \"ConvConfig\"?");
  }

  @Test
  void aFailingOverrideLeavesTheSpaceAndItsSamplesAsTheyWere() {
    ConfigSpace<?> before = TrainingConfigSpace.space();
    String hashBefore = TrainingConfigSpace.space().hash();
    TrainingConfig sampleBefore = TrainingConfigSpace.random(11);
    Overrides halfGood = Overrides.fromFile(EveryWay.write(dir, "o.json",
        "{\"batchSize\": 32, \"optimizer\": {\"name\": \"adam\", \"learningRate\": 1.0}}"));

    assertThrows(InvalidOverridesException.class, () -> TrainingConfigSpace.space().narrow(halfGood));
    assertThrows(InvalidOverridesException.class, () -> TrainingConfigSpace.space().narrow(halfGood).random(11));
    assertThrows(InvalidOverridesException.class, () -> TrainingConfigSpace.space().narrow(halfGood).tree());
    assertThrows(InvalidOverridesException.class, () -> TrainingConfigSpace.space().narrow(halfGood).hash());
    assertThrows(InvalidOverridesException.class, () -> TrainingConfigSpace.space().narrow(halfGood).parameterNames());

    assertThat(TrainingConfigSpace.space()).isSameInstanceAs(before);
    assertThat(TrainingConfigSpace.space()).isEqualTo(TrainingConfigSpace.space().narrow(Overrides.none()));
    assertThat(TrainingConfigSpace.space().hash()).isEqualTo(hashBefore);
    assertThat(TrainingConfigSpace.random(11)).isEqualTo(sampleBefore);
    // The good half alone still applies, so the failure above was the bad half's.
    assertThat(TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides().batchSize(32)).random(11).batchSize()).isEqualTo(32);
    assertThat(TrainingConfigSpace.random(11).batchSize()).isEqualTo(sampleBefore.batchSize());
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** The problem of overrides written to {@code name}, checked for type and source. */
  private InputProblem overridesProblem(String name, String text) {
    Path file = EveryWay.write(dir, name, text);
    InvalidOverridesException e = assertThrows(InvalidOverridesException.class,
        () -> TrainingConfigSpace.space().narrow(Overrides.fromFile(file)));
    return checked(e, file);
  }

  /** The problem of a file that cannot be read as overrides at all: an overrides problem all the same. */
  private InputProblem readProblem(String name, String text) {
    Path file = EveryWay.write(dir, name, text);
    InvalidOverridesException e = assertThrows(InvalidOverridesException.class, () -> Overrides.fromFile(file));
    assertThat(e.getMessage()).startsWith("1 problem in the overrides of " + file + "; nothing was applied:\n");
    return checked(e, file);
  }

  private static InputProblem checked(InvalidInputException e, Path file) {
    InputProblem problem = only(e);
    assertThat(problem.source()).isEqualTo(file.toString());
    assertThat(e.getMessage()).contains(problem.toString());
    return problem;
  }

  private static InputProblem only(InvalidInputException e) {
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  private static void assertProblem(InputProblem problem, String path, int line, int column, String phrase) {
    assertThat(problem.path()).isEqualTo(path);
    assertThat(problem.message()).contains(phrase);
    assertThat(problem.location()).isEqualTo(new InputNode.Location(line, column));
    String where = problem.location().isKnown() ? ":" + line + ":" + column + ": " : ": ";
    assertThat(problem.toString()).startsWith(problem.source() + where + (path.isEmpty() ? "" : path + ": "));
  }
}
