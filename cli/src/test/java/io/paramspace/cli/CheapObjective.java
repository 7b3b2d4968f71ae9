package io.paramspace.cli;

import io.paramspace.sample.TrainingConfig;
import io.paramspace.study.Objective;
import io.paramspace.study.StudyTrial;

/** A cheap objective of the sample app's TrainingConfig, for the worker command's tests. */
public final class CheapObjective implements Objective<TrainingConfig> {
  public static double value(TrainingConfig c) {
    return Math.log10(c.optimizer().learningRate()) + c.model().numBlocks() / 10.0 + c.batchSize() / 1000.0;
  }

  @Override
  public double evaluate(TrainingConfig config, StudyTrial<TrainingConfig> trial) {
    return value(config);
  }
}
