package io.paramspace.bench;

import io.paramspace.runtime.Rng;
import io.paramspace.sample.Activation;
import io.paramspace.sample.BlockConfig;
import io.paramspace.sample.ConvConfig;
import io.paramspace.sample.DenseConfig;
import io.paramspace.sample.ModelConfig;
import io.paramspace.sample.OptimizerConfig;
import io.paramspace.sample.TrainingConfig;

/**
 * The baseline of the sampling benchmark: {@link TrainingConfig} sampled as a person would write
 * it by hand, with the bounds as constants and no descriptors, trials or samplers. It makes the
 * same draws from the same {@link Rng}, in the generated order (a field a condition reads before
 * the field it guards), with {@code RandomTrial}'s formulas, so it returns the config that {@code
 * TrainingConfigSpace.random(seed)} returns (a test checks that).
 */
public final class HandWrittenTrainingSampler {
  private static final Activation[] ACTIVATIONS = {
    Activation.SILU, Activation.MISH, Activation.RELU, Activation.GELU
  };
  private static final double LR_MIN = 1e-5;
  private static final double LR_MAX = 1e-2;
  private static final double LOG_LR_MIN = StrictMath.log(LR_MIN);
  private static final double LOG_LR_MAX = StrictMath.log(LR_MAX);

  private HandWrittenTrainingSampler() {}

  public static TrainingConfig random(long seed) {
    Rng rng = new Rng(seed);
    ModelConfig model = model(rng);
    OptimizerConfig optimizer = optimizer(rng);
    int batchSize = intIn(rng, 16, 128);
    return new TrainingConfig(model, optimizer, batchSize);
  }

  private static ModelConfig model(Rng rng) {
    BlockConfig block = equalChoice(rng, 2) == 0 ? dense(rng) : conv(rng);
    int numBlocks = intIn(rng, 2, 12);
    return new ModelConfig(block, numBlocks, numBlocks > 8);
  }

  private static DenseConfig dense(Rng rng) {
    int numLayers = intIn(rng, 2, 12);
    Activation activation = ACTIVATIONS[equalChoice(rng, 4)];
    boolean normInput = bool(rng);
    boolean useDropout = bool(rng);
    Double dropoutRate = useDropout ? uniform(rng, 0.05, 0.5) : null;
    return new DenseConfig(numLayers, activation, normInput, useDropout, dropoutRate);
  }

  private static ConvConfig conv(Rng rng) {
    int numLayers = intIn(rng, 2, 12);
    Activation activation = ACTIVATIONS[equalChoice(rng, 4)];
    int kernelSize = intIn(rng, 1, 64);
    boolean normInput = bool(rng);
    boolean useDropout = bool(rng);
    Double dropoutRate = useDropout ? uniform(rng, 0.05, 0.5) : null;
    return new ConvConfig(numLayers, activation, kernelSize, normInput, useDropout, dropoutRate);
  }

  private static OptimizerConfig optimizer(Rng rng) {
    boolean adam = equalChoice(rng, 2) == 0;
    double u = rng.nextDouble();
    double learningRate =
        Math.max(LR_MIN, Math.min(LR_MAX, StrictMath.exp(LOG_LR_MIN + u * (LOG_LR_MAX - LOG_LR_MIN))));
    Double momentum = adam ? null : uniform(rng, 0.0, 0.99);
    Double beta2 = adam ? uniform(rng, 0.9, 0.999) : null;
    return new OptimizerConfig(adam ? "adam" : "sgd", learningRate, momentum, beta2);
  }

  /** RandomTrial's int formula with step 1: {@code min + nextLong(max - min + 1)}. */
  private static int intIn(Rng rng, int min, int max) {
    return min + (int) rng.nextLong(max - min + 1);
  }

  /** RandomTrial's float formula: {@code min + u * (max - min)}, capped at {@code max}. */
  private static double uniform(Rng rng, double min, double max) {
    return Math.min(max, min + rng.nextDouble() * (max - min));
  }

  /** A boolean's space is the categorical {true, false}, in that order. */
  private static boolean bool(Rng rng) {
    return equalChoice(rng, 2) == 0;
  }

  /**
   * RandomTrial's categorical formula for {@code n} choices of weight 1: the first {@code i} with
   * {@code u * n < i + 1}. The partial sums 1, 2, ... are exact, so that is {@code floor(u * n)}
   * (the last choice if rounding reaches {@code n}).
   */
  private static int equalChoice(Rng rng, int n) {
    return Math.min((int) (rng.nextDouble() * n), n - 1);
  }
}
