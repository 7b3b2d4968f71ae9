package io.paramspace.study.pruner;

import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Pruner;
import io.paramspace.study.StudyContext;

/**
 * Optuna's {@code MedianPruner}: prunes a trial whose best intermediate value so far is worse than
 * the median of the complete trials' values at the same step. It is {@link PercentilePruner} at
 * the 50th percentile, with the same rules and Optuna's defaults: 5 startup trials, 0 warm-up
 * steps, an interval of 1 step, 1 trial at the step.
 */
public final class MedianPruner implements Pruner {
  private final PercentilePruner percentile;
  private final String description;

  /** Optuna's defaults: {@code MedianPruner(5, 0, 1)}. */
  public MedianPruner() {
    this(5, 0, 1);
  }

  public MedianPruner(int nStartupTrials, int nWarmupSteps, int intervalSteps) {
    this(nStartupTrials, nWarmupSteps, intervalSteps, 1);
  }

  /** See {@link PercentilePruner#PercentilePruner(double, int, int, int, int)}. */
  public MedianPruner(int nStartupTrials, int nWarmupSteps, int intervalSteps, int nMinTrials) {
    this.percentile = new PercentilePruner(50, nStartupTrials, nWarmupSteps, intervalSteps, nMinTrials);
    this.description = "MedianPruner[nStartupTrials=" + nStartupTrials + ", nWarmupSteps=" + nWarmupSteps
        + ", intervalSteps=" + intervalSteps + ", nMinTrials=" + nMinTrials + "]";
  }

  @Override
  public boolean shouldPrune(StudyContext study, FrozenTrial trial) {
    PrunerSupport.singleDirection(study, this);
    return percentile.shouldPrune(study, trial);
  }

  @Override
  public String toString() {
    return description;
  }
}
