package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static io.paramspace.sample.SpaceAt.at;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FixedSpace;
import io.paramspace.runtime.InputFormat;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.Overrides;
import io.paramspace.runtime.PolymorphicSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The override template (apply it unchanged: nothing changes) and the space hash. */
class OverrideTemplateAndHashTest {
  /** SHA-256 of TrainingConfig's canonical tree; changes only if the space or the tree layout does. */
  private static final String TRAINING_CONFIG_HASH =
      "196f2cf8077d279b518bd24b17fd142eca810f7e6ec1fa4a30b172d00e798b11";

  @ParameterizedTest
  @EnumSource(InputFormat.class)
  void theUnchangedTemplateGivesTheBaseSpace(InputFormat format) {
    String training = TrainingConfigSpace.space().overrideTemplate(format);
    ConfigSpace<?> fromTraining = TrainingConfigSpace.space().narrow(Overrides.parse(training, format, "template"));
    assertThat(fromTraining).isEqualTo(TrainingConfigSpace.space());
    assertThat(fromTraining.hash()).isEqualTo(TrainingConfigSpace.space().hash());

    // Weights, steps, log scales, a long, a float and a conditional config: all kept as they are.
    String tuning = TuningConfigSpace.space().overrideTemplate(format);
    ConfigSpace<?> fromTuning = TuningConfigSpace.space().narrow(Overrides.parse(tuning, format, "template"));
    assertThat(fromTuning).isEqualTo(TuningConfigSpace.space());
    assertThat(fromTuning.hash()).isEqualTo(TuningConfigSpace.space().hash());
    for (long seed = 0; seed < 50; seed++) {
      assertThat(TuningConfigSpace.space().narrow(Overrides.parse(tuning, format, "template")).random(seed))
          .isEqualTo(TuningConfigSpace.random(seed));
    }
  }

  @Test
  void theDefaultTemplateIsJsonInTheOverrideGrammar() {
    String template = TrainingConfigSpace.space().overrideTemplate();
    assertThat(template).isEqualTo(TrainingConfigSpace.space().overrideTemplate(InputFormat.JSON));
    assertThat(template).contains("""
          "optimizer" : {
            "name" : [ "adam", "sgd" ],
            "learningRate" : {
              "min" : 1.0E-5,
              "max" : 0.01
            },
            "momentum" : {
              "true" : {
                "min" : 0.0,
                "max" : 0.99
              }
            },
        """);
    assertThat(template).contains("""
            "useCheckpoint" : {
              "true" : true,
              "false" : false
            }
        """);
    assertThat(template).endsWith("""
          "batchSize" : {
            "min" : 16,
            "max" : 128
          }
        }
        """);
  }

  @Test
  void editingOneValueOfTheTemplateChangesJustThat() {
    ConfigSpace<?> base = TrainingConfigSpace.space();
    Map<InputFormat, String[]> edits = new LinkedHashMap<>();
    edits.put(InputFormat.JSON, new String[] {"\"min\" : 16,\n    \"max\" : 128", "\"min\" : 16,\n    \"max\" : 64"});
    edits.put(InputFormat.YAML, new String[] {"  min: 16\n  max: 128", "  min: 16\n  max: 64"});
    edits.put(InputFormat.TOML, new String[] {"batchSize.max = 128", "batchSize.max = 64"});
    for (Map.Entry<InputFormat, String[]> edit : edits.entrySet()) {
      String template = TrainingConfigSpace.space().overrideTemplate(edit.getKey());
      assertWithMessage("%s template", edit.getKey()).that(template).contains(edit.getValue()[0]);
      String edited = template.replace(edit.getValue()[0], edit.getValue()[1]);
      ConfigSpace<?> narrowed = TrainingConfigSpace.space().narrow(Overrides.parse(edited, edit.getKey(), "edited"));

      assertThat(at(narrowed, "batchSize")).isEqualTo(IntSpace.uniform(16, 64));
      assertThat(at(narrowed, "model")).isEqualTo(at(base, "model"));
      assertThat(at(narrowed, "optimizer")).isEqualTo(at(base, "optimizer"));
    }
  }

  @Test
  void removingAChoiceOrABranchFromTheTemplateNarrowsTheSpace() {
    String template = TrainingConfigSpace.space().overrideTemplate(InputFormat.YAML);
    String edited = template
        .replace("  name:\n  - \"adam\"\n  - \"sgd\"\n", "  name:\n  - \"sgd\"\n")
        .replaceAll("(?s)    ConvConfig:.*?(  numBlocks:)", "$1");
    ConfigSpace<?> narrowed = TrainingConfigSpace.space().narrow(Overrides.parse(edited, InputFormat.YAML, "edited"));

    assertThat(at(narrowed, "optimizer.name")).isEqualTo(FixedSpace.of("sgd"));
    assertThat(at(narrowed, "model.blockConfig")).isEqualTo(
        PolymorphicSpace.of(DenseConfigSpace.space()));
    assertThat(at(narrowed, "batchSize")).isEqualTo(at(TrainingConfigSpace.space(), "batchSize"));
  }

  @Test
  void theSpaceHashOfTrainingConfigIsPinned() {
    assertThat(TrainingConfigSpace.space().hash()).isEqualTo(TRAINING_CONFIG_HASH);
    assertThat(TrainingConfigSpace.space().narrow(Overrides.none()).hash()).isEqualTo(TRAINING_CONFIG_HASH);
    assertThat(TrainingConfigSpace.space().hash()).isEqualTo(TRAINING_CONFIG_HASH);
    assertThat(TrainingConfigSpace.space().hash()).matches("[0-9a-f]{64}");
  }

  @Test
  void equalOverridesWrittenDifferentlyHashEqual() {
    String typed = TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides()
        .batchSize(32, 64)
        .optimizer(o -> o.name("adam").learningRateBetween(1e-4, 1e-3))
        .model(m -> m.blockConfig(b -> b.denseConfig(d -> d.numLayers(4))))).hash();
    String map = TrainingConfigSpace.space().narrow(Overrides.fromMap(Map.of(
        "model", Map.of("blockConfig", Map.of("DenseConfig", Map.of("numLayers", List.of(4)))),
        "optimizer", Map.of("learningRate", Map.of("max", 0.001, "min", 0.0001), "name", List.of("adam")),
        "batchSize", List.of(32, 64)))).hash();
    String yaml = TrainingConfigSpace.space().narrow(Overrides.parse("""
        optimizer:
          name: adam
          learningRate: {min: 1.0e-4, max: 1.0e-3}
          momentum: {false: null}
        batchSize: [32, 64]
        model:
          blockConfig: {DenseConfig: {numLayers: 4}}
          useCheckpoint: {true: true}
        """, InputFormat.YAML, "o.yaml")).hash();
    String toml = TrainingConfigSpace.space().narrow(Overrides.parse("""
        batchSize = [32, 64]
        optimizer.name = "adam"
        optimizer.learningRate = { min = 0.0001, max = 0.001 }
        model.blockConfig.DenseConfig.numLayers = 4
        """, InputFormat.TOML, "o.toml")).hash();

    assertThat(map).isEqualTo(typed);
    assertThat(yaml).isEqualTo(typed);
    assertThat(toml).isEqualTo(typed);
    assertThat(typed).isNotEqualTo(TRAINING_CONFIG_HASH);
  }

  @Test
  void everyNarrowingChangesTheHash() {
    List<Overrides> narrowings = new ArrayList<>();
    narrowings.add(TrainingConfigSpace.overrides().batchSize(32));
    narrowings.add(TrainingConfigSpace.overrides().batchSize(33));
    narrowings.add(TrainingConfigSpace.overrides().batchSize(32, 64));
    narrowings.add(TrainingConfigSpace.overrides().batchSize(32, 64, 128));
    narrowings.add(TrainingConfigSpace.overrides().batchSizeBetween(16, 127));
    narrowings.add(TrainingConfigSpace.overrides().batchSizeBetween(17, 128));
    narrowings.add(TrainingConfigSpace.overrides().optimizer(o -> o.name("adam")));
    narrowings.add(TrainingConfigSpace.overrides().optimizer(o -> o.name("sgd")));
    narrowings.add(TrainingConfigSpace.overrides().optimizer(o -> o.learningRateBetween(1e-5, 0.009)));
    narrowings.add(TrainingConfigSpace.overrides().optimizer(o -> o.learningRate(1e-3)));
    narrowings.add(TrainingConfigSpace.overrides().optimizer(o -> o.momentumBetween(0.0, 0.9)));
    narrowings.add(TrainingConfigSpace.overrides().optimizer(o -> o.beta2(0.99)));
    narrowings.add(TrainingConfigSpace.overrides().model(m -> m.numBlocks(12)));
    narrowings.add(TrainingConfigSpace.overrides().model(m -> m.numBlocks(2, 12)));
    narrowings.add(TrainingConfigSpace.overrides().model(m -> m.blockConfig(b -> b.denseConfig())));
    narrowings.add(TrainingConfigSpace.overrides().model(m -> m.blockConfig(b -> b.convConfig())));
    narrowings.add(TrainingConfigSpace.overrides().model(m -> m.blockConfig(b -> b
        .denseConfig(d -> d.activation(Activation.GELU)).convConfig())));
    narrowings.add(TrainingConfigSpace.overrides().model(m -> m.blockConfig(b -> b
        .denseConfig(d -> d.activation(Activation.GELU, Activation.MISH)).convConfig())));
    narrowings.add(TrainingConfigSpace.overrides().model(m -> m.blockConfig(b -> b
        .denseConfig().convConfig(c -> c.normInput(true)))));
    narrowings.add(TrainingConfigSpace.overrides().model(m -> m.blockConfig(b -> b
        .denseConfig().convConfig(c -> c.dropoutRateBetween(0.05, 0.25)))));

    List<String> hashes = new ArrayList<>();
    hashes.add(TrainingConfigSpace.space().hash());
    for (Overrides narrowing : narrowings) {
      hashes.add(TrainingConfigSpace.space().narrow(narrowing).hash());
    }
    assertThat(hashes).containsNoDuplicates();
  }

  @Test
  void weightsArePartOfTheHash() {
    // Same choices, different weights: sampling differs, so the hash must too.
    ConfigSpace<?> base = TuningConfigSpace.space();
    int index = base.indexOf("optimizer");
    List<FieldSpace> fields = new ArrayList<>(base.fields());
    fields.set(index, new FieldSpace("optimizer", String.class,
        CategoricalSpace.of("adam", "sgd", "rmsprop")));
    assertThat(base.withFields(fields).hash()).isNotEqualTo(base.hash());
  }
}
