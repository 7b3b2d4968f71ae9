package io.paramspace.samplers;

import java.util.ArrayList;
import java.util.List;

/**
 * The hypervolume subset selection problem, solved greedily (Guerreiro et al. 2016; Optuna's
 * {@code _solve_hssp}): to pick {@code k} of {@code n} points, repeatedly take the point that adds
 * the most hypervolume to those taken so far. Submodularity makes this a {@code (1 - 1/e)}
 * approximation of the best subset. Ties (equal gains, such as duplicates once their twin is
 * taken) go to the earlier point.
 */
public final class Hssp {
  private Hssp() {}

  /**
   * The indices into {@code points} (losses, every objective minimized) of the {@code k} points
   * chosen, in the order they were chosen.
   *
   * @throws IllegalArgumentException if {@code k} is negative or more than the points
   */
  public static int[] select(List<double[]> points, int k, double[] reference) {
    int n = points.size();
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("cannot select " + k + " of " + n + " points");
    }
    int[] chosen = new int[k];
    boolean[] taken = new boolean[n];
    List<double[]> selected = new ArrayList<>(k + 1);
    for (int step = 0; step < k; step++) {
      int best = -1;
      double bestVolume = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (taken[i]) {
          continue;
        }
        selected.add(points.get(i));
        double volume = Hypervolume.of(selected, reference);
        selected.remove(selected.size() - 1);
        if (volume > bestVolume) {
          best = i;
          bestVolume = volume;
        }
      }
      taken[best] = true;
      chosen[step] = best;
      selected.add(points.get(best));
    }
    return chosen;
  }
}
