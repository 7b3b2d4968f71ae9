package io.paramspace.bench;

import io.paramspace.sample.TrainingConfig;
import io.paramspace.sample.TrainingConfigSpace;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One seeded TrainingConfig: the generated {@code TrainingConfigSpace.random(seed)} against
 * {@link HandWrittenTrainingSampler}, which makes the same draws and returns the same config.
 * The seed changes on every call so that neither the JIT nor the branch predictor sees one
 * config over and over; returning the config keeps it alive.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SamplingBenchmark {
  private long seed;

  @Benchmark
  public TrainingConfig generated() {
    return TrainingConfigSpace.random(seed++);
  }

  /** Hand-written code asking a RandomTrial: splits the difference (see TrialTrainingSampler). */
  @Benchmark
  public TrainingConfig viaTrial() {
    return TrialTrainingSampler.random(seed++);
  }

  @Benchmark
  public TrainingConfig handWritten() {
    return HandWrittenTrainingSampler.random(seed++);
  }
}
