package io.paramspace.study.pruner;

import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Pruner;
import io.paramspace.study.StudyContext;

/**
 * Asynchronous successive halving (ASHA), Optuna's {@code SuccessiveHalvingPruner}: rungs at steps
 * {@code minResource * eta^(s + k)} ({@code eta} the reduction factor, {@code s} the minimum early
 * stopping rate); at each rung a trial goes on only if it is in the best {@code 1/eta} of the
 * trials that have reached that rung, and is pruned otherwise. The rules in full are in the notes
 * of {@code Rungs}: values at a rung come from the reported learning curves, competitors are the
 * study's finished trials ({@link StudyContext#history()}) and the running ones of every worker.
 *
 * <p>Unlike Optuna there is no {@code "auto"} minimum resource (it would depend on which trials a
 * worker has seen): give the first rung's step, e.g. 1 epoch.
 *
 * <pre>{@code
 * Study.builder(url, "lenet").pruner(new SuccessiveHalvingPruner(1, 3)).open();
 * // in the objective, after each epoch:
 * trial.report(epoch, validationLoss);
 * if (trial.shouldPrune()) throw new TrialPrunedException();
 * }</pre>
 */
public final class SuccessiveHalvingPruner implements Pruner {
  private final Rungs rungs;

  /** Rungs at {@code minResource * 4^k}: Optuna's reduction factor. */
  public SuccessiveHalvingPruner(long minResource) {
    this(minResource, 4);
  }

  /** Rungs at {@code minResource * reductionFactor^k}; 3 and 4 are the usual factors. */
  public SuccessiveHalvingPruner(long minResource, int reductionFactor) {
    this(minResource, reductionFactor, 0, 0);
  }

  /**
   * @param minEarlyStoppingRate {@code s}: the first rung is at {@code minResource * eta^s}
   * @param bootstrapCount a rung reached by fewer trials than this (itself included) prunes
   */
  public SuccessiveHalvingPruner(long minResource, int reductionFactor, int minEarlyStoppingRate, int bootstrapCount) {
    this.rungs = new Rungs(minResource, reductionFactor, minEarlyStoppingRate, bootstrapCount);
  }

  /** The step of rung {@code k}. */
  public long rungStep(int k) {
    return rungs.rungStep(k);
  }

  @Override
  public boolean shouldPrune(StudyContext study, FrozenTrial trial) {
    return rungs.prune(study, trial, PrunerSupport.singleDirection(study, this), t -> true);
  }

  @Override
  public String toString() {
    return "SuccessiveHalvingPruner[" + rungs + "]";
  }
}
