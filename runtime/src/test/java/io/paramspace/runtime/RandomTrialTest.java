package io.paramspace.runtime;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Checks each formula of RandomTrial's Javadoc: against the draws of an Rng with the same seed
 * where the formula is exact, and with 5-sigma bounds over 100k draws where it is a distribution.
 */
class RandomTrialTest {
  private static final int DRAWS = 100_000;

  @Test
  void uniformFloatIsMinPlusUTimesWidth() {
    RandomTrial trial = new RandomTrial(5);
    Rng rng = new Rng(5);
    FloatSpace space = FloatSpace.uniform(-2.0, 3.0);
    for (int i = 0; i < 1000; i++) {
      assertThat(trial.suggestFloat("x", space)).isEqualTo(-2.0 + rng.nextDouble() * 5.0);
    }
  }

  @Test
  void uniformFloatStaysInRangeAndAveragesToTheMidpoint() {
    RandomTrial trial = new RandomTrial(11);
    FloatSpace space = FloatSpace.uniform(0.9, 0.999);
    double sum = 0;
    for (int i = 0; i < DRAWS; i++) {
      double x = trial.suggestFloat("beta2", space);
      assertThat(x).isAtLeast(0.9);
      assertThat(x).isAtMost(0.999);
      sum += x;
    }
    // Uniform on a width w has standard deviation w / sqrt(12).
    double sigma = 0.099 / Math.sqrt(12) / Math.sqrt(DRAWS);
    assertThat(sum / DRAWS).isWithin(5 * sigma).of(0.9495);
  }

  @Test
  void logFloatIsExpOfUniformLog() {
    RandomTrial trial = new RandomTrial(8);
    Rng rng = new Rng(8);
    FloatSpace space = FloatSpace.logUniform(1e-5, 1e-2);
    for (int i = 0; i < 1000; i++) {
      double logMin = StrictMath.log(1e-5);
      double expected = StrictMath.exp(logMin + rng.nextDouble() * (StrictMath.log(1e-2) - logMin));
      assertThat(trial.suggestFloat("lr", space)).isEqualTo(Math.max(1e-5, Math.min(1e-2, expected)));
    }
  }

  @Test
  void logFloatIsLogUniform() {
    RandomTrial trial = new RandomTrial(42);
    FloatSpace space = FloatSpace.logUniform(1e-5, 1e-2);
    double geometricMidpoint = Math.sqrt(1e-5 * 1e-2);
    int below = 0;
    int firstDecade = 0;
    for (int i = 0; i < DRAWS; i++) {
      double x = trial.suggestFloat("lr", space);
      assertThat(x).isAtLeast(1e-5);
      assertThat(x).isAtMost(1e-2);
      if (x < geometricMidpoint) {
        below++;
      }
      if (x < 1e-4) {
        firstDecade++;
      }
    }
    // Half the draws below the geometric midpoint, a third in each of the three decades.
    assertThat(fraction(below)).isWithin(fiveSigma(0.5)).of(0.5);
    assertThat(fraction(firstDecade)).isWithin(fiveSigma(1 / 3.0)).of(1 / 3.0);
  }

  @Test
  void logFloatNeverLeavesItsBoundsAtTheEdges() {
    // exp(log(x)) can round past x; the clamp keeps the ends inside.
    RandomTrial trial = new RandomTrial(1);
    FloatSpace space = FloatSpace.logUniform(0.1, 0.3);
    for (int i = 0; i < DRAWS; i++) {
      double x = trial.suggestFloat("x", space);
      assertThat(space.contains(x)).isTrue();
    }
  }

  @Test
  void steppedFloatIsMinPlusKStepsInDecimal() {
    RandomTrial trial = new RandomTrial(3);
    Rng rng = new Rng(3);
    FloatSpace space = new FloatSpace(0.1, 0.9, false, 0.2);
    double[] grid = {0.1, 0.3, 0.5, 0.7, 0.9}; // the decimal grid, not 0.1 + k * 0.2 in binary
    for (int i = 0; i < 1000; i++) {
      assertThat(trial.suggestFloat("p", space)).isEqualTo(grid[(int) rng.nextLong(5)]);
    }
  }

  @Test
  void steppedFloatReachesEveryGridPointIncludingMax() {
    RandomTrial trial = new RandomTrial(4);
    FloatSpace space = new FloatSpace(0.0, 1.0, false, 0.1);
    Map<Double, Integer> counts = new TreeMap<>();
    for (int i = 0; i < 11_000; i++) {
      double x = trial.suggestFloat("dropout", space);
      assertThat(space.contains(x)).isTrue();
      counts.merge(x, 1, Integer::sum);
    }
    assertThat(counts).hasSize(11);
    assertThat(counts.keySet()).contains(0.0);
    assertThat(counts.keySet()).contains(1.0);
  }

  @Test
  void steppedFloatOnAFineWideGridStaysOnTheGrid() {
    // 10^8 grid points: min + k * step rounds by up to half an ulp of 100000 (7e-12), which is
    // 7e-9 of a step. What RandomTrial draws the space must contain, or ReplayTrial rejects it.
    RandomTrial trial = new RandomTrial(6);
    FloatSpace space = new FloatSpace(0.0, 100_000.0, false, 0.001);
    for (int i = 0; i < 10_000; i++) {
      double x = trial.suggestFloat("x", space);
      assertThat(space.contains(x)).isTrue();
    }
  }

  @Test
  void uniformIntIsMinPlusK() {
    RandomTrial trial = new RandomTrial(9);
    Rng rng = new Rng(9);
    IntSpace space = IntSpace.uniform(2, 12);
    for (int i = 0; i < 1000; i++) {
      assertThat(trial.suggestInt("numBlocks", space)).isEqualTo(2 + rng.nextLong(11));
    }
  }

  @Test
  void uniformIntReachesEveryValueEquallyOften() {
    RandomTrial trial = new RandomTrial(10);
    IntSpace space = IntSpace.uniform(-3, 6);
    long[] counts = new long[10];
    for (int i = 0; i < DRAWS; i++) {
      long k = trial.suggestInt("k", space);
      assertThat(k).isAtLeast(-3L);
      assertThat(k).isAtMost(6L);
      counts[(int) (k + 3)]++;
    }
    assertThat(RngTest.chiSquare(counts, DRAWS)).isLessThan(9 + 5 * Math.sqrt(18));
  }

  @Test
  void steppedIntIsMinPlusKSteps() {
    RandomTrial trial = new RandomTrial(12);
    Rng rng = new Rng(12);
    IntSpace space = new IntSpace(2, 20, false, 3);
    long[] counts = new long[7];
    for (int i = 0; i < 70_000; i++) {
      long k = trial.suggestInt("k", space);
      assertThat(k).isEqualTo(2 + rng.nextLong(7) * 3);
      assertThat(space.contains(k)).isTrue();
      counts[(int) ((k - 2) / 3)]++;
    }
    // Every grid point, 2, 5, ..., 20, equally often: chi-square with 6 degrees of freedom.
    assertThat(RngTest.chiSquare(counts, 70_000)).isLessThan(6 + 5 * Math.sqrt(12));
  }

  @Test
  void logIntIsOptunasFormula() {
    RandomTrial trial = new RandomTrial(13);
    Rng rng = new Rng(13);
    IntSpace space = new IntSpace(16, 512, true, 1);
    for (int i = 0; i < 1000; i++) {
      double low = StrictMath.log(15.5);
      double high = StrictMath.log(512.5);
      long expected = Math.round(StrictMath.exp(low + rng.nextDouble() * (high - low)));
      assertThat(trial.suggestInt("width", space)).isEqualTo(Math.max(16, Math.min(512, expected)));
    }
  }

  @Test
  void logIntFromOneFollowsOptunasProbabilities() {
    // Value k is drawn when exp(...) falls in [k - 0.5, k + 0.5): probability
    // log((k + 0.5) / (k - 0.5)) / log(1000.5 / 0.5). For min = 1 the lower end is log(0.5).
    RandomTrial trial = new RandomTrial(42);
    IntSpace space = new IntSpace(1, 1000, true, 1);
    Map<Long, Integer> counts = new TreeMap<>();
    for (int i = 0; i < DRAWS; i++) {
      long k = trial.suggestInt("units", space);
      assertThat(k).isAtLeast(1L);
      assertThat(k).isAtMost(1000L);
      counts.merge(k, 1, Integer::sum);
    }
    double total = Math.log(1000.5 / 0.5);
    for (long k : new long[] {1, 2, 3, 10, 100}) {
      double p = Math.log((k + 0.5) / (k - 0.5)) / total;
      assertThat(fraction(counts.getOrDefault(k, 0))).isWithin(fiveSigma(p)).of(p);
    }
    assertThat(counts).containsKey(1000L);
  }

  @Test
  void hugeIntRangeStaysInRangeAndCoversBothSigns() {
    long min = Long.MIN_VALUE / 2;
    long max = Long.MAX_VALUE / 2;
    RandomTrial trial = new RandomTrial(14);
    IntSpace space = IntSpace.uniform(min, max);
    int negative = 0;
    for (int i = 0; i < 10_000; i++) {
      long k = trial.suggestInt("seed", space);
      assertThat(k).isAtLeast(min);
      assertThat(k).isAtMost(max);
      if (k < 0) {
        negative++;
      }
    }
    assertThat((double) negative).isWithin(5 * Math.sqrt(10_000 * 0.25)).of(5_000);
  }

  @Test
  void fullLongRangeWorks() {
    RandomTrial trial = new RandomTrial(15);
    IntSpace space = IntSpace.uniform(Long.MIN_VALUE, Long.MAX_VALUE);
    List<Long> draws = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      draws.add(trial.suggestInt("any", space));
    }
    assertThat(draws.stream().distinct().count()).isEqualTo(100L);
  }

  @Test
  void steppedHugeIntRangeStaysOnItsGrid() {
    // 2^63 even numbers: more grid points than a positive long can count.
    RandomTrial trial = new RandomTrial(16);
    IntSpace space = new IntSpace(Long.MIN_VALUE, Long.MAX_VALUE - 1, false, 2);
    for (int i = 0; i < 1000; i++) {
      long k = trial.suggestInt("even", space);
      assertThat(k % 2).isEqualTo(0L);
      assertThat(space.contains(k)).isTrue();
    }
  }

  @Test
  void steppedFullLongRangeWithOddStepWorks() {
    // 2^64 - 1 = 3 * 6148914691236517205: the whole long range in steps of 3.
    IntSpace space = new IntSpace(Long.MIN_VALUE, Long.MAX_VALUE, false, 3);
    RandomTrial trial = new RandomTrial(17);
    for (int i = 0; i < 1000; i++) {
      long k = trial.suggestInt("k", space);
      assertThat(space.contains(k)).isTrue();
      assertThat(Long.remainderUnsigned(k - Long.MIN_VALUE, 3)).isEqualTo(0L);
    }
    assertThat(space.contains(Long.MIN_VALUE + 1)).isFalse();
  }

  @Test
  void categoricalIsFirstChoiceWhoseCumulativeWeightExceedsUTimesTotal() {
    RandomTrial trial = new RandomTrial(18);
    Rng rng = new Rng(18);
    CategoricalSpace<String> space = CategoricalSpace.weighted(List.of("a", "b", "c"), 1, 3, 6);
    for (int i = 0; i < 1000; i++) {
      double target = rng.nextDouble() * 10;
      String expected = target < 1 ? "a" : target < 4 ? "b" : "c";
      assertThat(trial.suggestCategorical("x", space)).isEqualTo(expected);
    }
  }

  @Test
  void weightedCategoricalFrequenciesMatchWeights() {
    RandomTrial trial = new RandomTrial(42);
    CategoricalSpace<String> space = CategoricalSpace.weighted(List.of("adam", "sgd", "rmsprop"), 1, 3, 6);
    Map<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < DRAWS; i++) {
      counts.merge(trial.suggestCategorical("optimizer", space), 1, Integer::sum);
    }
    assertThat(fraction(counts.get("adam"))).isWithin(fiveSigma(0.1)).of(0.1);
    assertThat(fraction(counts.get("sgd"))).isWithin(fiveSigma(0.3)).of(0.3);
    assertThat(fraction(counts.get("rmsprop"))).isWithin(fiveSigma(0.6)).of(0.6);
  }

  @Test
  void categoricalKeepsRealTypes() {
    RandomTrial trial = new RandomTrial(19);
    CategoricalSpace<Integer> ints = CategoricalSpace.of(16, 32, 64);
    CategoricalSpace<Boolean> bools = CategoricalSpace.of(true, false);
    for (int i = 0; i < 100; i++) {
      assertThat(trial.suggestCategorical("batch", ints)).isIn(List.of(16, 32, 64));
      assertThat(trial.suggestCategorical("flag", bools)).isInstanceOf(Boolean.class);
    }
  }

  @Test
  void sameSeedGivesSameSequenceOtherSeedAnother() {
    assertThat(mixedDraws(new RandomTrial(42))).isEqualTo(mixedDraws(new RandomTrial(42)));
    assertThat(mixedDraws(new RandomTrial(new Rng(42)))).isEqualTo(mixedDraws(new RandomTrial(42)));
    assertThat(mixedDraws(new RandomTrial(43))).isNotEqualTo(mixedDraws(new RandomTrial(42)));
  }

  @Test
  void namesDoNotChangeTheDraws() {
    RandomTrial a = new RandomTrial(20);
    RandomTrial b = new RandomTrial(20);
    assertThat(a.suggestFloat("one", FloatSpace.uniform(0, 1))).isEqualTo(b.suggestFloat("other", FloatSpace.uniform(0, 1)));
  }

  private static List<Object> mixedDraws(RandomTrial trial) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      out.add(trial.suggestFloat("f", FloatSpace.logUniform(1e-5, 1e-2)));
      out.add(trial.suggestInt("i", IntSpace.uniform(2, 12)));
      out.add(trial.suggestInt("l", new IntSpace(1, 1024, true, 1)));
      out.add(trial.suggestCategorical("c", CategoricalSpace.of("adam", "sgd")));
    }
    return out;
  }

  private static double fraction(int count) {
    return (double) count / DRAWS;
  }

  private static double fiveSigma(double p) {
    return 5 * Math.sqrt(p * (1 - p) / DRAWS);
  }
}
