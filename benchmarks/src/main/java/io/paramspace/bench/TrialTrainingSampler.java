package io.paramspace.bench;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.RandomTrial;
import io.paramspace.runtime.Trial;
import io.paramspace.sample.Activation;
import io.paramspace.sample.BlockConfig;
import io.paramspace.sample.ConvConfig;
import io.paramspace.sample.DenseConfig;
import io.paramspace.sample.ModelConfig;
import io.paramspace.sample.OptimizerConfig;
import io.paramspace.sample.TrainingConfig;

/**
 * The middle point of the sampling benchmark: {@link TrainingConfig} drawn by hand-written code
 * that asks a {@link RandomTrial} for every value, with the spaces and parameter names as
 * constants. Against {@link HandWrittenTrainingSampler} it measures what RandomTrial's formulas
 * cost on the runtime's descriptors; against the generated code, what the generated structure
 * (ConfigSampler's per-field dispatch, nested samplers, the branch switch) adds.
 */
public final class TrialTrainingSampler {
  private static final CategoricalSpace<String> BLOCKS = CategoricalSpace.of("DenseConfig", "ConvConfig");
  private static final IntSpace LAYERS = IntSpace.uniform(2, 12);
  private static final CategoricalSpace<Activation> ACTIVATIONS =
      CategoricalSpace.of(Activation.SILU, Activation.MISH, Activation.RELU, Activation.GELU);
  private static final IntSpace KERNEL_SIZE = IntSpace.uniform(1, 64);
  private static final CategoricalSpace<Boolean> BOOLEANS = CategoricalSpace.of(true, false);
  private static final FloatSpace DROPOUT_RATE = FloatSpace.uniform(0.05, 0.5);
  private static final IntSpace NUM_BLOCKS = IntSpace.uniform(2, 12);
  private static final CategoricalSpace<String> OPTIMIZERS = CategoricalSpace.of("adam", "sgd");
  private static final FloatSpace LEARNING_RATE = FloatSpace.logUniform(1e-5, 1e-2);
  private static final FloatSpace MOMENTUM = FloatSpace.uniform(0.0, 0.99);
  private static final FloatSpace BETA2 = FloatSpace.uniform(0.9, 0.999);
  private static final IntSpace BATCH_SIZE = IntSpace.uniform(16, 128);

  private static final String MODEL = "TrainingConfig.model::ModelConfig.";
  private static final String DENSE = MODEL + "blockConfig::DenseConfig.";
  private static final String CONV = MODEL + "blockConfig::ConvConfig.";
  private static final String OPTIMIZER = "TrainingConfig.optimizer::OptimizerConfig.";

  private TrialTrainingSampler() {}

  public static TrainingConfig random(long seed) {
    Trial trial = new RandomTrial(seed);
    ModelConfig model = model(trial);
    OptimizerConfig optimizer = optimizer(trial);
    int batchSize = (int) trial.suggestInt("TrainingConfig.batchSize", BATCH_SIZE);
    return new TrainingConfig(model, optimizer, batchSize);
  }

  private static ModelConfig model(Trial trial) {
    String branch = trial.suggestCategorical(MODEL + "blockConfig", BLOCKS);
    BlockConfig block = branch.equals("DenseConfig") ? dense(trial) : conv(trial);
    int numBlocks = (int) trial.suggestInt(MODEL + "numBlocks", NUM_BLOCKS);
    return new ModelConfig(block, numBlocks, numBlocks > 8);
  }

  private static DenseConfig dense(Trial trial) {
    int numLayers = (int) trial.suggestInt(DENSE + "numLayers", LAYERS);
    Activation activation = trial.suggestCategorical(DENSE + "activation", ACTIVATIONS);
    boolean normInput = trial.suggestCategorical(DENSE + "normInput", BOOLEANS);
    boolean useDropout = trial.suggestCategorical(DENSE + "useDropout", BOOLEANS);
    Double dropoutRate =
        useDropout ? trial.suggestFloat(DENSE + "dropoutRate::true_branch", DROPOUT_RATE) : null;
    return new DenseConfig(numLayers, activation, normInput, useDropout, dropoutRate);
  }

  private static ConvConfig conv(Trial trial) {
    int numLayers = (int) trial.suggestInt(CONV + "numLayers", LAYERS);
    Activation activation = trial.suggestCategorical(CONV + "activation", ACTIVATIONS);
    int kernelSize = (int) trial.suggestInt(CONV + "kernelSize", KERNEL_SIZE);
    boolean normInput = trial.suggestCategorical(CONV + "normInput", BOOLEANS);
    boolean useDropout = trial.suggestCategorical(CONV + "useDropout", BOOLEANS);
    Double dropoutRate =
        useDropout ? trial.suggestFloat(CONV + "dropoutRate::true_branch", DROPOUT_RATE) : null;
    return new ConvConfig(numLayers, activation, kernelSize, normInput, useDropout, dropoutRate);
  }

  private static OptimizerConfig optimizer(Trial trial) {
    String name = trial.suggestCategorical(OPTIMIZER + "name", OPTIMIZERS);
    double learningRate = trial.suggestFloat(OPTIMIZER + "learningRate", LEARNING_RATE);
    Double momentum =
        name.equals("sgd") ? trial.suggestFloat(OPTIMIZER + "momentum::true_branch", MOMENTUM) : null;
    Double beta2 =
        name.equals("adam") ? trial.suggestFloat(OPTIMIZER + "beta2::true_branch", BETA2) : null;
    return new OptimizerConfig(name, learningRate, momentum, beta2);
  }
}
