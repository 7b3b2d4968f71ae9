package io.paramspace.study;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Overrides;
import io.paramspace.study.configs.OptConfig;
import io.paramspace.study.configs.TinyConfig;
import io.paramspace.study.configs.TinyConfigSpace;
import io.paramspace.study.storage.Storage;
import io.paramspace.study.storage.Storages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTest {
  static final ConfigSpace<TinyConfig> SPACE = TinyConfigSpace.space();
  @TempDir Path dir;

  static double f(TinyConfig c) {
    return c.x() * c.x() + c.layers() + (c.flag() ? 1 : 0);
  }

  private Study memory(String name, long seed) {
    return Study.builder("memory:", name).directions(Direction.MINIMIZE).seed(seed).open();
  }

  @Test
  void optimizeRunsTrialsAndBestGivesTheTypedConfigBack() {
    Map<Integer, TinyConfig> seen = new ConcurrentHashMap<>();
    try (Study study = memory("s", 1)) {
      study.optimize(SPACE, (config, trial) -> {
        seen.put(trial.number(), config);
        return f(config);
      }, 30);
      assertThat(study.trialCount()).isEqualTo(30);
      assertThat(study.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE)).isTrue();
      Best<TinyConfig> best = study.best(SPACE);
      assertThat(best.config()).isEqualTo(seen.get(best.trial().number()));
      assertThat(best.value()).isEqualTo(seen.values().stream().mapToDouble(StudyTest::f).min().orElseThrow());
      FrozenTrial t = study.trials().get(0);
      assertThat(SPACE.parameterNames()).containsAtLeastElementsIn(t.params().keySet());
      assertThat(study.config(SPACE, t)).isEqualTo(seen.get(0));
      assertThat(SPACE.fromParameters(t.externalParams())).isEqualTo(seen.get(0));
      assertThat(t.systemAttributes().get(Study.SPACE_HASH_ATTRIBUTE)).isEqualTo("\"" + SPACE.hash() + "\"");
    }
  }

  @Test
  void reopeningWithOtherDirectionsIsAClearError() {
    Path db = dir.resolve("s.db");
    Study.open("sqlite:" + db, "lenet", Direction.MINIMIZE).close();
    StudyException e = assertThrows(StudyException.class,
        () -> Study.open("sqlite:" + db, "lenet", Direction.MAXIMIZE));
    assertThat(e).hasMessageThat().contains("study 'lenet' in sqlite:" + db + " was created with directions [MINIMIZE],"
        + " not [MAXIMIZE]");
    try (Study again = Study.open("sqlite:" + db, "lenet")) {
      assertThat(again.directions()).containsExactly(Direction.MINIMIZE);
    }
  }

  @Test
  void loadingAStudyThatDoesNotExistNamesIt() {
    Path db = dir.resolve("s.db");
    Study.open("sqlite:" + db, "lenet").close();
    StudyException e = assertThrows(StudyException.class, () -> Study.load("sqlite:" + db, "resnet"));
    assertThat(e).hasMessageThat().isEqualTo("no study named 'resnet' in sqlite:" + db + "; it has [lenet]");
  }

  @Test
  void askAndTellForALoopTheUserDrives() {
    try (Study study = memory("s", 2)) {
      List<StudyTrial<TinyConfig>> batch = study.ask(SPACE, 3);
      assertThat(batch.stream().map(StudyTrial::number).toList()).containsExactly(0, 1, 2).inOrder();
      for (StudyTrial<TinyConfig> t : batch) {
        assertThat(study.storage().trial(t.id()).state()).isEqualTo(TrialState.RUNNING);
        study.tell(t, f(t.config()));
      }
      StudyException twice = assertThrows(StudyException.class, () -> study.tell(batch.get(0), 1.0));
      assertThat(twice).hasMessageThat().contains("trial 0 of study 's' was told already");
      StudyTrial<TinyConfig> t = study.ask(SPACE);
      StudyException count = assertThrows(StudyException.class, () -> study.tell(t, 1.0, 2.0));
      assertThat(count).hasMessageThat().contains("has 1 objective(s), but trial 3 was told 2 value(s)");
      assertThat(study.tell(t, Double.NaN).state()).isEqualTo(TrialState.FAIL);
      assertThat(study.trials().get(3).systemAttributes()).containsEntry(Study.FAIL_REASON_ATTRIBUTE,
          "\"the objective value is NaN\"");
    }
  }

  @Test
  void enqueuedConfigsAreEvaluatedFirst() {
    TinyConfig chosen = new TinyConfig(0.5, 3, 64, true, new OptConfig("sgd", 1e-3, 0.5));
    List<TinyConfig> evaluated = new ArrayList<>();
    try (Study study = memory("s", 3)) {
      study.enqueue(SPACE, chosen);
      study.optimize(SPACE, (config, trial) -> {
        evaluated.add(config);
        return f(config);
      }, 3);
      assertThat(evaluated.get(0)).isEqualTo(chosen);
      assertThat(study.trials().get(0).systemAttributes()).containsKey(Study.FIXED_PARAMS_ATTRIBUTE);
    }
  }

  @Test
  void addTrialImportsAResult() {
    TinyConfig known = new TinyConfig(0.0, 1, 32, false, new OptConfig("adam", 1e-4, null));
    try (Study study = memory("s", 4)) {
      study.optimize(SPACE, (c, t) -> f(c) + 10, 5);
      FrozenTrial added = study.addTrial(SPACE, known, -1.0);
      assertThat(added.state()).isEqualTo(TrialState.COMPLETE);
      assertThat(study.best(SPACE).config()).isEqualTo(known);
      assertThat(study.best(SPACE).trial().number()).isEqualTo(5);
    }
  }

  @Test
  void theSameSeedGivesTheSameParametersPerTrialWithOneWorkerOrFour() {
    Map<Integer, Map<String, Object>> one = new ConcurrentHashMap<>();
    Map<Integer, Map<String, Object>> four = new ConcurrentHashMap<>();
    try (Study study = memory("a", 42)) {
      study.optimize(SPACE, (c, t) -> {
        one.put(t.number(), t.params());
        return f(c);
      }, OptimizeOptions.trials(40));
    }
    try (Study study = Study.builder("sqlite:" + dir.resolve("b.db"), "b").seed(42).open()) {
      study.optimize(SPACE, (c, t) -> {
        four.put(t.number(), t.params());
        Thread.sleep(t.number() % 3);
        return f(c);
      }, OptimizeOptions.trials(40).withParallelism(4));
    }
    assertThat(four).isEqualTo(one);
    try (Study other = memory("c", 43)) {
      other.optimize(SPACE, (c, t) -> f(c), 1);
      assertThat(other.trials().get(0).externalParams()).isNotEqualTo(one.get(0));
    }
  }

  @Test
  void theSeedIsStoredAndKeptOnReopen() {
    Path db = dir.resolve("s.db");
    long seed;
    try (Study study = Study.open("sqlite:" + db, "s")) {
      seed = study.seed();
    }
    try (Study again = Study.builder("sqlite:" + db, "s").seed(seed + 1).open()) {
      assertThat(again.seed()).isEqualTo(seed);
    }
  }

  @Test
  void aFailingObjectiveFailsItsTrialWithTheReasonAndTheStudyGoesOn() {
    try (Study study = memory("s", 5)) {
      study.optimize(SPACE, (c, t) -> {
        if (t.number() % 3 == 1) {
          throw new IllegalStateException("diverged at step " + t.number());
        }
        if (t.number() == 2) {
          return Double.POSITIVE_INFINITY;
        }
        return f(c);
      }, 9);
      List<FrozenTrial> trials = study.trials();
      assertThat(trials).hasSize(9);
      assertThat(trials.get(1).state()).isEqualTo(TrialState.FAIL);
      assertThat(trials.get(1).systemAttributes()).containsEntry(Study.FAIL_REASON_ATTRIBUTE,
          "\"java.lang.IllegalStateException: diverged at step 1\"");
      assertThat(trials.get(2).state()).isEqualTo(TrialState.FAIL);
      assertThat(trials.get(2).systemAttributes().get(Study.FAIL_REASON_ATTRIBUTE)).contains("returned Infinity");
      assertThat(trials.get(3).state()).isEqualTo(TrialState.COMPLETE);
    }
  }

  @Test
  void consecutiveFailuresStopTheStudyWithAClearError() {
    try (Study study = memory("s", 6)) {
      StudyException e = assertThrows(StudyException.class, () -> study.optimize(SPACE, (c, t) -> {
        throw new java.io.IOException("no GPU");
      }, OptimizeOptions.trials(100).withMaxConsecutiveFailures(4)));
      assertThat(e).hasMessageThat().contains("study 's' stopped: 4 trials failed in a row, the last (trial 3) with"
          + " \"java.io.IOException: no GPU\"");
      assertThat(study.trialCount()).isEqualTo(4);
    }
  }

  @Test
  void aTrialPastItsTimeoutFails() {
    try (Study study = memory("s", 7)) {
      study.optimize(SPACE, (c, t) -> {
        if (t.number() == 0) {
          Thread.sleep(60_000);
        }
        return f(c);
      }, OptimizeOptions.trials(2).withTrialTimeout(Duration.ofMillis(200)));
      FrozenTrial first = study.trials().get(0);
      assertThat(first.state()).isEqualTo(TrialState.FAIL);
      assertThat(first.systemAttributes().get(Study.FAIL_REASON_ATTRIBUTE)).contains("timed out after PT0.2S");
      assertThat(study.trials().get(1).state()).isEqualTo(TrialState.COMPLETE);
    }
  }

  @Test
  void aReopenedStudyContinuesToItsTotal() {
    Path db = dir.resolve("s.db");
    try (Study study = Study.open("sqlite:" + db, "s")) {
      study.optimize(SPACE, (c, t) -> f(c), 4);
    }
    try (Study study = Study.open("sqlite:" + db, "s")) {
      study.optimize(SPACE, (c, t) -> f(c), 10);
      assertThat(study.trialCount()).isEqualTo(10);
      study.optimize(SPACE, (c, t) -> f(c), 10);
      assertThat(study.trialCount()).isEqualTo(10);
    }
  }

  @Test
  void prunedTrialsKeepTheirLastReportedValue() {
    Pruner afterStep2 = (ctx, trial) -> trial.intermediateValues().size() >= 3 && trial.number() % 2 == 0;
    try (Study study = Study.builder("memory:", "s").pruner(afterStep2).seed(8).open()) {
      study.optimize(SPACE, (c, t) -> {
        for (int step = 0; step < 5; step++) {
          t.report(step, 10.0 - step);
          if (t.shouldPrune()) {
            throw new TrialPrunedException();
          }
        }
        return 5.0;
      }, 4);
      List<FrozenTrial> trials = study.trials();
      assertThat(trials.get(0).state()).isEqualTo(TrialState.PRUNED);
      assertThat(trials.get(0).values()).containsExactly(8.0);
      assertThat(trials.get(0).intermediateValues()).containsExactly(0, 10.0, 1, 9.0, 2, 8.0).inOrder();
      assertThat(trials.get(1).state()).isEqualTo(TrialState.COMPLETE);
      assertThat(trials.get(1).intermediateValues()).hasSize(5);
    }
  }

  @Test
  void userAttributesAreStoredAsJson() {
    try (Study study = memory("s", 9)) {
      study.optimize(SPACE, (c, t) -> {
        t.setUserAttribute("epochs", 3);
        t.setUserAttribute("note", Map.of("gpu", "a100"));
        return f(c);
      }, 1);
      assertThat(study.trials().get(0).userAttributes()).containsAtLeast("epochs", "3", "note", "{\"gpu\": \"a100\"}");
    }
  }

  @Test
  void anExcludedTrialIsNeitherBestNorHistory() {
    try (Study study = memory("s", 10)) {
      study.optimize(SPACE, (c, t) -> f(c), 10);
      int best = study.bestTrial().number();
      assertThat(study.history(SPACE)).hasSize(10);
      study.exclude(best);
      assertThat(study.bestTrial().number()).isNotEqualTo(best);
      assertThat(study.history(SPACE).stream().map(FrozenTrial::number).toList()).doesNotContain(best);
      assertThat(study.trialCount()).isEqualTo(10);
      study.include(best);
      assertThat(study.bestTrial().number()).isEqualTo(best);
      StudyException e = assertThrows(StudyException.class, () -> study.exclude(99));
      assertThat(e).hasMessageThat().contains("study 's' has no trial 99");
    }
  }

  @Test
  void aNarrowedSpaceLearnsFromTheOldTrialsThatFitIt() {
    ConfigSpace<TinyConfig> narrowed = SPACE.narrow(Overrides.fromMap(Map.of("layers", List.of(2, 4))));
    try (Study study = memory("s", 11)) {
      study.optimize(SPACE, (c, t) -> f(c), 40);
      List<FrozenTrial> fitting = study.history(narrowed);
      long expected = study.trials().stream()
          .filter(t -> List.of(2L, 4L).contains(t.param("TinyConfig.layers"))).count();
      assertThat(fitting).hasSize((int) expected);
      assertThat(expected).isGreaterThan(0L);
      // Re-expressed in the narrowed space: layers is now a categorical over [2, 4].
      for (FrozenTrial t : fitting) {
        assertThat(t.distributions().get("TinyConfig.layers")).isEqualTo(narrowed.distributions().get("TinyConfig.layers"));
        assertThat(t.param("TinyConfig.layers")).isAnyOf(2L, 4L);
      }
      study.optimize(narrowed, (c, t) -> f(c), 50);
      assertThat(study.trials().subList(40, 50).stream().allMatch(t ->
          List.of(2L, 4L).contains(t.param("TinyConfig.layers")))).isTrue();
      assertThat(study.trials().get(0).param("TinyConfig.x")).isNotNull();
    }
  }

  @Test
  void warmStartImportsTheTrialsThatFitAndCountsTheRest() {
    ConfigSpace<TinyConfig> narrowed = SPACE.narrow(Overrides.fromMap(Map.of("flag", true)));
    try (Storage storage = Storages.open("memory:");
        Study old = Study.builder(storage, "old").seed(12).open();
        Study fresh = Study.builder(storage, "new").seed(13).open()) {
      old.optimize(SPACE, (c, t) -> {
        if (t.number() == 0) {
          throw new IllegalStateException("x");
        }
        return f(c);
      }, 20);
      long fitting = old.trials().stream()
          .filter(t -> t.state() == TrialState.COMPLETE && Boolean.TRUE.equals(t.param("TinyConfig.flag"))).count();
      ImportResult result = fresh.importTrials(old, narrowed);
      assertThat(result.skippedNotComplete()).isEqualTo(1);
      assertThat(result.imported()).isEqualTo((int) fitting);
      assertThat(result.skippedMismatched()).isEqualTo(19 - (int) fitting);
      assertThat(fresh.trialCount()).isEqualTo((int) fitting);
      assertThat(fresh.best(SPACE).config().flag()).isTrue();
    }
  }
}
