package io.paramspace.study;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Non-dominated sorting's first front, worked out by hand. */
class ParetoFrontTest {
  static FrozenTrial trial(int number, double... values) {
    List<Double> v = new ArrayList<>();
    for (double x : values) {
      v.add(x);
    }
    return new FrozenTrial(number, number, TrialState.COMPLETE, v, null, null, Map.of(), Map.of(), new TreeMap<>(),
        Map.of(), Map.of());
  }

  static List<Integer> front(List<FrozenTrial> trials, Direction... directions) {
    return ParetoFront.of(trials, List.of(directions)).stream().map(FrozenTrial::number).toList();
  }

  @Test
  void twoObjectivesBothMinimized() {
    // (1,5) (2,3) (4,1) are the front; (3,4) is dominated by (2,3); (5,5) by all; (2,3) again ties.
    List<FrozenTrial> trials = List.of(trial(0, 3, 4), trial(1, 1, 5), trial(2, 5, 5), trial(3, 2, 3),
        trial(4, 4, 1), trial(5, 2, 3));
    assertThat(front(trials, Direction.MINIMIZE, Direction.MINIMIZE)).containsExactly(1, 3, 4, 5).inOrder();
  }

  @Test
  void directionsAreRespected() {
    // Maximize the first, minimize the second: (5,5) is best on the first; (4,1) wins on the second.
    List<FrozenTrial> trials = List.of(trial(0, 3, 4), trial(1, 1, 5), trial(2, 5, 5), trial(3, 2, 3),
        trial(4, 4, 1));
    assertThat(front(trials, Direction.MAXIMIZE, Direction.MINIMIZE)).containsExactly(2, 4).inOrder();
    assertThat(front(trials, Direction.MAXIMIZE, Direction.MAXIMIZE)).containsExactly(2);
  }

  @Test
  void aPointEqualInOneObjectiveAndWorseInTheOtherIsDominated() {
    List<FrozenTrial> trials = List.of(trial(0, 1, 2), trial(1, 1, 3), trial(2, 0, 9));
    assertThat(front(trials, Direction.MINIMIZE, Direction.MINIMIZE)).containsExactly(0, 2).inOrder();
  }

  @Test
  void threeObjectivesAndInfinities() {
    List<FrozenTrial> trials = List.of(trial(0, 1, 1, 1), trial(1, 0, 2, 2), trial(2, 2, 2, 2),
        trial(3, Double.NEGATIVE_INFINITY, 9, 9), trial(4, 1, 1, 1));
    assertThat(front(trials, Direction.MINIMIZE, Direction.MINIMIZE, Direction.MINIMIZE))
        .containsExactly(0, 1, 3, 4).inOrder();
  }

  @Test
  void dominatesIsStrictInOneObjective() {
    assertThat(ParetoFront.dominates(new double[] {1, 2}, new double[] {1, 3})).isTrue();
    assertThat(ParetoFront.dominates(new double[] {1, 3}, new double[] {1, 3})).isFalse();
    assertThat(ParetoFront.dominates(new double[] {0, 4}, new double[] {1, 3})).isFalse();
  }

  @Test
  void matchesTheQuadraticDefinitionOnRandomPoints() {
    io.paramspace.runtime.Rng rng = new io.paramspace.runtime.Rng(11);
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      // Coarse values, so that ties and duplicates occur.
      trials.add(trial(i, rng.nextLong(20), rng.nextLong(20), rng.nextLong(5)));
    }
    List<Direction> dirs = List.of(Direction.MINIMIZE, Direction.MAXIMIZE, Direction.MINIMIZE);
    List<Integer> expected = new ArrayList<>();
    for (FrozenTrial a : trials) {
      boolean dominated = false;
      for (FrozenTrial b : trials) {
        dominated |= ParetoFront.dominates(ParetoFront.minimized(b.values(), dirs), ParetoFront.minimized(a.values(), dirs));
      }
      if (!dominated) {
        expected.add(a.number());
      }
    }
    assertThat(front(trials, dirs.toArray(new Direction[0]))).containsExactlyElementsIn(expected).inOrder();
  }
}
