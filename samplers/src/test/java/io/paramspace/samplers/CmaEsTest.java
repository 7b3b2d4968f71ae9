package io.paramspace.samplers;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Distribution.CategoricalDistribution;
import io.paramspace.runtime.Distribution.FloatDistribution;
import io.paramspace.runtime.Distribution.IntDistribution;
import io.paramspace.runtime.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** CMA-ES over named parameters: the cube's coding, replay from tagged history, restarts. */
class CmaEsTest {
  private static final Map<String, Distribution> TWO_FLOATS = space(
      "a", new FloatDistribution(-2, 2, false, null),
      "b", new FloatDistribution(-2, 2, false, null));

  private static Map<String, Distribution> space(Object... nameThenDistribution) {
    Map<String, Distribution> s = new LinkedHashMap<>();
    for (int i = 0; i < nameThenDistribution.length; i += 2) {
      s.put((String) nameThenDistribution[i], (Distribution) nameThenDistribution[i + 1]);
    }
    return s;
  }

  /** Trial t's random source, as a study adapter would seed it. */
  private static Rng rngOf(int trial) {
    return new Rng(1000 + 7L * trial);
  }

  /** Asks and tells {@code trials} trials, replaying the history each time; returns the asks. */
  private static List<CmaEs.Ask> study(CmaEs cma, Map<String, Distribution> space, int trials,
      ToDoubleFunction<Map<String, Double>> f, List<CmaEs.Evaluated> history) {
    List<CmaEs.Ask> asks = new ArrayList<>();
    for (int t = 0; t < trials; t++) {
      CmaEs.Ask a = cma.ask(space, history, Direction.MINIMIZE, rngOf(t));
      asks.add(a);
      history.add(new CmaEs.Evaluated(a.params(), f.applyAsDouble(a.params()), a.restart(), a.generation()));
    }
    return asks;
  }

  private static double rosenbrock(Map<String, Double> p) {
    double a = p.get("a");
    double b = p.get("b");
    return 100 * (b - a * a) * (b - a * a) + (1 - a) * (1 - a);
  }

  @Test
  void replayEqualsAContinuousRun() {
    CmaEs cma = CmaEs.builder().restarts(false).build();
    Map<String, Distribution> space = space(
        "a", new FloatDistribution(-2, 2, false, null),
        "b", new FloatDistribution(-2, 2, false, null),
        "n", new IntDistribution(1, 20, false, 1));
    ToDoubleFunction<Map<String, Double>> f = p -> rosenbrock(p) + Math.abs(p.get("n") - 7);
    List<CmaEs.Ask> replayed = study(cma, space, 80, f, new ArrayList<>());

    // The same run with one optimizer kept in memory, told each generation as it completes.
    UnitCube cube = new UnitCube(space);
    CmaEsOptimizer live = new CmaEsOptimizer(new double[] {0.5, 0.5, 0.5}, 1.0 / 6, 0);
    List<double[]> xs = new ArrayList<>();
    List<Double> fs = new ArrayList<>();
    for (int t = 0; t < 80; t++) {
      Map<String, Double> params = cube.decode(live.ask(rngOf(t)));
      assertThat(replayed.get(t).params()).isEqualTo(params);
      assertThat(replayed.get(t).generation()).isEqualTo(live.generation());
      xs.add(cube.encode(params));
      fs.add(f.applyAsDouble(params));
      if (xs.size() == live.populationSize()) {
        live.tell(xs, fs.stream().mapToDouble(Double::doubleValue).toArray());
        xs.clear();
        fs.clear();
      }
    }
    assertThat(live.generation()).isEqualTo(80 / 7); // lambda = 4 + floor(3 ln 3) = 7
  }

  @Test
  void aGenerationWaitsForLambdaValuesAndIgnoresTheSurplus() {
    CmaEs cma = CmaEs.defaults();
    List<CmaEs.Evaluated> history = new ArrayList<>();
    // Eight trials asked before any is told (parallel workers): all in generation 0.
    List<CmaEs.Ask> asks = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      asks.add(cma.ask(TWO_FLOATS, history, Direction.MINIMIZE, rngOf(t)));
    }
    assertThat(asks.stream().map(CmaEs.Ask::generation).distinct().toList()).containsExactly(0);
    assertThat(asks.get(0).populationSize()).isEqualTo(6);
    for (int t = 0; t < 5; t++) {
      CmaEs.Ask a = asks.get(t);
      history.add(new CmaEs.Evaluated(a.params(), rosenbrock(a.params()), a.restart(), a.generation()));
    }
    assertThat(cma.ask(TWO_FLOATS, history, Direction.MINIMIZE, rngOf(8)).generation()).isEqualTo(0);
    for (int t = 5; t < 8; t++) {
      CmaEs.Ask a = asks.get(t);
      history.add(new CmaEs.Evaluated(a.params(), rosenbrock(a.params()), a.restart(), a.generation()));
    }
    CmaEs.Ask next = cma.ask(TWO_FLOATS, history, Direction.MINIMIZE, rngOf(9));
    assertThat(next.generation()).isEqualTo(1);
    // The surplus trials 6 and 7 of generation 0 are not told: changing them changes nothing.
    List<CmaEs.Evaluated> changed = new ArrayList<>(history);
    changed.set(7, new CmaEs.Evaluated(history.get(7).params(), -1e9, 0, 0));
    assertThat(cma.ask(TWO_FLOATS, changed, Direction.MINIMIZE, rngOf(9))).isEqualTo(next);
    // ... but making the best told one the worst does (CMA-ES sees ranks only).
    int best = 0;
    for (int t = 1; t < 6; t++) {
      best = history.get(t).value() < history.get(best).value() ? t : best;
    }
    changed.set(best, new CmaEs.Evaluated(history.get(best).params(), 1e9, 0, 0));
    assertThat(cma.ask(TWO_FLOATS, changed, Direction.MINIMIZE, rngOf(9))).isNotEqualTo(next);
  }

  @Test
  void stagnationRestartsWithTwiceThePopulation() {
    CmaEs cma = CmaEs.builder().seed(4).build();
    // A flat objective stagnates (TOL_FUN) after 21 generations of 6: at trial 126.
    List<CmaEs.Ask> asks = study(cma, TWO_FLOATS, 140, p -> 1.0, new ArrayList<>());
    assertThat(asks.get(125).restart()).isEqualTo(0);
    assertThat(asks.get(125).generation()).isEqualTo(20);
    assertThat(asks.get(126).restart()).isEqualTo(1);
    assertThat(asks.get(126).generation()).isEqualTo(0);
    assertThat(asks.get(126).populationSize()).isEqualTo(12);
    assertThat(asks.get(139).generation()).isEqualTo(1);
  }

  @Test
  void withoutRestartsAStagnatedRunGoesOn() {
    CmaEs cma = CmaEs.builder().restarts(false).build();
    List<CmaEs.Ask> asks = study(cma, TWO_FLOATS, 140, p -> 1.0, new ArrayList<>());
    assertThat(asks.get(139).restart()).isEqualTo(0);
    assertThat(asks.get(139).generation()).isEqualTo(23);
  }

  @Test
  void maximizingFollowsTheLargerValues() {
    CmaEs cma = CmaEs.defaults();
    List<CmaEs.Evaluated> history = new ArrayList<>();
    for (int t = 0; t < 120; t++) {
      CmaEs.Ask a = cma.ask(TWO_FLOATS, history, Direction.MAXIMIZE, rngOf(t));
      history.add(new CmaEs.Evaluated(a.params(), -rosenbrock(a.params()), a.restart(), a.generation()));
    }
    CmaEs.Evaluated last = history.get(history.size() - 1);
    assertThat(rosenbrock(last.params())).isLessThan(1.0);
  }

  @Test
  void intsAndStepsLandOnTheirGrid() {
    Map<String, Distribution> space = space(
        "layers", new IntDistribution(1, 8, false, 1),
        "units", new IntDistribution(16, 256, true, 1),
        "even", new IntDistribution(0, 20, false, 2),
        "drop", new FloatDistribution(0, 0.9, false, 0.1));
    List<CmaEs.Ask> asks = study(CmaEs.defaults(), space, 200,
        p -> Math.abs(p.get("layers") - 8) + Math.abs(p.get("drop") - 0.3), new ArrayList<>());
    java.util.Set<Double> layers = new java.util.TreeSet<>();
    for (CmaEs.Ask a : asks) {
      for (Map.Entry<String, Double> e : a.params().entrySet()) {
        assertThat(space.get(e.getKey()).contains(space.get(e.getKey()).toExternal(e.getValue()))).isTrue();
      }
      double layer = a.params().get("layers");
      assertThat(layer).isEqualTo(Math.rint(layer));
      assertThat(a.params().get("even") % 2).isEqualTo(0.0);
      layers.add(layer);
    }
    // The widened range gives the upper end its full cell: the run reaches 8 and stays there.
    assertThat(layers).containsAtLeast(3.0, 4.0, 5.0, 8.0);
    assertThat(asks.get(199).params().get("layers")).isEqualTo(8.0);
    double drop = asks.get(199).params().get("drop");
    assertThat(drop).isEqualTo(0.3); // exactly the decimal grid value, not 0.30000000000000004
  }

  @Test
  void logParametersAreSampledInLogSpace() {
    Map<String, Distribution> space = space("lr", new FloatDistribution(1e-5, 1e-1, true, null),
        "x", new FloatDistribution(0, 1, false, null));
    // Generation 0 from the centre: in log space the centre is 1e-3; a linear centre would be 0.05.
    int below = 0;
    int trials = 0;
    for (int t = 0; t < 400; t++) {
      double lr = CmaEs.defaults().ask(space, List.of(), Direction.MINIMIZE, rngOf(t)).params().get("lr");
      assertThat(lr).isAtLeast(1e-5);
      assertThat(lr).isAtMost(1e-1);
      below += lr < 1e-3 ? 1 : 0;
      trials++;
    }
    assertThat((double) below / trials).isIn(com.google.common.collect.Range.closed(0.4, 0.6));
  }

  @Test
  void aSpaceOfOneParameterIsSearched() {
    Map<String, Distribution> space = space("x", new FloatDistribution(-5, 5, false, null));
    List<CmaEs.Ask> asks = study(CmaEs.defaults(), space, 100, p -> Math.pow(p.get("x") - 1.2, 2), new ArrayList<>());
    assertThat(asks.get(0).populationSize()).isEqualTo(4);
    double closest = asks.stream().mapToDouble(a -> Math.abs(a.params().get("x") - 1.2)).min().orElseThrow();
    assertThat(closest).isLessThan(1e-3);
  }

  @Test
  void trialsOutsideTheSpaceOrOfAnotherRestartAreNotTold() {
    CmaEs cma = CmaEs.defaults();
    List<CmaEs.Evaluated> history = new ArrayList<>();
    study(cma, TWO_FLOATS, 6, CmaEsTest::rosenbrock, history);
    assertThat(cma.ask(TWO_FLOATS, history, Direction.MINIMIZE, rngOf(6)).generation()).isEqualTo(1);
    // A value outside the space (a narrowed range) leaves generation 0 one short ...
    List<CmaEs.Evaluated> narrowed = new ArrayList<>(history);
    narrowed.set(3, new CmaEs.Evaluated(Map.of("a", 5.0, "b", 0.0), 1.0, 0, 0));
    assertThat(cma.ask(TWO_FLOATS, narrowed, Direction.MINIMIZE, rngOf(6)).generation()).isEqualTo(0);
    // ... and so does a trial tagged with another restart.
    List<CmaEs.Evaluated> foreign = new ArrayList<>(history);
    CmaEs.Evaluated e = history.get(3);
    foreign.set(3, new CmaEs.Evaluated(e.params(), e.value(), 1, 0));
    assertThat(cma.ask(TWO_FLOATS, foreign, Direction.MINIMIZE, rngOf(6)).generation()).isEqualTo(0);
  }

  @Test
  void categoricalOrSingleValuedParametersAreRejectedByName() {
    Map<String, Distribution> withChoice = space("a", new FloatDistribution(0, 1, false, null),
        "opt", new CategoricalDistribution(List.of("adam", "sgd"), List.of(1.0, 1.0)));
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> CmaEs.defaults().ask(withChoice, List.of(), Direction.MINIMIZE, rngOf(0))))
        .hasMessageThat().contains("'opt' is categorical");
    Map<String, Distribution> single = space("a", new FloatDistribution(1, 1, false, null));
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> CmaEs.defaults().ask(single, List.of(), Direction.MINIMIZE, rngOf(0))))
        .hasMessageThat().contains("'a' holds a single value");
    assertThat(assertThrows(IllegalArgumentException.class, () -> CmaEs.builder().sigma0(2)))
        .hasMessageThat().contains("sigma0");
  }
}
