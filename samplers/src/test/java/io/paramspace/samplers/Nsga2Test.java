package io.paramspace.samplers;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Rng;
import io.paramspace.samplers.spaces.Training;
import io.paramspace.samplers.spaces.TrainingSpace;
import io.paramspace.samplers.spaces.Zdt1;
import io.paramspace.samplers.spaces.Zdt1Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Nsga2Test {
  private static final List<Direction> MIN_MIN = List.of(Direction.MINIMIZE, Direction.MINIMIZE);

  private static Nsga2.Member member(int order, double... loss) {
    return new Nsga2.Member(order, Map.of(), loss);
  }

  @Test
  void frontsAreNonDominatedLayers() {
    List<Nsga2.Member> pool = List.of(member(0, 1, 5), member(1, 2, 2), member(2, 5, 1), member(3, 3, 3),
        member(4, 6, 6), member(5, 2, 4));
    List<List<Nsga2.Member>> fronts = Nsga2.fronts(pool);
    assertThat(orders(fronts.get(0))).containsExactly(0, 1, 2).inOrder();
    assertThat(orders(fronts.get(1))).containsExactly(3, 5).inOrder();
    assertThat(orders(fronts.get(2))).containsExactly(4);
  }

  @Test
  void theLastFrontIsCutByCrowdingDistance() {
    // One front of five on a line; ends are infinite, then the widest gaps.
    List<Nsga2.Member> front = List.of(member(0, 0, 10), member(1, 1, 9), member(2, 5, 5), member(3, 9, 1),
        member(4, 10, 0));
    double[] d = Nsga2.crowdingDistances(front);
    assertThat(d[0]).isPositiveInfinity();
    assertThat(d[4]).isPositiveInfinity();
    assertThat(d[2]).isGreaterThan(d[1]);
    assertThat(orders(Nsga2.elite(front, 3))).containsExactly(0, 4, 2);
    // Whole better fronts first.
    List<Nsga2.Member> pool = new ArrayList<>(front);
    pool.add(member(5, 20, 20));
    assertThat(orders(Nsga2.elite(pool, 5))).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void constrainedDominationPutsFeasibleFirstThenSmallerViolations() {
    Nsga2.Member feasibleBad = new Nsga2.Member(0, Map.of(), new double[] {9, 9}, 0);
    Nsga2.Member feasibleGood = new Nsga2.Member(1, Map.of(), new double[] {1, 1}, 0);
    Nsga2.Member slightlyInfeasible = new Nsga2.Member(2, Map.of(), new double[] {0, 0}, 0.5);
    Nsga2.Member veryInfeasible = new Nsga2.Member(3, Map.of(), new double[] {-5, -5}, 3);
    Nsga2.Member unreported = new Nsga2.Member(4, Map.of(), new double[] {-9, -9}, Double.POSITIVE_INFINITY);
    assertThat(Nsga2.dominates(feasibleBad, slightlyInfeasible)).isTrue();
    assertThat(Nsga2.dominates(slightlyInfeasible, feasibleBad)).isFalse();
    assertThat(Nsga2.dominates(slightlyInfeasible, veryInfeasible)).isTrue();
    assertThat(Nsga2.dominates(veryInfeasible, unreported)).isTrue();
    assertThat(Nsga2.dominates(feasibleGood, feasibleBad)).isTrue();
    Nsga2.Member sameViolation = new Nsga2.Member(5, Map.of(), new double[] {7, 7}, 0.5);
    assertThat(Nsga2.dominates(slightlyInfeasible, sameViolation)).isFalse(); // equal violations: neither
    assertThat(Nsga2.dominates(sameViolation, slightlyInfeasible)).isFalse();
    List<Nsga2.Member> pool = List.of(unreported, veryInfeasible, slightlyInfeasible, feasibleBad, feasibleGood);
    assertThat(Nsga2.fronts(pool).stream().map(Nsga2Test::orders).toList()).containsExactly(List.of(1), List.of(0),
        List.of(2), List.of(3), List.of(4)).inOrder();
    assertThat(orders(Nsga2.elite(pool, 2))).containsExactly(1, 0).inOrder();
  }

  /**
   * Population 2: the parents of generation 2 are the best two of generations 0 and 1. Trials 1
   * and 2 have the best objective values but violate a constraint, so with constraints the parents
   * are trials 0 and 3, without them trials 1 and 2; a child without crossover or mutation copies
   * one parent.
   */
  @Test
  void proposalsFollowConstrainedDominationWhenTheHistoryHasConstraints() {
    ConfigSpace<Zdt1> space = Zdt1Space.space();
    Nsga2 nsga = Nsga2.defaults().withPopulationSize(2).withCrossoverProb(0).withMutationProb(0.0);
    double[][] values = {{5, 5}, {0, 0}, {0.1, 0.1}, {4, 6}};
    List<List<Double>> constraints = List.of(List.of(-1.0, 0.0), List.of(1.0, -1.0), List.of(0.0, 0.2),
        List.of(-0.5, -0.5));
    List<Observation> constrained = new ArrayList<>();
    List<Observation> plain = new ArrayList<>();
    Rng rng = new Rng(9);
    for (int i = 0; i < 4; i++) {
      Map<String, Double> params = Observation.internalParams(space, space.parameters(space.random(rng)));
      plain.add(Observation.complete(params, toList(values[i])));
      constrained.add(plain.get(i).withConstraints(constraints.get(i)));
    }
    for (int c = 0; c < 20; c++) {
      Map<String, Double> withConstraints = nsga.propose(space, constrained, MIN_MIN, new Rng(c)).params();
      assertThat(withConstraints).isAnyOf(plain.get(0).params(), plain.get(3).params());
      Map<String, Double> without = nsga.propose(space, plain, MIN_MIN, new Rng(c)).params();
      assertThat(without).isAnyOf(plain.get(1).params(), plain.get(2).params());
    }
  }

  @Test
  void generationZeroIsRandomThenChildrenFollow() {
    ConfigSpace<Zdt1> space = Zdt1Space.space();
    Nsga2 nsga = Nsga2.defaults().withPopulationSize(10);
    List<Observation> history = new ArrayList<>();
    Rng rng = new Rng(1);
    for (int i = 0; i < 25; i++) {
      Proposal p = nsga.propose(space, history, MIN_MIN, rng);
      assertThat(p.origin()).isEqualTo(i < 10 ? Proposal.Origin.RANDOM : Proposal.Origin.EVOLVED);
      history.add(Observation.complete(p.params(), toList(p.config(space).values())));
    }
  }

  @Test
  void withoutMutationAChildsValuesComeFromItsParents() {
    ConfigSpace<Zdt1> space = Zdt1Space.space();
    Nsga2 nsga = Nsga2.defaults().withPopulationSize(8).withCrossoverProb(1).withMutationProb(0.0);
    List<Observation> history = new ArrayList<>();
    Rng rng = new Rng(2);
    for (int i = 0; i < 8; i++) {
      Proposal p = nsga.propose(space, history, MIN_MIN, rng);
      history.add(Observation.complete(p.params(), toList(p.config(space).values())));
    }
    for (int c = 0; c < 20; c++) {
      Proposal child = nsga.propose(space, history, MIN_MIN, new Rng(100 + c));
      for (Map.Entry<String, Double> e : child.params().entrySet()) {
        boolean fromAParent = history.stream().anyMatch(o -> o.params().get(e.getKey()).equals(e.getValue()));
        assertThat(fromAParent).isTrue();
      }
    }
  }

  /**
   * ZDT1 over 25 generations of 20 (500 trials): NSGA-II's trials reach much further towards the
   * true front ({@code g = 1}, {@code f2 = 1 - sqrt(f1)}) than random search's, in hypervolume
   * and in the best {@code g}.
   */
  @Test
  void zdt1BeatsRandomSearch() {
    ConfigSpace<Zdt1> space = Zdt1Space.space();
    int trials = 500;
    Nsga2 nsga = Nsga2.defaults().withPopulationSize(20);
    List<double[]> evolved = new ArrayList<>();
    List<Observation> history = new ArrayList<>();
    Rng rng = new Rng(3);
    for (int i = 0; i < trials; i++) {
      Proposal p = nsga.propose(space, history, MIN_MIN, rng);
      double[] f = p.config(space).values();
      evolved.add(f);
      history.add(Observation.complete(p.params(), toList(f)));
    }
    List<double[]> random = new ArrayList<>();
    Rng r = new Rng(3);
    for (int i = 0; i < trials; i++) {
      random.add(space.random(r).values());
    }
    double[] reference = {1.1, 11};
    double hvEvolved = hypervolume(evolved, reference);
    double hvRandom = hypervolume(random, reference);
    System.out.println("ZDT1 hypervolume (reference 1.1, 11): NSGA-II " + hvEvolved + ", random " + hvRandom
        + "; best g: " + bestG(evolved) + " vs " + bestG(random));
    assertThat(hvEvolved).isGreaterThan(hvRandom + 1.0);
    assertThat(bestG(evolved)).isLessThan(bestG(random) - 0.5);
  }

  /** The smallest g = f2 / (1 - sqrt(f1 / g)) solved for g: from f2 = g - sqrt(f1 g). */
  private static double bestG(List<double[]> points) {
    double best = Double.POSITIVE_INFINITY;
    for (double[] p : points) {
      // f2 = g - sqrt(f1) sqrt(g): sqrt(g) = (sqrt(f1) + sqrt(f1 + 4 f2)) / 2.
      double root = (Math.sqrt(p[0]) + Math.sqrt(p[0] + 4 * p[1])) / 2;
      best = Math.min(best, root * root);
    }
    return best;
  }

  @Test
  void conditionalSpacesGiveValidChildrenAndRunsAreDeterministic() {
    ConfigSpace<Training> space = TrainingSpace.space();
    List<List<Observation>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      List<Observation> history = new ArrayList<>();
      Rng rng = new Rng(5);
      for (int i = 0; i < 60; i++) {
        Proposal p = Nsga2.defaults().withPopulationSize(10).propose(space, history, MIN_MIN, rng);
        Training t = p.config(space);
        space.validate(t);
        history.add(Observation.complete(p.params(),
            List.of((double) t.batchSize(), Math.abs(Math.log10(t.optimizer().learningRate()) + 3))));
      }
      runs.add(history);
    }
    assertThat(runs.get(0)).isEqualTo(runs.get(1));
  }

  @Test
  void sbxChildrenStayInRangeOnTheGridAndNearTheirParentsForALargeIndex() {
    double[] plain = {0, 10, 0, 0};
    double[] stepped = {0, 10, 0, 0.5};
    double[] logarithmic = {1e-4, 1, 1, 0};
    Rng rng = new Rng(3);
    double sumNear = 0;
    double sumFar = 0;
    for (int i = 0; i < 2_000; i++) {
      double c = Nsga2.sbx(0.5, 9.5, plain, 2, rng);
      assertThat(c).isAtLeast(0.0);
      assertThat(c).isAtMost(10.0);
      double g = Nsga2.sbx(1.0, 3.0, stepped, 2, rng);
      assertThat(g * 2).isEqualTo(Math.rint(g * 2));
      double l = Nsga2.sbx(1e-3, 1e-2, logarithmic, 20, rng);
      assertThat(l).isAtLeast(1e-4);
      assertThat(l).isAtMost(1.0);
      double near = Nsga2.sbx(4, 6, plain, 50, rng);
      double far = Nsga2.sbx(4, 6, plain, 0.5, rng);
      sumNear += Math.min(Math.abs(near - 4), Math.abs(near - 6));
      sumFar += Math.min(Math.abs(far - 4), Math.abs(far - 6));
    }
    assertThat(sumNear / 2_000).isLessThan(0.1); // a large index keeps children by their parents
    assertThat(sumNear).isLessThan(sumFar / 3);
    assertThat(Nsga2.sbx(2.5, 2.5, plain, 20, rng)).isEqualTo(2.5);
  }

  @Test
  void sbxRunsOnConditionalSpacesAndIsDeterministic() {
    ConfigSpace<Training> space = TrainingSpace.space();
    Nsga2 sbx = Nsga2.defaults().withPopulationSize(10).withSbxCrossover(20);
    assertThat(sbx.sbxEta()).isEqualTo(20.0);
    List<List<Observation>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      List<Observation> history = new ArrayList<>();
      Rng rng = new Rng(5);
      for (int i = 0; i < 60; i++) {
        Proposal p = sbx.propose(space, history, MIN_MIN, rng);
        Training t = p.config(space);
        space.validate(t);
        history.add(Observation.complete(p.params(),
            List.of((double) t.batchSize(), Math.abs(Math.log10(t.optimizer().learningRate()) + 3))));
      }
      runs.add(history);
    }
    assertThat(runs.get(0)).isEqualTo(runs.get(1));
    assertThrows(IllegalArgumentException.class, () -> Nsga2.defaults().withSbxCrossover(-1));
  }

  @Test
  void badOptionsAndObjectiveCountsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Nsga2.defaults().withPopulationSize(1));
    assertThrows(IllegalArgumentException.class, () -> Nsga2.defaults().withCrossoverProb(1.5));
    List<Observation> one = List.of(Observation.complete(Map.of(), 1.0));
    assertThrows(IllegalArgumentException.class,
        () -> Nsga2.defaults().propose(Zdt1Space.space(), one, MIN_MIN, new Rng(1)));
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static List<Integer> orders(List<Nsga2.Member> members) {
    return members.stream().map(Nsga2.Member::order).toList();
  }

  private static List<Double> toList(double[] a) {
    return Arrays.stream(a).boxed().toList();
  }

  /**
   * The area that {@code points} (two objectives, both minimized) dominate below {@code
   * reference}: a sweep along the first objective, each point adding its rectangle below the best
   * second objective so far.
   */
  static double hypervolume(List<double[]> points, double[] reference) {
    List<double[]> sorted = new ArrayList<>();
    for (double[] p : points) {
      if (p[0] < reference[0] && p[1] < reference[1]) {
        sorted.add(p);
      }
    }
    sorted.sort(Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
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
}
