package io.paramspace.study;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.study.configs.TinyConfigSpace;
import io.paramspace.study.storage.Storage;
import io.paramspace.study.storage.Storages;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A worker killed with SIGKILL mid-study loses nothing it told, and the study continues. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "destroyForcibly is SIGKILL on POSIX only")
class CrashTest {
  @TempDir Path dir;

  @Test
  void aKilledWorkersTrialIsFailedOnReopenAndTheStudyContinuesToItsTotal() throws Exception {
    Path db = dir.resolve("crash.db");
    Process worker = start(db, "crash");
    Set<Long> told;
    try {
      told = waitForToldTrials(db, 8, worker);
    } finally {
      worker.destroyForcibly(); // SIGKILL: no shutdown hook runs
      worker.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(worker.exitValue()).isEqualTo(137);

    int runningWhenKilled;
    try (Storage storage = Storages.open("sqlite:" + db, true)) {
      long id = storage.findStudy("crash").orElseThrow().id();
      // One, unless the kill fell in the microseconds between a tell and the next ask.
      runningWhenKilled = storage.trials(id, TrialState.RUNNING).size();
      assertThat(runningWhenKilled).isAtMost(1);
    }
    try (Study study = Study.open("sqlite:" + db, "crash")) {
      List<FrozenTrial> trials = study.trials();
      Set<Long> complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).map(FrozenTrial::id)
          .collect(Collectors.toSet());
      assertThat(complete).containsAtLeastElementsIn(told);
      List<FrozenTrial> failed = trials.stream().filter(t -> t.state() == TrialState.FAIL).toList();
      assertThat(failed).hasSize(runningWhenKilled);
      for (FrozenTrial t : failed) {
        assertThat(t.systemAttributes().get(Study.FAIL_REASON_ATTRIBUTE)).contains("died while the trial ran");
      }
      assertThat(trials.stream().noneMatch(t -> t.state() == TrialState.RUNNING)).isTrue();

      int total = trials.size() + 5;
      study.optimize(TinyConfigSpace.space(), (c, t) -> c.x(), OptimizeOptions.trials(total).withProgressBar(false));
      assertThat(study.trialCount()).isEqualTo(total);
      assertThat(study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count())
          .isEqualTo((long) total - runningWhenKilled);
    }
  }

  @Test
  void aWorkerStoppedLikeCtrlCMarksItsRunningTrialFailedBeforeItExits() throws Exception {
    Path db = dir.resolve("stop.db");
    Process worker = start(db, "crash");
    Set<Long> told;
    try {
      told = waitForToldTrials(db, 3, worker);
      worker.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C (SIGINT)
      assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      worker.destroyForcibly();
    }
    try (Storage storage = Storages.open("sqlite:" + db, true)) {
      long id = storage.findStudy("crash").orElseThrow().id();
      List<FrozenTrial> trials = storage.trials(id);
      assertThat(trials.stream().filter(t -> t.state() == TrialState.COMPLETE).map(FrozenTrial::id).toList())
          .containsAtLeastElementsIn(told);
      assertThat(trials.stream().noneMatch(t -> t.state() == TrialState.RUNNING)).isTrue();
      List<FrozenTrial> failed = trials.stream().filter(t -> t.state() == TrialState.FAIL).toList();
      assertThat(failed.size()).isAtMost(1);
      for (FrozenTrial t : failed) {
        assertThat(t.systemAttributes().get(Study.FAIL_REASON_ATTRIBUTE)).contains("interrupted");
      }
    }
  }

  private Process start(Path db, String name) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", CrashWorker.class.getName(),
        db.toString(), name, "1000")
        .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
  }

  /** Polls the file until {@code n} trials are complete; returns their ids. */
  private static Set<Long> waitForToldTrials(Path db, int n, Process worker) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!worker.isAlive()) {
        throw new AssertionError("the worker exited " + worker.exitValue() + " before it was killed; see its log");
      }
      if (db.toFile().exists()) {
        try (Storage storage = Storages.open("sqlite:" + db, true)) {
          var study = storage.findStudy("crash");
          if (study.isPresent()) {
            List<FrozenTrial> trials = storage.trials(study.get().id());
            Set<Long> complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).map(FrozenTrial::id)
                .collect(Collectors.toSet());
            boolean running = trials.stream().anyMatch(t -> t.state() == TrialState.RUNNING);
            if (complete.size() >= n && running) {
              return complete;
            }
          }
        } catch (RuntimeException notYet) {
          // The worker is still creating the schema.
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the worker told fewer than " + n + " trials in 120 s; see worker.log in " + db.getParent());
  }
}
