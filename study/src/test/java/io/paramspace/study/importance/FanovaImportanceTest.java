package io.paramspace.study.importance;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.study.Direction;
import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.Study;
import io.paramspace.study.StudyException;
import io.paramspace.study.configs.CurveConfig;
import io.paramspace.study.configs.CurveConfigSpace;
import io.paramspace.study.configs.TinyConfigSpace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FanovaImportanceTest {
  static final ConfigSpace<CurveConfig> SPACE = CurveConfigSpace.space();
  static final String X = "CurveConfig.x";
  static final String Z = "CurveConfig.z";
  static final String KIND = "CurveConfig.kind";

  private static Study study(int trials, java.util.function.ToDoubleFunction<CurveConfig> f) {
    Study study = Study.builder("memory:", "imp").directions(Direction.MINIMIZE).seed(21).open();
    study.optimize(SPACE, (c, t) -> f.applyAsDouble(c), OptimizeOptions.trials(trials).withProgressBar(false));
    return study;
  }

  @Test
  void theParameterThatDrivesTheObjectiveGetsNearlyAllTheImportance() {
    try (Study study = study(150, c -> 10 * (c.x() - 0.3) * (c.x() - 0.3) + 0.01 * c.z())) {
      Map<String, Double> importance = study.importances(SPACE);
      assertThat(importance.keySet()).containsExactly(X, Z, KIND);
      assertThat(importance.keySet().iterator().next()).isEqualTo(X); // most important first
      assertThat(importance.get(X)).isGreaterThan(0.9);
      assertThat(importance.get(Z)).isLessThan(0.05);
      assertThat(importance.get(KIND)).isLessThan(0.05);
      assertThat(importance.values().stream().mapToDouble(Double::doubleValue).sum()).isWithin(1e-9).of(1.0);
      // Seeded with the study's seed: the same answer every time.
      assertThat(study.importances(SPACE)).isEqualTo(importance);
    }
  }

  @Test
  void aCategoricalThatMattersIsFoundThroughItsOneHotColumns() {
    try (Study study = study(150, c -> (c.kind().equals("b") ? 5 : 0) + 0.1 * c.x())) {
      Map<String, Double> importance = new FanovaImportance(32, 64, 1L).evaluate(study, SPACE);
      assertThat(importance.get(KIND)).isGreaterThan(0.9);
      assertThat(importance.get(Z)).isLessThan(0.05);
    }
  }

  @Test
  void twoParametersThatMatterShareTheImportanceByTheirVariance() {
    // 2x + z: Var(2x) = 4/12 and Var(z) = 1/12 over the unit square, so about 0.8 and 0.2.
    try (Study study = study(200, c -> 2 * c.x() + c.z())) {
      Map<String, Double> importance = study.importances(SPACE);
      assertThat(importance.get(X)).isWithin(0.1).of(0.8);
      assertThat(importance.get(Z)).isWithin(0.1).of(0.2);
    }
  }

  @Test
  void aTargetAndChosenParametersForAStudyWithSeveralObjectives() {
    try (Study study = Study.builder("memory:", "mo").directions(Direction.MINIMIZE, Direction.MINIMIZE).seed(5)
        .open()) {
      study.optimizeMulti(SPACE, (c, t) -> new double[] {c.x(), 3 * c.z()}, 80);
      StudyException e = assertThrows(StudyException.class, () -> study.importances(SPACE));
      assertThat(e).hasMessageThat().contains("has 2 objectives: give the target to explain");
      Map<String, Double> second = new FanovaImportance().evaluate(study, SPACE, List.of(X, Z), t -> t.values().get(1));
      assertThat(second.keySet()).containsExactly(Z, X).inOrder();
      assertThat(second.get(Z)).isGreaterThan(0.9);
    }
  }

  @Test
  void tooFewTrialsOrAFlatObjectiveAreClearErrors() {
    try (Study study = study(1, c -> c.x())) {
      StudyException e = assertThrows(StudyException.class, () -> study.importances(SPACE));
      assertThat(e).hasMessageThat().isEqualTo("cannot assess parameter importance in study 'imp': it has 1 complete"
          + " trial(s) that are configs of CurveConfig; it needs at least 2 (tens for a meaningful answer)");
    }
    try (Study study = study(10, c -> 1.0)) {
      StudyException e = assertThrows(StudyException.class, () -> study.importances(SPACE));
      assertThat(e).hasMessageThat().contains("values do not vary with the parameters");
    }
    try (Study study = study(10, c -> c.x())) {
      StudyException e = assertThrows(StudyException.class,
          () -> new FanovaImportance().evaluate(study, SPACE, List.of("CurveConfig.y"), t -> t.value()));
      assertThat(e).hasMessageThat().contains("'CurveConfig.y' in study 'imp': it is not a parameter of CurveConfig");
    }
  }

  @Test
  void conditionalParametersAreLeftOutUnlessEveryTrialHasThem() {
    try (Study study = Study.builder("memory:", "tiny").seed(8).open()) {
      study.optimize(TinyConfigSpace.space(), (c, t) -> c.x() * c.x(), OptimizeOptions.trials(60).withProgressBar(false));
      Map<String, Double> importance = study.importances(TinyConfigSpace.space());
      assertThat(importance).doesNotContainKey("TinyConfig.optimizer::OptConfig.momentum::true_branch");
      assertThat(importance.keySet().iterator().next()).isEqualTo("TinyConfig.x");
    }
  }
}
