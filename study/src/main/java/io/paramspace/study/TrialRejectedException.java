package io.paramspace.study;

/**
 * A tell that the storage refused because the trial had been finished by another worker
 * meanwhile: its heartbeat had gone stale (this process was paused, or cut off from the database,
 * for longer than the grace period), so a live worker marked it failed and, if retries are on,
 * enqueued its config again as a new trial. The late result is dropped, so nothing counts twice;
 * {@link Study#optimize} logs it and goes on. {@link #stored()} is the trial as the storage has it.
 */
public final class TrialRejectedException extends StudyException {
  private static final long serialVersionUID = 1L;

  private final transient FrozenTrial stored;

  TrialRejectedException(String message, FrozenTrial stored) {
    super(message);
    this.stored = stored;
  }

  /** The trial as stored: finished, with the reason in its {@value Study#FAIL_REASON_ATTRIBUTE}. */
  public FrozenTrial stored() {
    return stored;
  }
}
