package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.runtime.RandomTrial;
import io.paramspace.runtime.Rng;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Grids (see {@link SteppedConfig}): stepped ranges give only {@code min + k * step}, each equally
 * often; a log int range gives every integer, with Optuna's log-uniform frequencies.
 */
class SteppedRangeSamplesTest {
  private static final int SAMPLES = 100_000;
  private static List<SteppedConfig> configs;

  @BeforeAll
  static void sample() {
    Rng rng = new Rng(99);
    configs = Stream.generate(() -> SteppedConfigSpace.sample(new RandomTrial(rng))).limit(SAMPLES).toList();
  }

  @Test
  void steppedDoublesAreOnTheGridAndCoverIt() {
    // The grid as written: 0.3, not 0.1 + 2 * 0.1 = 0.30000000000000004 in binary arithmetic.
    List<Double> grid = List.of(0.1, 0.2, 0.3, 0.4, 0.5);
    assertUniformOver("dropout", SteppedConfig::dropout, grid);
  }

  @Test
  void steppedFloatsAreOnTheGridAndCoverIt() {
    assertUniformOver("ratio", SteppedConfig::ratio, List.of(0f, 0.25f, 0.5f, 0.75f, 1f));
  }

  @Test
  void steppedIntsAreOnTheGridAndCoverIt() {
    assertUniformOver("width", SteppedConfig::width, IntStream.iterate(16, w -> w <= 256, w -> w + 16).boxed().toList());
  }

  @Test
  void steppedLongsWithANegativeMinimumAreOnTheGridAndCoverIt() {
    assertUniformOver("offset", SteppedConfig::offset, LongStream.of(-10, -5, 0, 5, 10).boxed().toList());
  }

  @Test
  void logIntsCoverEveryIntegerWithLogUniformFrequencies() {
    Map<Integer, Long> counts = counts(SteppedConfig::heads);
    assertThat(counts.keySet()).containsExactlyElementsIn(IntStream.rangeClosed(1, 64).boxed().toList());
    // round(exp(u)) with u uniform in [log(0.5), log(64.5)]: k is drawn with probability
    // log((k + 0.5) / (k - 0.5)) / log(129); 1 alone takes log(3) / log(129) = 22.6%.
    double logWidth = Math.log(64.5 / 0.5);
    Frequencies.assertBinomial("heads = 1", counts.get(1), SAMPLES, Math.log(3) / logWidth);
    Frequencies.assertBinomial("heads = 64", counts.get(64), SAMPLES, Math.log(64.5 / 63.5) / logWidth);
    long upToEight = counts.entrySet().stream().filter(e -> e.getKey() <= 8).mapToLong(Map.Entry::getValue).sum();
    Frequencies.assertBinomial("heads <= 8", upToEight, SAMPLES, Math.log(8.5 / 0.5) / logWidth);
  }

  /** Only {@code grid} values, each drawn with probability 1 / grid size. */
  private static <V> void assertUniformOver(String field, Function<SteppedConfig, V> value, List<V> grid) {
    Map<V, Long> counts = counts(value);
    assertThat(counts.keySet()).containsExactlyElementsIn(grid);
    for (V point : grid) {
      Frequencies.assertBinomial(field + " = " + point, counts.get(point), SAMPLES, 1.0 / grid.size());
    }
  }

  private static <V> Map<V, Long> counts(Function<SteppedConfig, V> value) {
    return configs.stream().collect(Collectors.groupingBy(value, Collectors.counting()));
  }
}
