package io.paramspace.study;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.study.configs.CurveConfig;
import io.paramspace.study.configs.CurveConfigSpace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiObjectiveTest {
  static final ConfigSpace<CurveConfig> SPACE = CurveConfigSpace.space();
  @TempDir Path dir;

  /** Maximize accuracy x, minimize cost x^2 + z: the front is every trial not beaten on both. */
  static double[] objectives(CurveConfig c) {
    return new double[] {c.x(), c.x() * c.x() + c.z()};
  }

  @Test
  void optimizeMultiStoresOneValuePerDirectionAndTheParetoFrontIsTheNonDominatedTrials() {
    try (Study study = Study.builder("sqlite:" + dir.resolve("mo.db"), "mo")
        .directions(Direction.MAXIMIZE, Direction.MINIMIZE).seed(2).open()) {
      study.optimizeMulti(SPACE, (config, trial) -> objectives(config), 60);
      assertThat(study.trialCount()).isEqualTo(60);
      List<FrozenTrial> trials = study.trials();
      for (FrozenTrial t : trials) {
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.values()).containsExactly(objectives(study.config(SPACE, t))[0],
            objectives(study.config(SPACE, t))[1]).inOrder();
      }
      List<FrozenTrial> front = study.paretoFront();
      assertThat(front).isNotEmpty();
      for (FrozenTrial t : trials) {
        boolean onFront = front.stream().anyMatch(f -> f.number() == t.number());
        boolean dominated = trials.stream().anyMatch(o -> o.values().get(0) >= t.values().get(0)
            && o.values().get(1) <= t.values().get(1)
            && (o.values().get(0) > t.values().get(0) || o.values().get(1) < t.values().get(1)));
        assertThat(onFront).isEqualTo(!dominated);
      }
      StudyException single = assertThrows(StudyException.class, study::bestTrial);
      assertThat(single).hasMessageThat().contains("Pareto front");
    }
    // Reopened, the directions and values are as stored.
    try (Study again = Study.open("sqlite:" + dir.resolve("mo.db"), "mo")) {
      assertThat(again.directions()).containsExactly(Direction.MAXIMIZE, Direction.MINIMIZE).inOrder();
      assertThat(again.paretoFront()).isNotEmpty();
    }
  }

  @Test
  void aWrongNumberOfValuesOrANonFiniteOneFailsTheTrialWithTheReason() {
    try (Study study = Study.builder("memory:", "mo").directions(Direction.MAXIMIZE, Direction.MINIMIZE).seed(3)
        .open()) {
      study.optimizeMulti(SPACE, (config, trial) -> switch (trial.number()) {
        case 0 -> new double[] {1.0};
        case 1 -> new double[] {1.0, Double.NaN};
        case 2 -> null;
        default -> new double[] {1.0, 2.0};
      }, OptimizeOptions.trials(4).withProgressBar(false));
      List<FrozenTrial> t = study.trials();
      assertThat(t.get(0).systemAttributes().get(Study.FAIL_REASON_ATTRIBUTE)).isEqualTo(
          "\"the objective returned 1 value(s) for the 2 objective(s) [MAXIMIZE, MINIMIZE] of the study\"");
      assertThat(t.get(1).systemAttributes().get(Study.FAIL_REASON_ATTRIBUTE)).isEqualTo(
          "\"the objective returned [1.0, NaN]\"");
      assertThat(t.get(2).state()).isEqualTo(TrialState.FAIL);
      assertThat(t.get(3).state()).isEqualTo(TrialState.COMPLETE);
      assertThat(study.paretoFront().stream().map(FrozenTrial::number).toList()).containsExactly(3);
    }
  }

  @Test
  void aSingleObjectiveOnAStudyWithSeveralIsAClearError() {
    try (Study study = Study.builder("memory:", "mo").directions(Direction.MAXIMIZE, Direction.MINIMIZE).open()) {
      StudyException e = assertThrows(StudyException.class, () -> study.optimize(SPACE, (c, t) -> c.x(), 3));
      assertThat(e).hasMessageThat().isEqualTo("study 'mo' has 2 objectives [MAXIMIZE, MINIMIZE]: optimize it with"
          + " optimizeMulti and a MultiObjective that returns one value per direction");
      assertThat(study.trialCount()).isEqualTo(0);
    }
  }

  @Test
  void askAndTellWithSeveralValues() {
    try (Study study = Study.builder("memory:", "mo").directions(Direction.MINIMIZE, Direction.MINIMIZE).open()) {
      StudyTrial<CurveConfig> a = study.ask(SPACE);
      StudyTrial<CurveConfig> b = study.ask(SPACE);
      StudyTrial<CurveConfig> c = study.ask(SPACE);
      study.tell(a, 1.0, 5.0);
      study.tell(b, 2.0, 2.0);
      study.tell(c, 3.0, 6.0); // dominated by both
      assertThat(study.paretoFront().stream().map(FrozenTrial::number).toList()).containsExactly(0, 1).inOrder();
      study.exclude(1);
      assertThat(study.paretoFront().stream().map(FrozenTrial::number).toList()).containsExactly(0);
    }
  }

  @Test
  void aSingleObjectiveStudysFrontIsItsBestTrials() {
    try (Study study = Study.builder("memory:", "one").directions(Direction.MINIMIZE).open()) {
      for (double v : new double[] {3, 1, 2, 1}) {
        study.tell(study.ask(SPACE), v);
      }
      assertThat(study.paretoFront().stream().map(FrozenTrial::number).toList()).containsExactly(1, 3).inOrder();
      assertThat(study.bestTrial().number()).isEqualTo(1);
    }
  }

  /** TpeSampler takes several directions (MOTPE): same seed, same trials; it beats random search here. */
  @Test
  void tpeSamplerWithSeveralDirectionsIsMotpe() {
    List<List<Double>> first = motpe(new io.paramspace.study.sampler.TpeSampler(), 11);
    assertThat(first).isEqualTo(motpe(new io.paramspace.study.sampler.TpeSampler(), 11));
    double[] reference = {0, 2};  // maximize x (as -x below 0), minimize x^2 + z below 2
    assertThat(hypervolume(first, reference))
        .isGreaterThan(hypervolume(motpe(new io.paramspace.study.sampler.RandomSampler(), 11), reference));
  }

  private static List<List<Double>> motpe(Sampler sampler, long seed) {
    try (Study study = Study.builder("memory:", "motpe").directions(Direction.MAXIMIZE, Direction.MINIMIZE)
        .sampler(sampler).seed(seed).open()) {
      study.optimizeMulti(SPACE, (config, trial) -> objectives(config),
          OptimizeOptions.trials(60).withProgressBar(false));
      return study.trials().stream().map(FrozenTrial::values).toList();
    }
  }

  private static double hypervolume(List<List<Double>> values, double[] reference) {
    List<double[]> losses = values.stream().map(v -> new double[] {-v.get(0), v.get(1)}).toList();
    return io.paramspace.samplers.Hypervolume.of(losses, reference);
  }
}
