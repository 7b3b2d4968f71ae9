package io.paramspace.samplers;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HsspTest {
  private static final double[] REFERENCE = {5, 5};
  // A (0, 3), B (1, 1), C (4, 0), D (1.2, 1.1) dominated by B.
  private static final List<double[]> POINTS = List.of(new double[] {0, 3}, new double[] {1, 1},
      new double[] {4, 0}, new double[] {1.2, 1.1});

  @Test
  void greedyTakesTheLargestBoxThenTheLargestGain() {
    assertThat(Hssp.select(POINTS, 1, REFERENCE)).asList().containsExactly(1);      // B: 16
    assertThat(Hssp.select(POINTS, 2, REFERENCE)).asList().containsExactly(1, 0).inOrder(); // then A: +2
    assertThat(Hssp.select(POINTS, 3, REFERENCE)).asList().containsExactly(1, 0, 2).inOrder(); // C: +1, D: +0
    assertThat(Hssp.select(POINTS, 4, REFERENCE)).asList().containsExactly(1, 0, 2, 3).inOrder();
  }

  @Test
  void onThisCaseTheGreedySubsetIsTheBestOfAllSubsets() {
    for (int k = 1; k <= POINTS.size(); k++) {
      double greedy = volume(Hssp.select(POINTS, k, REFERENCE));
      double best = 0;
      for (int mask = 0; mask < 1 << POINTS.size(); mask++) {
        if (Integer.bitCount(mask) == k) {
          List<Integer> chosen = new ArrayList<>();
          for (int i = 0; i < POINTS.size(); i++) {
            if ((mask & 1 << i) != 0) {
              chosen.add(i);
            }
          }
          best = Math.max(best, volume(chosen.stream().mapToInt(Integer::intValue).toArray()));
        }
      }
      assertThat(greedy).isWithin(1e-12).of(best);
    }
    assertThat(volume(Hssp.select(POINTS, 2, REFERENCE))).isWithin(1e-12).of(18.0);
  }

  @Test
  void aSubsetLargerThanThePointsIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Hssp.select(POINTS, 5, REFERENCE));
  }

  private static double volume(int[] indices) {
    List<double[]> chosen = new ArrayList<>();
    for (int i : indices) {
      chosen.add(POINTS.get(i));
    }
    return Hypervolume.of(chosen, REFERENCE);
  }
}
