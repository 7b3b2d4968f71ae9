package io.paramspace.study.interop;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.Pruner;
import io.paramspace.study.Study;
import io.paramspace.study.TrialPrunedException;
import io.paramspace.study.configs.TinyConfigSpace;
import io.paramspace.study.pruner.HyperbandPruner;
import io.paramspace.study.pruner.MedianPruner;
import io.paramspace.study.pruner.PercentilePruner;
import io.paramspace.study.pruner.SuccessiveHalvingPruner;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same learning curves through Optuna 3.1's pruners (src/test/python/optuna_pruners.py) and
 * through Paramspace's: every trial is pruned at the same step, or completes in both.
 */
class PrunerInteropTest {
  static final int TRIALS = 30;
  static final int STEPS = 27;

  /** The curve of optuna_pruners.py. */
  static double curve(int number, int step) {
    double level = ((7 * number) % 11) / 10.0;
    double bump = number % 9 == 4 && step % 2 == 1 ? 0.3 : 0.0;
    return level + 1.0 / (step + 1) + bump;
  }

  static Pruner pruner(String kind) {
    return switch (kind) {
      case "median" -> new MedianPruner();
      case "percentile25" -> new PercentilePruner(25.0, 3, 2, 3, 1);
      case "sh3" -> new SuccessiveHalvingPruner(1, 3);
      case "sh4" -> new SuccessiveHalvingPruner(2, 4);
      case "asha_rate1" -> new SuccessiveHalvingPruner(1, 3, 1, 0);
      case "hyperband" -> new HyperbandPruner(1, STEPS, 3);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"median", "percentile25", "sh3", "sh4", "asha_rate1", "hyperband"})
  void prunesTheSameTrialsAtTheSameStepsAsOptuna(String kind) {
    JsonNode optuna = PythonOptuna.json("optuna_pruners.py", kind, "curves", TRIALS, STEPS);
    Map<Integer, Integer> prunedAt = new HashMap<>();
    try (Study study = Study.builder("memory:", "curves").pruner(pruner(kind)).seed(1).open()) {
      study.optimize(TinyConfigSpace.space(), (config, trial) -> {
        double v = 0;
        for (int step = 0; step < STEPS; step++) {
          v = curve(trial.number(), step);
          trial.report(step, v);
          if (trial.shouldPrune()) {
            prunedAt.put(trial.number(), step);
            throw new TrialPrunedException();
          }
        }
        return v;
      }, OptimizeOptions.trials(TRIALS).withProgressBar(false));
    }
    Map<Integer, Integer> expected = new HashMap<>();
    optuna.fields().forEachRemaining(e -> {
      if (!e.getValue().isNull()) {
        expected.put(Integer.parseInt(e.getKey()), e.getValue().asInt());
      }
    });
    assertThat(expected).isNotEmpty();
    assertThat(prunedAt).containsExactlyEntriesIn(expected);
  }
}
