package io.paramspace.study.pruner;

import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Pruner;
import io.paramspace.study.StudyContext;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Hyperband (Li et al. 2018) as Optuna's {@code HyperbandPruner}: several brackets of {@link
 * SuccessiveHalvingPruner ASHA}, bracket {@code i} with minimum early stopping rate {@code i} (its
 * first rung at {@code minResource * eta^i}), so that some trials are judged early and others only
 * late. A trial competes only with the trials of its own bracket.
 *
 * <ul>
 *   <li>brackets: {@code n = floor(log_eta(maxResource / minResource)) + 1};
 *   <li>bracket {@code i} gets a budget of {@code ceil(n * eta^(n-1-i) / (n - i))} trials;
 *   <li>the bracket of trial number {@code k} of study {@code name} is found by counting {@code
 *       crc32(name + "_" + k) mod (sum of budgets)} down the budgets, as Optuna does: the same
 *       trial gets the same bracket in Paramspace and in Optuna, in every worker.
 * </ul>
 *
 * <p>{@code maxResource} is the last step a trial reaches (e.g. the number of epochs). Optuna's
 * {@code "auto"} (the longest complete trial seen so far) is not offered: workers that had seen
 * different trials would disagree on the brackets.
 */
public final class HyperbandPruner implements Pruner {
  private final long minResource;
  private final long maxResource;
  private final int eta;
  private final Rungs[] brackets;
  private final long[] budgets;
  private final long totalBudget;

  /** Optuna's reduction factor 3. */
  public HyperbandPruner(long minResource, long maxResource) {
    this(minResource, maxResource, 3, 0);
  }

  public HyperbandPruner(long minResource, long maxResource, int reductionFactor) {
    this(minResource, maxResource, reductionFactor, 0);
  }

  public HyperbandPruner(long minResource, long maxResource, int reductionFactor, int bootstrapCount) {
    PrunerSupport.require(minResource >= 1, "minResource must be >= 1, got " + minResource);
    PrunerSupport.require(maxResource >= minResource, "maxResource (" + maxResource + ") must be >= minResource ("
        + minResource + ")");
    PrunerSupport.require(reductionFactor >= 2, "the reduction factor must be >= 2, got " + reductionFactor);
    this.minResource = minResource;
    this.maxResource = maxResource;
    this.eta = reductionFactor;
    int n = (int) Math.floor(Math.log((double) maxResource / minResource) / Math.log(reductionFactor)) + 1;
    brackets = new Rungs[n];
    budgets = new long[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      brackets[i] = new Rungs(minResource, reductionFactor, i, bootstrapCount);
      int s = n - 1 - i;
      budgets[i] = (long) Math.ceil(n * Math.pow(reductionFactor, s) / (s + 1));
      total += budgets[i];
    }
    totalBudget = total;
  }

  /** How many brackets there are. */
  public int bracketCount() {
    return brackets.length;
  }

  /** The bracket of trial {@code number} of study {@code studyName}, from 0. */
  public int bracket(String studyName, int number) {
    CRC32 crc = new CRC32();
    crc.update((studyName + "_" + number).getBytes(StandardCharsets.UTF_8));
    long n = crc.getValue() % totalBudget;
    for (int i = 0; i < brackets.length; i++) {
      n -= budgets[i];
      if (n < 0) {
        return i;
      }
    }
    throw new AssertionError("unreachable: the budgets sum to " + totalBudget);
  }

  @Override
  public boolean shouldPrune(StudyContext study, FrozenTrial trial) {
    int bracket = bracket(study.studyName(), trial.number());
    return brackets[bracket].prune(study, trial, PrunerSupport.singleDirection(study, this),
        t -> bracket(study.studyName(), t.number()) == bracket);
  }

  @Override
  public String toString() {
    return "HyperbandPruner[minResource=" + minResource + ", maxResource=" + maxResource + ", reductionFactor=" + eta
        + ", brackets=" + brackets.length + "]";
  }
}
