package io.paramspace.samplers;

import java.util.ArrayList;
import java.util.List;

/**
 * Fast non-dominated sorting (Deb et al. 2002) over any domination relation: the first front is
 * the items nothing dominates, the second those dominated only by the first, and so on. NSGA-II
 * sorts by constrained domination, MOTPE by plain domination of the losses.
 */
final class NonDominatedSorting {
  private NonDominatedSorting() {}

  /** Whether item {@code a} dominates item {@code b}. */
  @FunctionalInterface
  interface Relation {
    boolean dominates(int a, int b);
  }

  /** The fronts of items {@code 0 .. n - 1}, in order; within a front, items ascend. */
  static List<int[]> fronts(int n, Relation relation) {
    int[] dominatedBy = new int[n];
    List<List<Integer>> dominates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      dominates.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (relation.dominates(i, j)) {
          dominates.get(i).add(j);
          dominatedBy[j]++;
        } else if (relation.dominates(j, i)) {
          dominates.get(j).add(i);
          dominatedBy[i]++;
        }
      }
    }
    List<int[]> fronts = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (dominatedBy[i] == 0) {
        current.add(i);
      }
    }
    while (!current.isEmpty()) {
      List<Integer> next = new ArrayList<>();
      for (int i : current) {
        for (int j : dominates.get(i)) {
          if (--dominatedBy[j] == 0) {
            next.add(j);
          }
        }
      }
      fronts.add(current.stream().mapToInt(Integer::intValue).toArray());
      next.sort(null);
      current = next;
    }
    return fronts;
  }

  /** {@code a} is no worse than {@code b} in every objective and better in one (losses). */
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
}
