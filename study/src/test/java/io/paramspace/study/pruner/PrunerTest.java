package io.paramspace.study.pruner;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.Pruner;
import io.paramspace.study.Study;
import io.paramspace.study.StudyException;
import io.paramspace.study.StudyTrial;
import io.paramspace.study.TrialPrunedException;
import io.paramspace.study.TrialState;
import io.paramspace.study.configs.TinyConfig;
import io.paramspace.study.configs.TinyConfigSpace;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Pruners on synthetic learning curves whose right decision is known: a loss curve {@code level +
 * 1 / (step + 1)} with a clearly higher level is pruned at its first rung; the curve with the lowest
 * level is never pruned.
 */
class PrunerTest {
  static final ConfigSpace<TinyConfig> SPACE = TinyConfigSpace.space();
  static final int STEPS = 27;

  static double curve(double level, int step) {
    return level + 1.0 / (step + 1);
  }

  private static Study study(Pruner pruner, Direction direction) {
    return Study.builder("memory:", "curves").pruner(pruner).directions(direction).seed(3).open();
  }

  /**
   * Runs one trial per level, in order, reporting every step and asking the pruner each time; returns
   * the step each trial was pruned at (absent: it completed).
   */
  static Map<Integer, Integer> run(Study study, double... levels) {
    Map<Integer, Integer> prunedAt = new TreeMap<>();
    study.optimize(SPACE, (config, trial) -> {
      double level = levels[trial.number()];
      double v = 0;
      for (int step = 0; step < STEPS; step++) {
        v = curve(level, step);
        trial.report(step, v);
        if (trial.shouldPrune()) {
          prunedAt.put(trial.number(), step);
          throw new TrialPrunedException();
        }
      }
      return v;
    }, OptimizeOptions.trials(levels.length).withProgressBar(false));
    return prunedAt;
  }

  @Test
  void medianPrunesAClearlyWorseCurveAtItsFirstReportOnceFiveTrialsAreComplete() {
    try (Study study = study(new MedianPruner(), Direction.MINIMIZE)) {
      // Five startup trials complete whatever they report; then a worse curve is pruned at step 0,
      // a better one never.
      Map<Integer, Integer> pruned = run(study, 0.5, 0.9, 0.4, 0.8, 0.6, 5.0, 0.1, 3.0, 0.52);
      assertThat(pruned).containsExactly(5, 0, 7, 0);
      FrozenTrial worse = study.trials().get(5);
      assertThat(worse.state()).isEqualTo(TrialState.PRUNED);
      assertThat(worse.values()).containsExactly(curve(5.0, 0)); // its last reported value, as in Optuna
      assertThat(study.trials().get(6).state()).isEqualTo(TrialState.COMPLETE);
      // 0.52 stays below the median of the complete curves at every step (0.55 + 1 / (step + 1)).
      assertThat(study.trials().get(8).state()).isEqualTo(TrialState.COMPLETE);
      assertThat(study.bestTrial().number()).isEqualTo(6);
    }
  }

  @Test
  void medianWaitsForItsStartupTrialsAndWarmUpSteps() {
    try (Study study = study(new MedianPruner(2, 5, 1), Direction.MINIMIZE)) {
      Map<Integer, Integer> pruned = run(study, 0.1, 0.2, 9.0);
      assertThat(pruned).containsExactly(2, 5); // not before step 5
    }
    try (Study study = study(new MedianPruner(), Direction.MINIMIZE)) {
      assertThat(run(study, 0.1, 0.2, 9.0, 8.0)).isEmpty(); // fewer than 5 complete trials
    }
  }

  @Test
  void medianWhenMaximizingPrunesTheLowCurve() {
    try (Study study = study(new MedianPruner(1, 0, 1), Direction.MAXIMIZE)) {
      // Maximizing level + 1/(step+1): the low level is the worse one.
      Map<Integer, Integer> pruned = run(study, 0.5, 0.9, -3.0, 2.0);
      assertThat(pruned).containsExactly(2, 0);
    }
  }

  @Test
  void successiveHalvingHasItsRungsAtMinResourceTimesEtaToTheK() {
    SuccessiveHalvingPruner sh = new SuccessiveHalvingPruner(1, 3);
    assertThat(List.of(sh.rungStep(0), sh.rungStep(1), sh.rungStep(2), sh.rungStep(3))).containsExactly(1L, 3L, 9L,
        27L).inOrder();
    SuccessiveHalvingPruner four = new SuccessiveHalvingPruner(2, 4, 1, 0);
    assertThat(List.of(four.rungStep(0), four.rungStep(1))).containsExactly(8L, 32L).inOrder();
    assertThat(new SuccessiveHalvingPruner(1L << 40, 4).rungStep(40)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void successiveHalvingKeepsTheTopThirdAtEachRung() {
    try (Study study = study(new SuccessiveHalvingPruner(1, 3), Direction.MINIMIZE)) {
      // Trial 0 is alone at every rung: it goes on. Trial 1 is worse than 0 at rung 0 (step 1):
      // fewer than eta competitors, so only the best goes on: pruned at step 1. Trial 2 is the best
      // so far: never pruned. Trial 3 (5.0) is clearly worse: pruned at its first rung.
      Map<Integer, Integer> pruned = run(study, 0.5, 0.7, 0.1, 5.0, 0.05);
      assertThat(pruned).containsExactly(1, 1, 3, 1);
      assertThat(pruned).doesNotContainKey(4); // the best of all is never pruned
    }
  }

  @Test
  void theBestCurveIsNeverPrunedAndAClearlyWorseOneIsPrunedAtTheFirstRung() {
    // 40 trials in a pseudo-random order of levels; the lowest level is 0.0 (trial 17).
    double[] levels = new double[40];
    for (int k = 0; k < levels.length; k++) {
      levels[k] = ((k * 29) % 40) / 10.0 + 0.05;
    }
    levels[17] = 0.0;
    levels[30] = 100.0; // clearly worse than everything
    for (Pruner pruner : List.of(new SuccessiveHalvingPruner(1, 3), new SuccessiveHalvingPruner(1, 4),
        new HyperbandPruner(1, STEPS), new MedianPruner())) {
      try (Study study = study(pruner, Direction.MINIMIZE)) {
        Map<Integer, Integer> pruned = run(study, levels);
        assertThat(pruned).doesNotContainKey(17);
        long first = firstRung(pruner, 30);
        assertThat(pruned).containsEntry(30, (int) first);
        assertThat(study.bestTrial().number()).isEqualTo(17);
      }
    }
  }

  private static long firstRung(Pruner pruner, int number) {
    if (pruner instanceof SuccessiveHalvingPruner sh) {
      return sh.rungStep(0);
    }
    if (pruner instanceof HyperbandPruner hb) {
      return (long) Math.pow(3, hb.bracket("curves", number)); // minResource 1, eta 3: bracket i at 3^i
    }
    return 0; // the median pruner judges every step
  }

  @Test
  void ashaComparesWithTrialsStillRunning() {
    try (Study study = study(new SuccessiveHalvingPruner(1, 3), Direction.MINIMIZE)) {
      StudyTrial<TinyConfig> good = study.ask(SPACE);
      StudyTrial<TinyConfig> bad = study.ask(SPACE);
      good.report(0, 1.0);
      good.report(1, 0.5);
      assertThat(good.shouldPrune()).isFalse();
      bad.report(0, 2.0);
      bad.report(1, 1.5); // worse than the running trial at rung 0
      assertThat(bad.shouldPrune()).isTrue();
      study.tell(bad, TrialState.PRUNED);
      study.tell(good, 0.1);
    }
  }

  @Test
  void ashaWhenMaximizing() {
    try (Study study = study(new SuccessiveHalvingPruner(1, 3), Direction.MAXIMIZE)) {
      Map<Integer, Integer> pruned = run(study, 0.5, 0.7, -5.0);
      assertThat(pruned).containsExactly(2, 1);
    }
  }

  @Test
  void hyperbandAssignsBracketsAsOptunaDoes() {
    HyperbandPruner hb = new HyperbandPruner(1, 81, 3);
    assertThat(hb.bracketCount()).isEqualTo(5);
    // optuna.pruners.HyperbandPruner(1, 81, 3)._get_bracket_id for study "hb", trials 0..19 (Optuna 3.1).
    int[] optuna = {0, 1, 0, 3, 0, 0, 0, 1, 1, 1, 1, 0, 3, 3, 0, 0, 0, 2, 0, 0};
    for (int n = 0; n < optuna.length; n++) {
      assertThat(hb.bracket("hb", n)).isEqualTo(optuna[n]);
    }
    assertThat(new HyperbandPruner(1, 27).bracketCount()).isEqualTo(4);
    assertThat(new HyperbandPruner(1, 243).bracketCount()).isEqualTo(5); // log_3(243) is 4.999... in doubles
    assertThat(new HyperbandPruner(1, 1).bracketCount()).isEqualTo(1);
  }

  @Test
  void aTrialCompetesOnlyInItsBracketAndIsJudgedFirstAtItsBracketsFirstRung() {
    HyperbandPruner hb = new HyperbandPruner(1, STEPS);
    assertThat(hb.bracketCount()).isEqualTo(4);
    // Optuna 3.1's brackets for study "curves", trials 0..4: bracket 0 has rungs at 1, 3, 9; bracket 1 at 3, 9.
    int[] brackets = {1, 0, 1, 0, 1};
    for (int n = 0; n < brackets.length; n++) {
      assertThat(hb.bracket("curves", n)).isEqualTo(brackets[n]);
    }
    try (Study study = study(hb, Direction.MINIMIZE)) {
      // Trial 2 (bracket 1) is clearly worse than everything, but is judged only at step 3, against
      // trial 0 of its bracket; trial 3 (bracket 0) is judged at step 1, against trial 1.
      Map<Integer, Integer> pruned = run(study, 0.1, 0.2, 9.0, 9.0, 0.05);
      assertThat(pruned).containsExactly(2, 3, 3, 1);
    }
  }

  @Test
  void aPrunerOnAStudyWithSeveralObjectivesIsAClearError() {
    try (Study study = Study.builder("memory:", "two").pruner(new MedianPruner())
        .directions(Direction.MINIMIZE, Direction.MAXIMIZE).open()) {
      StudyTrial<TinyConfig> t = study.ask(SPACE);
      t.report(0, 1.0);
      StudyException e = assertThrows(StudyException.class, t::shouldPrune);
      assertThat(e).hasMessageThat().contains("MedianPruner compares the intermediate values of one objective, but"
          + " study 'two' has 2 objectives");
    }
  }

  @Test
  void badSettingsAreRefusedWithTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SuccessiveHalvingPruner(0, 3));
    assertThat(e).hasMessageThat().contains("minResource must be >= 1");
    e = assertThrows(IllegalArgumentException.class, () -> new SuccessiveHalvingPruner(1, 1));
    assertThat(e).hasMessageThat().contains("the reduction factor must be >= 2, got 1");
    e = assertThrows(IllegalArgumentException.class, () -> new HyperbandPruner(10, 5));
    assertThat(e).hasMessageThat().contains("maxResource (5) must be >= minResource (10)");
    e = assertThrows(IllegalArgumentException.class, () -> new PercentilePruner(120));
    assertThat(e).hasMessageThat().contains("percentile must be in [0, 100], got 120.0");
  }
}
