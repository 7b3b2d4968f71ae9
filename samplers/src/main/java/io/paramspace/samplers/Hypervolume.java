package io.paramspace.samplers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The hypervolume of a set of points (objective values as losses, every objective minimized): the
 * measure of the region that the points dominate and that dominates the reference point. Exact in
 * any dimension:
 *
 * <ul>
 *   <li>two objectives: a sweep along the first objective, {@code O(n log n)};
 *   <li>three or more: slicing along the last objective (HSO, While et al. 2006), each slab's
 *       volume the slab's depth times the (d - 1)-dimensional hypervolume of the points below it;
 *       {@code O(n^2 log n)} for three objectives, growing by a factor {@code n} per further one.
 *       Meant for the sets a sampler handles (tens of points, two to four objectives).
 * </ul>
 *
 * <p>A point that does not strictly dominate the reference point in every objective adds nothing.
 */
public final class Hypervolume {
  private Hypervolume() {}

  /**
   * The hypervolume of {@code points} against {@code reference}.
   *
   * @throws IllegalArgumentException if a point has another dimension than the reference, or a
   *     coordinate is NaN
   */
  public static double of(List<double[]> points, double[] reference) {
    List<double[]> inside = new ArrayList<>(points.size());
    for (double[] p : points) {
      if (p.length != reference.length) {
        throw new IllegalArgumentException("a point has " + p.length + " objectives, the reference point "
            + reference.length);
      }
      boolean below = true;
      for (int k = 0; k < p.length; k++) {
        if (Double.isNaN(p[k])) {
          throw new IllegalArgumentException("a point has a NaN objective: " + Arrays.toString(p));
        }
        below &= p[k] < reference[k];
      }
      if (below) {
        inside.add(p);
      }
    }
    return volume(inside, reference, reference.length);
  }

  /** Of {@code points} (all strictly below the reference in the first {@code d} coordinates). */
  private static double volume(List<double[]> points, double[] reference, int d) {
    if (points.isEmpty()) {
      return 0;
    }
    if (d == 1) {
      double best = reference[0];
      for (double[] p : points) {
        best = Math.min(best, p[0]);
      }
      return reference[0] - best;
    }
    if (d == 2) {
      List<double[]> sorted = new ArrayList<>(points);
      sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
      double area = 0;
      double bestY = reference[1];
      for (double[] p : sorted) {
        if (p[1] < bestY) {
          area += (reference[0] - p[0]) * (bestY - p[1]);
          bestY = p[1];
        }
      }
      return area;
    }
    // Slabs along the last objective: between consecutive values, the points at or below the lower one.
    int last = d - 1;
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(p -> p[last]));
    double total = 0;
    List<double[]> below = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      below.add(sorted.get(i));
      double top = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : reference[last];
      double depth = top - sorted.get(i)[last];
      if (depth > 0) {
        total += depth * volume(below, reference, d - 1);
      }
    }
    return total;
  }

  /**
   * Each point's exclusive contribution: the hypervolume of all the points minus that of all but
   * this one (zero for a dominated point or a duplicate).
   */
  public static double[] contributions(List<double[]> points, double[] reference) {
    double all = of(points, reference);
    double[] contribution = new double[points.size()];
    List<double[]> others = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      others.clear();
      for (int j = 0; j < points.size(); j++) {
        if (j != i) {
          others.add(points.get(j));
        }
      }
      contribution[i] = Math.max(0, all - of(others, reference));
    }
    return contribution;
  }

  /**
   * Optuna's reference point for a set of losses in MOTPE: per objective, the worst value {@code w}
   * pushed out by 10% ({@code max(1.1 w, 0.9 w)}), and 1e-12 where that is 0.
   */
  public static double[] nadirReference(List<double[]> points) {
    int d = points.get(0).length;
    double[] reference = new double[d];
    Arrays.fill(reference, Double.NEGATIVE_INFINITY);
    for (double[] p : points) {
      for (int k = 0; k < d; k++) {
        reference[k] = Math.max(reference[k], p[k]);
      }
    }
    for (int k = 0; k < d; k++) {
      reference[k] = Math.max(1.1 * reference[k], 0.9 * reference[k]);
      if (reference[k] == 0) {
        reference[k] = 1e-12;
      }
    }
    return reference;
  }
}
