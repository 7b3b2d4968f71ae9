package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.runtime.RandomTrial;
import io.paramspace.runtime.Rng;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @Choice(weights = ...)} on each kind of categorical (see {@link WeightedConfig}): every
 * choice is drawn with probability weight / sum, within 5σ over 100,000 samples of a fixed seed.
 */
class WeightedChoiceSamplesTest {
  private static final int SAMPLES = 100_000;
  private static List<WeightedConfig> configs;

  @BeforeAll
  static void sample() {
    Rng rng = new Rng(7);
    configs = Stream.generate(() -> WeightedConfigSpace.sample(new RandomTrial(rng))).limit(SAMPLES).toList();
  }

  @Test
  void weightedStrings() {
    assertFrequencies("size", WeightedConfig::size, Map.of("small", 1.0, "medium", 2.0, "large", 5.0));
  }

  @Test
  void weightedEnumConstantsOnlyTheChosenOnes() {
    // MISH is not listed in the @Choice, so it never appears.
    assertFrequencies("activation", WeightedConfig::activation,
        Map.of(Activation.RELU, 6.0, Activation.GELU, 3.0, Activation.SILU, 1.0));
  }

  @Test
  void weightedSealedInterfaceBranches() {
    assertFrequencies("shape", c -> c.shape().getClass().getSimpleName(),
        Map.of("Circle", 1.0, "Square", 3.0, "Triangle", 4.0));
  }

  @Test
  void weightedInts() {
    assertFrequencies("width", WeightedConfig::width, Map.of(16, 2.0, 32, 1.0, 64, 1.0));
  }

  @Test
  void booleanWeightedWithoutListingItsValues() {
    assertFrequencies("shuffle", WeightedConfig::shuffle, Map.of(true, 9.0, false, 1.0));
  }

  @Test
  void treeShowsTheWeights() {
    assertThat(WeightedConfigSpace.tree()).contains("""
        ├─ size: Categorical
        │  ├─ 'small' (weight=1.0)
        │  ├─ 'medium' (weight=2.0)
        │  └─ 'large' (weight=5.0)
        """);
    assertThat(WeightedConfigSpace.tree()).contains("├─ shape: Categorical\n│  ├─ Circle (weight=1.0)\n");
  }

  /** Every observed value is a key of {@code weights}, each with frequency weight / sum. */
  private static <V> void assertFrequencies(String field, Function<WeightedConfig, V> value, Map<V, Double> weights) {
    Map<V, Long> counts = configs.stream().collect(Collectors.groupingBy(value, Collectors.counting()));
    assertThat(counts.keySet()).containsExactlyElementsIn(weights.keySet());
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    weights.forEach((choice, weight) ->
        Frequencies.assertBinomial(field + " = " + choice, counts.get(choice), SAMPLES, weight / total));
  }
}
