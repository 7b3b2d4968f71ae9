package io.paramspace.study.storage;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Distribution.CategoricalDistribution;
import io.paramspace.runtime.Distribution.FloatDistribution;
import io.paramspace.runtime.Distribution.IntDistribution;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The texts are those Optuna 3.1 wrote in the reference study. */
class DistributionJsonTest {
  private static final Map<Distribution, String> OPTUNA = Map.of(
      new FloatDistribution(-1.0, 1.0, false, null),
      "{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": null, \"low\": -1.0, \"high\": 1.0, \"log\": false}}",
      new FloatDistribution(1e-5, 0.01, true, null),
      "{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": null, \"low\": 1e-05, \"high\": 0.01, \"log\": true}}",
      new FloatDistribution(0.0, 0.5, false, 0.1),
      "{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": 0.1, \"low\": 0.0, \"high\": 0.5, \"log\": false}}",
      new IntDistribution(1, 9, false, 2),
      "{\"name\": \"IntDistribution\", \"attributes\": {\"log\": false, \"step\": 2, \"low\": 1, \"high\": 9}}",
      new IntDistribution(16, 128, true, 1),
      "{\"name\": \"IntDistribution\", \"attributes\": {\"log\": true, \"step\": 1, \"low\": 16, \"high\": 128}}",
      categorical("adam", "sgd"),
      "{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [\"adam\", \"sgd\"]}}",
      categorical(true, false),
      "{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [true, false]}}",
      categorical(32L, 64L),
      "{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [32, 64]}}",
      categorical(0.5, 1.5),
      "{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [0.5, 1.5]}}");

  static CategoricalDistribution categorical(Object... choices) {
    return new CategoricalDistribution(List.of(choices), java.util.Collections.nCopies(choices.length, 1.0));
  }

  @Test
  void writesOptunasTextsAndReadsThemBack() {
    OPTUNA.forEach((distribution, json) -> {
      assertThat(DistributionJson.write(distribution)).isEqualTo(json);
      assertThat(DistributionJson.read(json)).isEqualTo(distribution);
    });
  }

  @Test
  void weightsAreNotOptunasAndAreNotWritten() {
    var weighted = new CategoricalDistribution(List.of("a", "b"), List.of(3.0, 1.0));
    assertThat(DistributionJson.write(weighted))
        .isEqualTo("{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [\"a\", \"b\"]}}");
  }

  @Test
  void nonAsciiChoicesAreEscapedAsPythonDoes() {
    assertThat(DistributionJson.write(categorical("größe", "a\"b")))
        .isEqualTo("{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [\"gr\\u00f6\\u00dfe\", \"a\\\"b\"]}}");
    assertThat(DistributionJson.read(DistributionJson.write(categorical("größe")))).isEqualTo(categorical("größe"));
  }

  @Test
  void readsOptuna2Distributions() {
    assertThat(DistributionJson.read("{\"name\": \"LogUniformDistribution\", \"attributes\": {\"low\": 0.001, \"high\": 1.0}}"))
        .isEqualTo(new FloatDistribution(0.001, 1.0, true, null));
    assertThat(DistributionJson.read("{\"name\": \"DiscreteUniformDistribution\", \"attributes\": {\"low\": 0.0, \"high\": 1.0, \"q\": 0.25}}"))
        .isEqualTo(new FloatDistribution(0.0, 1.0, false, 0.25));
    assertThat(DistributionJson.read("{\"name\": \"IntUniformDistribution\", \"attributes\": {\"low\": 1, \"high\": 5, \"step\": 2}}"))
        .isEqualTo(new IntDistribution(1, 5, false, 2));
  }

  @Test
  void unknownTextsAreNamed() {
    StorageException e = assertThrows(StorageException.class,
        () -> DistributionJson.read("{\"name\": \"BetaDistribution\", \"attributes\": {}}"));
    assertThat(e).hasMessageThat().contains("'BetaDistribution' is not a distribution Optuna 3 writes");
  }

  @Property
  void floatBoundsRoundTrip(@ForAll @DoubleRange(min = -1e12, max = 1e12) double low, @ForAll @DoubleRange(min = 0.0, max = 1e12) double width) {
    var d = new FloatDistribution(low, low + width, false, null);
    assertThat(DistributionJson.read(DistributionJson.write(d))).isEqualTo(d);
  }
}
