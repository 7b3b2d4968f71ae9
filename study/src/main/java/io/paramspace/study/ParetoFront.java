package io.paramspace.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Non-dominated sorting's first front. Trial {@code a} dominates {@code b} if {@code a} is at least
 * as good in every objective and better in one (better as each objective's direction says). The
 * front is the trials no trial dominates; trials with equal values are all on it.
 *
 * <p>Sorted by their values turned to minimization (negated where maximized), lexicographically, a
 * trial can only be dominated by one before it, and then also by one on the front: so each trial
 * is compared with the front found so far only, {@code O(n log n + n * front size)}.
 */
final class ParetoFront {
  private ParetoFront() {}

  /** The non-dominated trials among {@code trials} (each with one value per direction), by number. */
  static List<FrozenTrial> of(List<FrozenTrial> trials, List<Direction> directions) {
    int m = directions.size();
    List<double[]> points = new ArrayList<>(trials.size());
    List<Integer> order = new ArrayList<>(trials.size());
    for (int i = 0; i < trials.size(); i++) {
      points.add(minimized(trials.get(i).values(), directions));
      order.add(i);
    }
    Comparator<Integer> lexicographic = (x, y) -> {
      double[] a = points.get(x);
      double[] b = points.get(y);
      for (int k = 0; k < m; k++) {
        int c = Double.compare(a[k], b[k]);
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(trials.get(x).number(), trials.get(y).number());
    };
    order.sort(lexicographic);
    List<Integer> front = new ArrayList<>();
    for (int i : order) {
      boolean dominated = false;
      for (int f : front) {
        if (dominates(points.get(f), points.get(i))) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        front.add(i);
      }
    }
    return front.stream().map(trials::get).sorted(Comparator.comparingInt(FrozenTrial::number)).toList();
  }

  /** {@code true} if {@code a} dominates {@code b}, both to be minimized. */
  static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int k = 0; k < a.length; k++) {
      if (a[k] > b[k]) {
        return false;
      }
      if (a[k] < b[k]) {
        better = true;
      }
    }
    return better;
  }

  static double[] minimized(List<Double> values, List<Direction> directions) {
    double[] p = new double[directions.size()];
    for (int k = 0; k < p.length; k++) {
      p[k] = directions.get(k) == Direction.MAXIMIZE ? -values.get(k) : values.get(k);
    }
    return p;
  }
}
