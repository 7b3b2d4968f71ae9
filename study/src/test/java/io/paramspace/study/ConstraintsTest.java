package io.paramspace.study;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.samplers.Hypervolume;
import io.paramspace.samplers.Nsga2;
import io.paramspace.study.configs.CurveConfig;
import io.paramspace.study.configs.CurveConfigSpace;
import io.paramspace.study.configs.LineZdtConfig;
import io.paramspace.study.configs.LineZdtConfigSpace;
import io.paramspace.study.configs.TnkConfig;
import io.paramspace.study.configs.TnkConfigSpace;
import io.paramspace.study.sampler.Nsga2Sampler;
import io.paramspace.study.sampler.RandomSampler;
import io.paramspace.study.sampler.TpeSampler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstraintsTest {
  private static final ConfigSpace<TnkConfig> TNK = TnkConfigSpace.space();
  private static final ConfigSpace<LineZdtConfig> LINE = LineZdtConfigSpace.space();
  private static final ConfigSpace<CurveConfig> CURVE = CurveConfigSpace.space();
  @TempDir Path dir;

  private static double[] tnk(TnkConfig c, StudyTrial<TnkConfig> trial) {
    trial.setConstraints(c.constraints());
    return new double[] {c.x1(), c.x2()};
  }

  /**
   * The constrained front of {@link LineZdtConfig} is the segment {@code f1 + f2 = 1.5}, on the
   * constraint's boundary. With constrained domination NSGA-II's front is feasible, much closer to
   * that boundary than random search's after as many trials, and dominates more; infeasible trials
   * (below the line) are kept out of the front.
   */
  @Test
  void nsga2FindsTheFrontOnTheConstraintBoundaryAndTheFrontIsFeasible() {
    Front evolved = lineFront(new Nsga2Sampler(Nsga2.defaults().withPopulationSize(20)));
    Front random = lineFront(new RandomSampler());
    assertThat(evolved.front.size()).isAtLeast(5);
    for (FrozenTrial t : evolved.front) {
      assertThat(Constraints.isFeasible(t)).isTrue();
      assertThat(t.values().get(0) + t.values().get(1)).isAtLeast(1.5);
    }
    assertThat(evolved.meanGap).isLessThan(random.meanGap / 2);
    assertThat(evolved.hypervolume).isGreaterThan(random.hypervolume);
    // The constraint was active: NSGA-II went below the line, and those trials are not on the front.
    assertThat(evolved.all.stream().filter(t -> !Constraints.isFeasible(t)).count()).isAtLeast(5L);
  }

  /** All trials, the front, its mean distance {@code f1 + f2 - 1.5} to the boundary, its hypervolume. */
  private record Front(List<FrozenTrial> all, List<FrozenTrial> front, double meanGap, double hypervolume) {}

  private static Front lineFront(Sampler sampler) {
    try (Study study = Study.builder("memory:", "line").directions(Direction.MINIMIZE, Direction.MINIMIZE)
        .sampler(sampler).seed(3).open()) {
      study.optimizeMulti(LINE, (config, trial) -> {
        trial.setConstraints(config.constraint());
        return config.objectives();
      }, OptimizeOptions.trials(300).withProgressBar(false));
      List<FrozenTrial> front = study.paretoFront();
      double gap = 0;
      List<double[]> points = new ArrayList<>();
      for (FrozenTrial t : front) {
        gap += (t.values().get(0) + t.values().get(1) - 1.5) / front.size();
        points.add(new double[] {t.values().get(0), t.values().get(1)});
      }
      double hypervolume = Hypervolume.of(points, new double[] {1.1, 2.2});
      return new Front(study.trials(), front, gap, hypervolume);
    }
  }

  @Test
  void motpeRunsOnAConstrainedStudyAndKeepsItsFrontFeasible() {
    try (Study study = Study.builder("memory:", "tnk").directions(Direction.MINIMIZE, Direction.MINIMIZE)
        .sampler(new TpeSampler()).seed(4).open()) {
      study.optimizeMulti(TNK, ConstraintsTest::tnk, OptimizeOptions.trials(60).withProgressBar(false));
      assertThat(study.paretoFront()).isNotEmpty();
      assertThat(study.paretoFront().stream().allMatch(Constraints::isFeasible)).isTrue();
    }
  }

  @Test
  void constraintsAreStoredAsOptunaDoesAndSurviveAReopenOfSqlite() {
    String url = "sqlite:" + dir.resolve("c.db");
    try (Study study = Study.builder(url, "c").directions(Direction.MINIMIZE).seed(1).open()) {
      StudyTrial<CurveConfig> a = study.ask(CURVE);
      a.setConstraints(1.5, -2.0);
      study.tell(a, 1.0);
      StudyTrial<CurveConfig> b = study.ask(CURVE);
      b.setConstraints(0.0, -0.25);
      study.tell(b, 3.0);
    }
    try (Study again = Study.load(url, "c")) {
      List<FrozenTrial> trials = again.trials();
      assertThat(trials.get(0).systemAttributes().get(Constraints.ATTRIBUTE)).isEqualTo("[1.5, -2.0]");
      assertThat(Constraints.of(trials.get(0)).orElseThrow()).containsExactly(1.5, -2.0).inOrder();
      assertThat(Constraints.of(trials.get(1)).orElseThrow()).containsExactly(0.0, -0.25).inOrder();
      assertThat(Constraints.isFeasible(trials.get(0))).isFalse();
      assertThat(Constraints.isFeasible(trials.get(1))).isTrue();
      // The better value is infeasible: the best trial is the feasible one, for both ways of asking.
      assertThat(again.bestTrial().number()).isEqualTo(1);
      assertThat(again.best(CURVE).trial().number()).isEqualTo(1);
      assertThat(again.paretoFront().stream().map(FrozenTrial::number).toList()).containsExactly(1);
    }
  }

  @Test
  void optunasFormatsAreRead() {
    FrozenTrial t = FrozenTrial.template(TrialState.COMPLETE, null, null, List.of(1.0), java.util.Map.of(),
        java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of(Constraints.ATTRIBUTE,
            "[0, -1.5, Infinity]"));
    assertThat(Constraints.of(t).orElseThrow()).containsExactly(0.0, -1.5, Double.POSITIVE_INFINITY).inOrder();
    FrozenTrial raised = t.withSystemAttribute(Constraints.ATTRIBUTE, "null"); // Optuna's constraints_func raised
    assertThat(Constraints.of(raised)).isEmpty();
    assertThat(Constraints.isFeasible(raised)).isFalse();
    FrozenTrial bad = t.withSystemAttribute(Constraints.ATTRIBUTE, "{\"a\": 1}");
    StudyException e = assertThrows(StudyException.class, () -> Constraints.of(bad));
    assertThat(e).hasMessageThat().contains("not a list of numbers");
  }

  @Test
  void aFrontWithoutFeasibleTrialsIsEmptyAndBestSaysWhy() {
    try (Study study = Study.builder("memory:", "c").directions(Direction.MINIMIZE).open()) {
      StudyTrial<CurveConfig> a = study.ask(CURVE);
      a.setConstraints(0.1);
      study.tell(a, 1.0);
      StudyTrial<CurveConfig> b = study.ask(CURVE); // reports no constraints: infeasible in a constrained study
      study.tell(b, 0.5);
      assertThat(study.paretoFront()).isEmpty();
      StudyException e = assertThrows(StudyException.class, study::bestTrial);
      assertThat(e).hasMessageThat().contains("feasible");
    }
  }

  @Test
  void badConstraintValuesNameTheTrialAndWhatToDo() {
    try (Study study = Study.builder("memory:", "c").directions(Direction.MINIMIZE).open()) {
      StudyTrial<CurveConfig> a = study.ask(CURVE);
      IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
          () -> a.setConstraints(0.0, Double.NaN));
      assertThat(nan).hasMessageThat().isEqualTo("constraint 1 of trial 0 is NaN, in [0.0, NaN]; return a number:"
          + " <= 0 when satisfied, positive by how much it is violated");
      assertThrows(IllegalArgumentException.class, a::setConstraints);
      a.setConstraints(0.0, -1.0);
      study.tell(a, 1.0);
      StudyException late = assertThrows(StudyException.class, () -> a.setConstraints(0.0, 0.0));
      assertThat(late).hasMessageThat().contains("trial 0 of study 'c' is finished");
      StudyTrial<CurveConfig> b = study.ask(CURVE);
      IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> b.setConstraints(1.0));
      assertThat(count).hasMessageThat().isEqualTo("trial 1 of study 'c' reports 1 constraint value(s), but trial 0"
          + " reported 2; report the same constraints, in the same order, for every trial");
    }
  }

  /** A fresh process (a new Study object) learns the count from the stored trials. */
  @Test
  void theCountIsCheckedAgainstStoredTrialsToo() {
    String url = "sqlite:" + dir.resolve("n.db");
    try (Study study = Study.builder(url, "n").directions(Direction.MINIMIZE).open()) {
      StudyTrial<CurveConfig> a = study.ask(CURVE);
      a.setConstraints(-1, -1, -1);
      study.tell(a, 1.0);
    }
    try (Study again = Study.open(url, "n")) {
      StudyTrial<CurveConfig> b = again.ask(CURVE);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.setConstraints(1.0));
      assertThat(e).hasMessageThat().contains("but trial 0 reported 3");
    }
  }
}
