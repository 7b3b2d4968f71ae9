package io.paramspace.samplers;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Rng;
import io.paramspace.samplers.spaces.Branin;
import io.paramspace.samplers.spaces.BraninSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Multi-objective TPE: the good set, its weights, constraints, and that it searches. */
class MotpeTest {
  private static final ConfigSpace<Branin> SPACE = BraninSpace.space();
  private static final List<Direction> MIN_MIN = List.of(Direction.MINIMIZE, Direction.MINIMIZE);
  private static final Map<String, Double> POINT = Map.of("Branin.x1", 1.0, "Branin.x2", 1.0);

  /**
   * Five points on the front and 35 dominated ones: gamma(40) = 4, so the front is cut to four by
   * greedy HSSP against (11, 11). It takes (1.1, 4.9) first (box 60.39), then (5, 1) (+23.4),
   * (0, 10) (+1.1) and (10, 0) (+1); (1, 5) would add only 0.6 and is left out.
   */
  private static List<Observation> knownFront() {
    List<Observation> history = new ArrayList<>();
    for (double[] f : new double[][] {{0, 10}, {1, 5}, {1.1, 4.9}, {5, 1}, {10, 0}}) {
      history.add(Observation.complete(POINT, List.of(f[0], f[1])));
    }
    for (int i = 0; i < 35; i++) {
      history.add(Observation.complete(POINT, List.of(11.0 + i, 11.0 + i)));
    }
    return history;
  }

  @Test
  void theGoodSetIsTheFrontCutByHypervolume() {
    TpeEngine.Split split = TpeEngine.split(Tpe.defaults(), SPACE, knownFront(), MIN_MIN);
    assertThat(good(split)).containsExactly(0, 2, 3, 4).inOrder();
  }

  @Test
  void goodWeightsAreHypervolumeContributionsOverTheLargest() {
    TpeEngine.Split split = TpeEngine.split(Tpe.defaults(), SPACE, knownFront(), MIN_MIN);
    // Within {(0,10), (1.1,4.9), (5,1), (10,0)} against (11, 11): 1.1, 3.9 * 5.1, 5 * 3.9, 1.
    double max = 3.9 * 5.1;
    assertThat(split.goodWeight()[0]).isWithin(1e-9).of(1.1 / max);
    assertThat(split.goodWeight()[2]).isWithin(1e-9).of(1.0);
    assertThat(split.goodWeight()[3]).isWithin(1e-9).of(5 * 3.9 / max);
    assertThat(split.goodWeight()[4]).isWithin(1e-9).of(1 / max);
  }

  @Test
  void anInfiniteValueGivesEveryGoodTrialWeightOne() {
    List<Observation> history = new ArrayList<>(knownFront());
    history.set(39, Observation.complete(POINT, List.of(Double.NEGATIVE_INFINITY, 3.0)));
    TpeEngine.Split split = TpeEngine.split(Tpe.defaults(), SPACE, history, MIN_MIN);
    for (int i : good(split)) {
      assertThat(split.goodWeight()[i]).isEqualTo(1.0);
    }
    Proposal p = Tpe.defaults().propose(SPACE, history, MIN_MIN, new Rng(3));
    assertThat(p.origin()).isEqualTo(Proposal.Origin.TPE);
  }

  @Test
  void maximizedObjectivesAreTurnedToLosses() {
    List<Observation> flipped = new ArrayList<>();
    for (Observation o : knownFront()) {
      flipped.add(Observation.complete(POINT, List.of(o.values().get(0), -o.values().get(1))));
    }
    TpeEngine.Split split = TpeEngine.split(Tpe.defaults(), SPACE, flipped,
        List.of(Direction.MINIMIZE, Direction.MAXIMIZE));
    assertThat(good(split)).containsExactly(0, 2, 3, 4).inOrder();
  }

  @Test
  void infeasibleTrialsAreGoodOnlyWhenTooFewAreFeasible() {
    List<Observation> history = new ArrayList<>();
    // The best two by the objectives violate a constraint.
    history.add(Observation.complete(POINT, List.of(0.0, 0.0)).withConstraints(List.of(2.0)));
    history.add(Observation.complete(POINT, List.of(0.1, 0.1)).withConstraints(List.of(0.5)));
    for (int i = 0; i < 38; i++) {
      history.add(Observation.complete(POINT, List.of(1.0 + i, 40.0 - i)).withConstraints(List.of(-1.0)));
    }
    TpeEngine.Split split = TpeEngine.split(Tpe.defaults(), SPACE, history, MIN_MIN);
    for (int i : good(split)) {
      assertThat(i).isAtLeast(2);
    }
    assertThat(good(split)).hasSize(4);
    // With only one feasible trial, the infeasible ones fill the good set by violation, weighing 1e-12.
    List<Observation> few = new ArrayList<>(history.subList(0, 3));
    for (int i = 0; i < 30; i++) {
      few.add(Observation.complete(POINT, List.of(50.0, 50.0)).withConstraints(List.of(10.0 + i)));
    }
    TpeEngine.Split s2 = TpeEngine.split(Tpe.defaults(), SPACE, few, MIN_MIN);
    assertThat(good(s2)).containsExactly(0, 1, 2, 3).inOrder();
    assertThat(s2.goodWeight()[2]).isEqualTo(1.0);
    assertThat(s2.goodWeight()[1]).isEqualTo(1e-12);
  }

  @Test
  void aWrongNumberOfValuesNamesTheObjectives() {
    List<Observation> history = List.of(Observation.complete(POINT, 1.0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tpe.defaults().propose(SPACE, history, MIN_MIN, new Rng(1)));
    assertThat(e).hasMessageThat().contains("1 values for the 2 objective(s) [MINIMIZE, MINIMIZE]");
    assertThrows(IllegalArgumentException.class,
        () -> Observation.complete(POINT, 1.0).withConstraints(List.of(Double.NaN)));
  }

  /** Branin against the distance to (10, 15): MOTPE's front dominates more than random search's. */
  @Test
  void motpeBeatsRandomSearchOnATwoObjectiveBranin() {
    int trials = 80;
    List<Observation> history = new ArrayList<>();
    List<double[]> motpe = new ArrayList<>();
    Rng rng = new Rng(7);
    for (int i = 0; i < trials; i++) {
      Proposal p = Tpe.defaults().propose(SPACE, history, MIN_MIN, rng);
      double[] f = objectives(p.config(SPACE));
      motpe.add(f);
      history.add(Observation.complete(p.params(), List.of(f[0], f[1])));
    }
    List<double[]> random = new ArrayList<>();
    Rng r = new Rng(7);
    for (int i = 0; i < trials; i++) {
      random.add(objectives(SPACE.random(r)));
    }
    double[] reference = {50, 20};
    assertThat(Hypervolume.of(motpe, reference)).isGreaterThan(Hypervolume.of(random, reference));
  }

  private static double[] objectives(Branin b) {
    return new double[] {b.value(), Math.hypot(b.x1() - 10, b.x2() - 15)};
  }

  private static List<Integer> good(TpeEngine.Split split) {
    List<Integer> good = new ArrayList<>();
    for (int i = 0; i < split.below().length; i++) {
      if (split.below()[i]) {
        good.add(i);
      }
    }
    return good;
  }
}
