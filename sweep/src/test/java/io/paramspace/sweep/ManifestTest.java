package io.paramspace.sweep;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Overrides;
import io.paramspace.sample.TrainingConfig;
import io.paramspace.sample.TrainingConfigSpace;
import io.paramspace.sweep.testing.DrawingSpace;
import io.paramspace.sweep.testing.Inner;
import io.paramspace.sweep.testing.OuterSpace;
import io.paramspace.sweep.testing.Seeded;
import io.paramspace.sweep.testing.SeededSpace;
import io.paramspace.sweep.testing.Small;
import io.paramspace.sweep.testing.SmallSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestTest {
  static final ConfigSpace<TrainingConfig> NARROWED = TrainingConfigSpace.space().narrow(Overrides.fromMap(Map.of(
      "optimizer", Map.of("learningRate", List.of(1e-4, 1e-3), "momentum", List.of(0.5, 0.9), "beta2", 0.99),
      "model", Map.of("numBlocks", List.of(4, 9), "blockConfig", Map.of(
          "DenseConfig", Map.of("numLayers", List.of(2, 3), "activation", List.of("RELU", "GELU"),
              "dropoutRate", List.of(0.1, 0.2)),
          "ConvConfig", Map.of("numLayers", List.of(2, 3), "activation", List.of("RELU", "GELU"), "kernelSize", 3,
              "dropoutRate", 0.1))),
      "batchSize", List.of(32, 64))));

  static Stream<ConfigSequence<?>> sequences() {
    Seeded base = new Seeded("adam", 1e-3, null, 32, 0, new Inner("fast", 0.5));
    Sweep<Seeded> baseline = Sweep.over(SeededSpace.space(), base);
    return Stream.of(
        GridSource.of(SmallSpace.space()),
        GridSource.of(DrawingSpace.space().narrow(DrawingSpace.overrides().shape(b -> b.square()))),
        GridSource.of(OuterSpace.space()),
        GridSource.of(NARROWED),
        RandomSource.of(TrainingConfigSpace.space(), 20, 42),
        RandomSource.of(NARROWED, 10, -7),
        ManualSource.of(SmallSpace.space(), List.of(new Small("a", false, null, null), new Small("b", true, 3, "x")),
            List.of("ablation", "v2")),
        Sweep.from(GridSource.of(SmallSpace.space())).set("flag", false),
        baseline.product("learningRate", 1e-4, 1e-3).zip(Axis.of("batchSize", 16, 32), Axis.of("inner.mode", "fast", "slow"))
            .repeat(2, "seed"),
        baseline.chain(baseline.set("inner.ratio", 0.25), baseline.set(new LinkedHashMap<>(Map.of("optimizer", "sgd",
            "momentum", 0.9)))).product(Sweep.over(SeededSpace.space()).product("seed", 1, 2)).repeat(2),
        Sweep.over(TrainingConfigSpace.space(), TrainingConfigSpace.random(5))
            .product("model.numBlocks", 3, 4).product("batchSize", 16, 17),
        Sweep.from(RandomSource.of(NARROWED, 3, 1)).zip(Sweep.over(NARROWED).product("batchSize", 32, 64, 32)));
  }

  @ParameterizedTest
  @MethodSource("sequences")
  void aManifestRebuildsTheSameSequenceInJsonAndYaml(ConfigSequence<?> sequence) {
    Manifest manifest = sequence.toManifest();
    for (String text : List.of(manifest.toJson(), manifest.toYaml())) {
      ConfigSequence<?> rebuilt = Manifest.parse(text, "test").sequence();
      assertThat(rebuilt.getClass()).isEqualTo(sequence.getClass());
      assertThat(rebuilt.size()).isEqualTo(sequence.size());
      assertThat(rebuilt.space().hash()).isEqualTo(sequence.space().hash());
      assertThat(rebuilt.toList()).isEqualTo(sequence.toList());
      assertThat(rebuilt.toManifest()).isEqualTo(manifest);
    }
  }

  @Test
  void theManifestShowsFormatVersionHashAndKind(@TempDir Path dir) throws Exception {
    Manifest manifest = RandomSource.of(SmallSpace.space(), 5, 3).toManifest();
    assertThat(manifest.toJson()).contains("\"format\" : \"paramspace-manifest\"");
    assertThat(manifest.toJson()).contains("\"version\" : 1");
    assertThat(manifest.toJson()).contains("\"hash\" : \"" + SmallSpace.space().hash() + "\"");
    assertThat(manifest.toJson()).contains("\"type\" : \"io.paramspace.sweep.testing.Small\"");
    Path yaml = dir.resolve("m.yaml");
    manifest.write(yaml);
    assertThat(Files.readString(yaml)).contains("kind: random");
    assertThat(Manifest.read(yaml).sequence().toList()).isEqualTo(RandomSource.of(SmallSpace.space(), 5, 3).toList());
  }

  @Test
  void aChangedSpaceIsAClearErrorThatSaysTheHashesDiffer(@TempDir Path dir) throws Exception {
    String text = GridSource.of(SmallSpace.space()).toManifest().toJson()
        .replace(SmallSpace.space().hash(), "0123abcd");
    Path file = dir.resolve("grid.json");
    Files.writeString(file, text);
    ManifestException e = assertThrows(ManifestException.class, () -> Manifest.read(file).sequence(file.toString()));
    assertThat(e).hasMessageThat().startsWith(file + ": space.hash: the space of Small has changed since this manifest"
        + " was written: the manifest has hash 0123abcd, the space on the classpath has " + SmallSpace.space().hash());
  }

  @Test
  void badManifestsNameTheKey() {
    assertThat(assertThrows(ManifestException.class, () -> Manifest.parse("{\"format\": \"x\"}", "m.json")))
        .hasMessageThat().isEqualTo("m.json: format: is \"x\"; a manifest has \"format\": \"paramspace-manifest\"");
    assertThat(assertThrows(ManifestException.class,
        () -> Manifest.parse("{\"format\": \"paramspace-manifest\", \"version\": 9}", "m.json")))
        .hasMessageThat().contains("m.json: version: is number 9; this release reads version 1 (the manifest was written by a newer release)");
    String noClass = GridSource.of(SmallSpace.space()).toManifest().toJson().replace("testing.Small", "testing.Smal");
    assertThat(assertThrows(ManifestException.class, () -> Manifest.parse(noClass, "m.json").sequence("m.json")))
        .hasMessageThat().startsWith("m.json: space.type: ");
    String badN = RandomSource.of(SmallSpace.space(), 5, 3).toManifest().toJson().replace("\"n\" : 5", "\"n\" : \"five\"");
    assertThat(assertThrows(ManifestException.class, () -> Manifest.parse(badN, "m.json").sequence("m.json")))
        .hasMessageThat().isEqualTo("m.json: n: is \"five\"; expected an integer");
    String badValue = Sweep.over(SmallSpace.space()).product("kind", "a", "b").toManifest().toJson().replace("\"b\"", "\"z\"");
    assertThat(assertThrows(ManifestException.class, () -> Manifest.parse(badValue, "m.json").sequence("m.json")))
        .hasMessageThat().isEqualTo("m.json: expression: kind = 'z': is not a choice; choose one of 'a', 'b', 'c'");
    assertThat(assertThrows(ManifestException.class, () -> Manifest.parse("{oops", "m.json")))
        .hasMessageThat().startsWith("m.json: is not valid JSON or YAML at line 1");
  }
}
