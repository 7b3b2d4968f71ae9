package io.paramspace.study.pruner;

import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.StudyContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Predicate;

/**
 * Asynchronous successive halving (ASHA, Li et al. 2020, as Optuna's {@code
 * SuccessiveHalvingPruner}), read from the stored learning curves only.
 *
 * <p>Rung {@code k} is at step {@code minResource * eta^(s + k)}, {@code s} the minimum early
 * stopping rate. A trial's value at a rung is its intermediate value at the first step it reported
 * at or past the rung's step. A trial is judged at a rung by the report that first reaches it: it
 * competes with every trial that has reached the rung (finished, or running in another worker),
 * and goes on only if its value is among the best {@code 1/eta} of them: with {@code n}
 * competitors (itself included) sorted best first, if it is at least as good as the {@code
 * max(1, floor(n / eta))}-th. While fewer than {@code eta} trials have reached the rung, only the
 * best goes on; with {@code bootstrapCount} set, a rung that fewer than that many trials reached
 * prunes every trial. A reported NaN at a rung prunes.
 *
 * <p>Optuna records each value in a system attribute ({@code completed_rung_k}) when it judges a
 * rung; here the same values are derived from the intermediate values, so the pruner writes
 * nothing and every worker derives the same rungs. Ask {@code shouldPrune} after every report, as
 * Optuna's examples do: a rung is judged by the report that first reaches it.
 */
final class Rungs {
  private final long minResource;
  private final int eta;
  private final int minEarlyStoppingRate;
  private final int bootstrapCount;

  Rungs(long minResource, int eta, int minEarlyStoppingRate, int bootstrapCount) {
    PrunerSupport.require(minResource >= 1, "minResource must be >= 1 (the first rung's step), got " + minResource);
    PrunerSupport.require(eta >= 2, "the reduction factor must be >= 2, got " + eta);
    PrunerSupport.require(minEarlyStoppingRate >= 0, "minEarlyStoppingRate must be >= 0, got " + minEarlyStoppingRate);
    PrunerSupport.require(bootstrapCount >= 0, "bootstrapCount must be >= 0, got " + bootstrapCount);
    this.minResource = minResource;
    this.eta = eta;
    this.minEarlyStoppingRate = minEarlyStoppingRate;
    this.bootstrapCount = bootstrapCount;
  }

  /** The step of rung {@code k}: {@code minResource * eta^(s + k)}, or Long.MAX_VALUE past it. */
  long rungStep(int k) {
    long step = minResource;
    for (int i = 0; i < minEarlyStoppingRate + k; i++) {
      if (step > Long.MAX_VALUE / eta) {
        return Long.MAX_VALUE;
      }
      step *= eta;
    }
    return step;
  }

  /** Whether {@code trial} is pruned by its last report, competing with the trials {@code competes} accepts. */
  boolean prune(StudyContext study, FrozenTrial trial, Direction direction, Predicate<FrozenTrial> competes) {
    SortedMap<Integer, Double> reported = trial.intermediateValues();
    if (reported.isEmpty()) {
      return false;
    }
    int step = reported.lastKey();
    double value = reported.get(step);
    SortedMap<Integer, Double> before = reported.headMap(step);
    long previous = before.isEmpty() ? Long.MIN_VALUE : before.lastKey();
    List<FrozenTrial> others = null;
    for (int k = 0; ; k++) {
      long rung = rungStep(k);
      if (rung > step) {
        return false;
      }
      if (rung <= previous) {
        continue; // judged by an earlier report
      }
      if (Double.isNaN(value)) {
        return true;
      }
      if (others == null) {
        others = competitors(study, trial, competes);
      }
      List<Double> competing = new ArrayList<>();
      for (FrozenTrial t : others) {
        Double v = valueAt(t.intermediateValues(), rung);
        if (v != null && !v.isNaN()) { // a NaN at a rung pruned its trial there: Optuna records no value
          competing.add(v);
        }
      }
      competing.add(value);
      if (competing.size() <= bootstrapCount) {
        return true;
      }
      if (!promotable(value, competing, eta, direction)) {
        return true;
      }
    }
  }

  private static List<FrozenTrial> competitors(StudyContext study, FrozenTrial trial, Predicate<FrozenTrial> competes) {
    List<FrozenTrial> all = new ArrayList<>();
    for (FrozenTrial t : study.history()) {
      if (t.id() != trial.id() && competes.test(t)) {
        all.add(t);
      }
    }
    for (FrozenTrial t : study.runningTrials()) {
      if (t.id() != trial.id() && competes.test(t)) {
        all.add(t);
      }
    }
    return all;
  }

  /** The value at the first reported step at or past {@code rung}, or null if none reached it. */
  static Double valueAt(SortedMap<Integer, Double> reported, long rung) {
    if (rung > Integer.MAX_VALUE) {
      return null;
    }
    SortedMap<Integer, Double> tail = reported.tailMap((int) rung);
    return tail.isEmpty() ? null : tail.get(tail.firstKey());
  }

  /** Optuna's {@code _is_trial_promotable_to_next_rung}: in the best {@code max(1, n / eta)} of {@code competing}. */
  static boolean promotable(double value, List<Double> competing, int eta, Direction direction) {
    int index = Math.max(0, competing.size() / eta - 1);
    List<Double> sorted = new ArrayList<>(competing);
    Collections.sort(sorted);
    return direction == Direction.MAXIMIZE ? value >= sorted.get(sorted.size() - 1 - index) : value <= sorted.get(index);
  }

  @Override
  public String toString() {
    return "minResource=" + minResource + ", reductionFactor=" + eta + ", minEarlyStoppingRate=" + minEarlyStoppingRate
        + ", bootstrapCount=" + bootstrapCount;
  }
}
