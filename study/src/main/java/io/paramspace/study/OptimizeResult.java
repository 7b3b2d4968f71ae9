package io.paramspace.study;

import java.time.Duration;

/**
 * What one {@link Study#optimize} call did, in this process: the trials it finished in each
 * state, the late results it dropped because another worker had failed their stale trials
 * meanwhile ({@link TrialRejectedException}), and the study's total when it stopped (every
 * worker's trials: {@link Study#countedTrials()}).
 *
 * @param complete trials this call finished complete
 * @param pruned trials this call finished pruned
 * @param failed trials this call finished failed (the objective threw, returned NaN, timed out)
 * @param rejected results dropped: their trials had been failed by another worker first
 * @param studyTotal the trials counting toward the study's total when this call returned
 * @param elapsed how long the call ran
 */
public record OptimizeResult(int complete, int pruned, int failed, int rejected, int studyTotal, Duration elapsed) {

  /** Trials this call ran to an outcome that was stored. */
  public int finished() {
    return complete + pruned + failed;
  }
}
