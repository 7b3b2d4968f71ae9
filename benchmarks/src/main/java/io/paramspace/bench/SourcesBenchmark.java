package io.paramspace.bench;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Overrides;
import io.paramspace.sample.TrainingConfig;
import io.paramspace.sample.TrainingConfigSpace;
import io.paramspace.sweep.GridSource;
import io.paramspace.sweep.RandomSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Indexed sources (issue 8): {@link GridSource#get} and {@link GridSource#indexOf} on a grid of
 * more than 10^12 TrainingConfigs, {@link RandomSource#get} with n = 10^9, and {@code
 * TrainingConfigSpace.random(seed)} as the reference point, all in one run.
 *
 * <p>The grid is TrainingConfig narrowed so that every continuous parameter is a list of values
 * ({@link #GRID_OVERRIDES}); the int ranges, enums, booleans and both block branches stay whole.
 * Its size is checked in {@link #setUp}. Indices (and, for {@code indexOf}, the configs at them)
 * are drawn once into arrays of {@link #SLOTS} and walked by a counter masked to the array, so
 * that every call sees another index and the draw is not measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SourcesBenchmark {
  /** A power of two, for the mask. */
  static final int SLOTS = 1 << 12;

  static final long RANDOM_N = 1_000_000_000L;
  static final long RANDOM_SEED = 42L;

  /**
   * Lists for the continuous parameters, each strictly inside its range: learningRate 200 values
   * (log-spaced in [1e-5, 1e-2]), beta2 and momentum 200 each, dropoutRate 10 in both blocks.
   * That gives optimizer 200 * (200 + 200) = 80,000 choices; with numBlocks (11), batchSize (113)
   * and the blocks (dense 11 * 4 * 2 * (1 + 10), conv 11 * 4 * 64 * 2 * (1 + 10)): 6,256,764,800,000 configs.
   */
  static final Map<String, Object> GRID_OVERRIDES =
      Map.of(
          "optimizer",
          Map.of(
              "learningRate", logSpaced(1e-5, 1e-2, 200),
              "beta2", linSpaced(0.9, 0.999, 200),
              "momentum", linSpaced(0.0, 0.99, 200)),
          "model",
          Map.of(
              "blockConfig",
              Map.of(
                  "DenseConfig", Map.of("dropoutRate", linSpaced(0.05, 0.5, 10)),
                  "ConvConfig", Map.of("dropoutRate", linSpaced(0.05, 0.5, 10)))));

  private GridSource<TrainingConfig> grid;
  private RandomSource<TrainingConfig> random;
  private final long[] gridIndices = new long[SLOTS];
  private final TrainingConfig[] gridConfigs = new TrainingConfig[SLOTS];
  private final long[] randomIndices = new long[SLOTS];
  private int next;
  private long seed;

  @Setup
  public void setUp() {
    ConfigSpace<TrainingConfig> space = TrainingConfigSpace.space();
    grid = GridSource.of(space.narrow(Overrides.fromMap(GRID_OVERRIDES)));
    if (grid.size() <= 1_000_000_000_000L) {
      throw new IllegalStateException("the grid has only " + grid.size() + " configs, not > 10^12");
    }
    random = RandomSource.of(space, RANDOM_N, RANDOM_SEED);
    SplittableRandom rng = new SplittableRandom(8);
    for (int i = 0; i < SLOTS; i++) {
      gridIndices[i] = rng.nextLong(grid.size());
      gridConfigs[i] = grid.get(gridIndices[i]);
      if (grid.indexOf(gridConfigs[i]) != gridIndices[i]) {
        throw new IllegalStateException("indexOf(get(" + gridIndices[i] + ")) != " + gridIndices[i]);
      }
      randomIndices[i] = rng.nextLong(RANDOM_N);
    }
    System.out.println("# " + grid);
  }

  @Benchmark
  public TrainingConfig gridGet() {
    return grid.get(gridIndices[next++ & (SLOTS - 1)]);
  }

  @Benchmark
  public long gridIndexOf() {
    return grid.indexOf(gridConfigs[next++ & (SLOTS - 1)]);
  }

  @Benchmark
  public TrainingConfig randomGet() {
    return random.get(randomIndices[next++ & (SLOTS - 1)]);
  }

  /** The reference: one seeded config from the generated code, as in SamplingBenchmark. */
  @Benchmark
  public TrainingConfig generatedRandom() {
    return TrainingConfigSpace.random(seed++);
  }

  private static List<Double> linSpaced(double min, double max, int count) {
    // Strictly inside [min, max]: the ends are left out, so rounding cannot step outside.
    List<Double> values = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      values.add(min + (max - min) * i / (count + 1));
    }
    return values;
  }

  private static List<Double> logSpaced(double min, double max, int count) {
    double logMin = Math.log(min);
    double logMax = Math.log(max);
    List<Double> values = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      values.add(Math.exp(logMin + (logMax - logMin) * i / (count + 1)));
    }
    return values;
  }
}
