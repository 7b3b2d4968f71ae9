package io.paramspace.study;

/**
 * The state of a trial, stored as Optuna's {@code TrialState} names ({@code FAIL} as Optuna
 * writes it). {@code WAITING} is an enqueued trial that no worker has taken yet.
 */
public enum TrialState {
  RUNNING,
  WAITING,
  COMPLETE,
  PRUNED,
  FAIL;

  /** Complete, pruned or failed: the trial will not change again. */
  public boolean isFinished() {
    return this == COMPLETE || this == PRUNED || this == FAIL;
  }
}
