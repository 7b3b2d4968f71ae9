package io.paramspace.bench.parallel;

import io.paramspace.study.FrozenTrial;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How often a study's trials repeat a parameter set, from its stored trials (numbers, parameters,
 * start and end times):
 *
 * @param repeats the share of trials whose parameters equal those of a trial with a lower number
 * @param concurrent the share of trials whose parameters equal those of a trial that was running
 *     when they started (started before, not finished yet): the duplicates a constant liar is for
 */
record DuplicateRate(double repeats, double concurrent) {

  static DuplicateRate of(List<FrozenTrial> trials) {
    int n = trials.size();
    if (n == 0) {
      return new DuplicateRate(0, 0);
    }
    List<FrozenTrial> byNumber = trials.stream().sorted((a, b) -> Integer.compare(a.number(), b.number())).toList();
    Set<Map<String, Double>> seen = new HashSet<>();
    int repeats = 0;
    int concurrent = 0;
    for (FrozenTrial t : byNumber) {
      if (!seen.add(t.params())) {
        repeats++;
      }
      for (FrozenTrial u : byNumber) {
        if (u.number() != t.number() && runningAt(u, t.start()) && u.params().equals(t.params())) {
          concurrent++;
          break;
        }
      }
    }
    return new DuplicateRate((double) repeats / n, (double) concurrent / n);
  }

  /** {@code true} if {@code u} had started before {@code when} and not yet finished. */
  private static boolean runningAt(FrozenTrial u, Instant when) {
    return u.start().isBefore(when) && (u.end() == null || u.end().isAfter(when));
  }
}
