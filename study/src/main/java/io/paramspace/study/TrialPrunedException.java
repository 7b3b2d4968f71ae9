package io.paramspace.study;

/** Thrown by an objective to stop its trial as pruned (Optuna's {@code TrialPruned}). */
public class TrialPrunedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TrialPrunedException() {
    super("trial pruned");
  }

  public TrialPrunedException(String message) {
    super(message);
  }
}
