package io.paramspace.study.pruner;

import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Pruner;
import io.paramspace.study.StudyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Optuna's {@code PercentilePruner}: prunes a trial whose best intermediate value so far is worse
 * than the {@code percentile}-th best of the complete trials' values at the same step.
 *
 * <p>At a report of step {@code s}, with the study's complete trials (those of {@link
 * StudyContext#completeHistory()}):
 *
 * <ol>
 *   <li>no pruning while fewer than {@code nStartupTrials} trials are complete, or {@code s <
 *       nWarmupSteps}, or {@code s} is not the first report in its interval ({@code intervalSteps}
 *       steps, counted from {@code nWarmupSteps});
 *   <li>the trial's best value over its reports (the minimum when minimizing, NaNs ignored; a
 *       trial that reported only NaN is pruned);
 *   <li>{@code p} = the percentile of the complete trials' values at step {@code s} (NumPy's
 *       {@code nanpercentile}, linear; when maximizing, the {@code 100 - percentile}-th), if at least
 *       {@code nMinTrials} of them reported step {@code s};
 *   <li>prune if the best value is worse than {@code p}.
 * </ol>
 */
public final class PercentilePruner implements Pruner {
  private final double percentile;
  private final int nStartupTrials;
  private final int nWarmupSteps;
  private final int intervalSteps;
  private final int nMinTrials;

  /** Optuna's defaults: 5 startup trials, no warm-up steps, every step, 1 trial at the step. */
  public PercentilePruner(double percentile) {
    this(percentile, 5, 0, 1, 1);
  }

  /**
   * @param percentile 0 to 100: 25 keeps the trials in the best quarter at each step
   * @param nStartupTrials no pruning until this many trials are complete
   * @param nWarmupSteps no pruning of a trial before this step
   * @param intervalSteps check every this many steps (offset by the warm-up), at least 1
   * @param nMinTrials no pruning at a step that fewer complete trials reported, at least 1
   */
  public PercentilePruner(double percentile, int nStartupTrials, int nWarmupSteps, int intervalSteps, int nMinTrials) {
    PrunerSupport.require(percentile >= 0 && percentile <= 100, "percentile must be in [0, 100], got " + percentile);
    PrunerSupport.require(nStartupTrials >= 0, "nStartupTrials must be >= 0, got " + nStartupTrials);
    PrunerSupport.require(nWarmupSteps >= 0, "nWarmupSteps must be >= 0, got " + nWarmupSteps);
    PrunerSupport.require(intervalSteps >= 1, "intervalSteps must be >= 1, got " + intervalSteps);
    PrunerSupport.require(nMinTrials >= 1, "nMinTrials must be >= 1, got " + nMinTrials);
    this.percentile = percentile;
    this.nStartupTrials = nStartupTrials;
    this.nWarmupSteps = nWarmupSteps;
    this.intervalSteps = intervalSteps;
    this.nMinTrials = nMinTrials;
  }

  @Override
  public boolean shouldPrune(StudyContext study, FrozenTrial trial) {
    Direction direction = PrunerSupport.singleDirection(study, this);
    SortedMap<Integer, Double> reported = trial.intermediateValues();
    if (reported.isEmpty()) {
      return false;
    }
    List<FrozenTrial> complete = study.completeHistory();
    if (complete.isEmpty() || complete.size() < nStartupTrials) {
      return false;
    }
    int step = reported.lastKey();
    if (step < nWarmupSteps || !isFirstInInterval(step, reported)) {
      return false;
    }
    double best = best(reported, direction);
    if (Double.isNaN(best)) {
      return true;
    }
    List<Double> atStep = new ArrayList<>();
    for (FrozenTrial t : complete) {
      Double v = t.intermediateValues().get(step);
      if (v != null) {
        atStep.add(v);
      }
    }
    if (atStep.size() < nMinTrials) {
      return false;
    }
    double q = direction == Direction.MAXIMIZE ? 100 - percentile : percentile;
    double p = Percentiles.nanPercentile(atStep.stream().mapToDouble(Double::doubleValue).toArray(), q);
    if (Double.isNaN(p)) {
      return false;
    }
    return direction == Direction.MAXIMIZE ? best < p : best > p;
  }

  /** Optuna's {@code _is_first_in_interval_step}: no earlier report since the interval's first step. */
  private boolean isFirstInInterval(int step, SortedMap<Integer, Double> reported) {
    int nearestLowerPruningStep = (step - nWarmupSteps) / intervalSteps * intervalSteps + nWarmupSteps;
    SortedMap<Integer, Double> before = reported.headMap(step);
    int secondLast = before.isEmpty() ? -1 : before.lastKey();
    return secondLast < nearestLowerPruningStep;
  }

  private static double best(SortedMap<Integer, Double> reported, Direction direction) {
    double best = Double.NaN;
    for (double v : reported.values()) {
      if (!Double.isNaN(v) && (Double.isNaN(best) || direction.isBetter(v, best))) {
        best = v;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "PercentilePruner[percentile=" + percentile + ", nStartupTrials=" + nStartupTrials + ", nWarmupSteps="
        + nWarmupSteps + ", intervalSteps=" + intervalSteps + ", nMinTrials=" + nMinTrials + "]";
  }
}
