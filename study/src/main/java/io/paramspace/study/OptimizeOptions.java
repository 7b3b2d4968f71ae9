package io.paramspace.study;

import java.time.Duration;

/**
 * How long and how {@link Study#optimize} runs: up to a total number of trials in the study
 * (a reopened study continues to that total) and/or until a timeout, on {@code parallelism}
 * threads, with a per-trial timeout, a limit of consecutive failures and a progress bar.
 *
 * @param nTrials the study's total of trials to reach, or 0 for no limit (then a timeout is needed)
 * @param timeout stop asking new trials after this long; {@code null} for none
 * @param parallelism threads evaluating trials at once
 * @param trialTimeout a trial running longer is failed (its thread interrupted); {@code null} for none
 * @param maxConsecutiveFailures stop with an error after this many failed trials in a row
 * @param progressBar draw a progress bar on stderr (only where stderr is a terminal)
 */
public record OptimizeOptions(int nTrials, Duration timeout, int parallelism, Duration trialTimeout,
    int maxConsecutiveFailures, boolean progressBar) {

  public static final int DEFAULT_MAX_CONSECUTIVE_FAILURES = 10;

  public OptimizeOptions {
    if (nTrials < 0) {
      throw new IllegalArgumentException("nTrials must be >= 0, got " + nTrials);
    }
    if (nTrials == 0 && timeout == null) {
      throw new IllegalArgumentException("give nTrials > 0 or a timeout, or optimize would never stop");
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
    if (maxConsecutiveFailures < 1) {
      throw new IllegalArgumentException("maxConsecutiveFailures must be >= 1, got " + maxConsecutiveFailures);
    }
  }

  /** Up to {@code nTrials} trials in the study, on one thread. */
  public static OptimizeOptions trials(int nTrials) {
    return new OptimizeOptions(nTrials, null, 1, null, DEFAULT_MAX_CONSECUTIVE_FAILURES, true);
  }

  /** New trials until {@code timeout} has passed, on one thread. */
  public static OptimizeOptions timeout(Duration timeout) {
    return new OptimizeOptions(0, timeout, 1, null, DEFAULT_MAX_CONSECUTIVE_FAILURES, true);
  }

  public OptimizeOptions withTimeout(Duration newTimeout) {
    return new OptimizeOptions(nTrials, newTimeout, parallelism, trialTimeout, maxConsecutiveFailures, progressBar);
  }

  public OptimizeOptions withParallelism(int threads) {
    return new OptimizeOptions(nTrials, timeout, threads, trialTimeout, maxConsecutiveFailures, progressBar);
  }

  public OptimizeOptions withTrialTimeout(Duration perTrial) {
    return new OptimizeOptions(nTrials, timeout, parallelism, perTrial, maxConsecutiveFailures, progressBar);
  }

  public OptimizeOptions withMaxConsecutiveFailures(int n) {
    return new OptimizeOptions(nTrials, timeout, parallelism, trialTimeout, n, progressBar);
  }

  public OptimizeOptions withProgressBar(boolean on) {
    return new OptimizeOptions(nTrials, timeout, parallelism, trialTimeout, maxConsecutiveFailures, on);
  }
}
