package io.paramspace.study;

/**
 * Decides whether a running trial should stop early, from its intermediate values and those of
 * the study's history, as Optuna's {@code BasePruner} (median, successive halving / ASHA,
 * Hyperband). {@link StudyTrial#shouldPrune()} asks it after the objective reports a value;
 * the objective then throws {@link TrialPrunedException} (or returns), and the trial is stored
 * as pruned with its last reported value.
 *
 * <p>{@code trial} carries the trial's intermediate values so far ({@link
 * FrozenTrial#intermediateValues()}, step to value) and its params; {@link
 * StudyContext#history()} the finished trials, whose intermediate values a median or ASHA
 * pruner compares at the same step. Like a sampler, a pruner keeps no state the storage does
 * not have (Hyperband's bracket of a trial is a function of the trial number and the seed) and
 * is thread-safe.
 */
@FunctionalInterface
public interface Pruner {

  /** Never prunes. */
  Pruner NONE = (study, trial) -> false;

  boolean shouldPrune(StudyContext study, FrozenTrial trial);
}
