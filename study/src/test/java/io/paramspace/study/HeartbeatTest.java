package io.paramspace.study;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.study.configs.TinyConfig;
import io.paramspace.study.configs.TinyConfigSpace;
import io.paramspace.study.storage.PythonJson;
import io.paramspace.study.storage.Storage;
import io.paramspace.study.storage.Storages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats in one process: two Study objects on one storage play two workers; closing one
 * stops its heartbeats as a killed process would, with its trial left running.
 */
class HeartbeatTest {
  static final ConfigSpace<TinyConfig> SPACE = TinyConfigSpace.space();
  static final Duration INTERVAL = Duration.ofMillis(100);
  static final Duration GRACE = Duration.ofMillis(500);

  private final Storage storage = Storages.open("memory:");

  @AfterEach
  void close() {
    storage.close();
  }

  private Study worker(int retries) {
    return Study.builder(storage, "s").seed(7).heartbeat(INTERVAL, GRACE).retryStaleTrials(retries).open();
  }

  /** A trial asked by a worker that then stops beating (as if killed), left running. */
  private StudyTrial<TinyConfig> abandonedTrial() {
    Study dead = worker(3);
    StudyTrial<TinyConfig> t = dead.ask(SPACE);
    dead.close();
    return t;
  }

  @Test
  void aDeadWorkersTrialIsFailedRetriedWithItsConfigAndTheTotalIsReached() {
    StudyTrial<TinyConfig> abandoned = abandonedTrial();
    try (Study live = worker(3)) {
      long started = System.nanoTime();
      OptimizeResult result = live.optimize(SPACE, (c, t) -> c.x(), OptimizeOptions.trials(5).withProgressBar(false));
      // The live worker ran 4 trials, waited at the total for the dead one's trial, failed it, ran its retry.
      assertThat(result.complete()).isEqualTo(5);
      assertThat(result.studyTotal()).isEqualTo(5);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isAtLeast(GRACE);

      FrozenTrial failed = storage.trial(abandoned.id());
      assertThat(failed.state()).isEqualTo(TrialState.FAIL);
      assertThat(failed.systemAttributes().get(Study.FAIL_REASON_ATTRIBUTE)).contains("older than the grace period");
      String retryNumber = failed.systemAttributes().get(Storage.RETRIED_AS_ATTRIBUTE);
      FrozenTrial retry = live.trials().get(Integer.parseInt(retryNumber));
      assertThat(retry.state()).isEqualTo(TrialState.COMPLETE);
      assertThat(retry.systemAttributes()).containsEntry("failed_trial", Integer.toString(abandoned.number()));
      assertThat(PythonJson.read(retry.systemAttributes().get("retry_history"))).isEqualTo(List.of(0L));
      assertThat(live.config(SPACE, retry)).isEqualTo(abandoned.config());
      assertThat(live.trials()).hasSize(6);
      assertThat(live.countedTrials()).isEqualTo(5);
    }
  }

  @Test
  void aLateTellIsRejectedAndChangesNothing() throws Exception {
    Study paused = worker(3);
    StudyTrial<TinyConfig> t = paused.ask(SPACE);
    paused.close(); // its heartbeats stop, as in a process stopped with SIGSTOP
    try (Study live = worker(3)) {
      Thread.sleep(GRACE.toMillis() + 100);
      assertThat(live.recoverStaleTrials()).isEqualTo(1);
    }
    t.report(0, 1.0); // dropped: the trial is no longer running
    TrialRejectedException e = assertThrows(TrialRejectedException.class, () -> paused.tell(t, 0.5));
    assertThat(e).hasMessageThat().contains("was finished as FAIL by another worker");
    assertThat(e).hasMessageThat().contains("retried as trial 1");
    assertThat(e.stored().state()).isEqualTo(TrialState.FAIL);
    FrozenTrial stored = storage.trial(t.id());
    assertThat(stored.state()).isEqualTo(TrialState.FAIL);
    assertThat(stored.values()).isEmpty();
    assertThat(stored.intermediateValues()).isEmpty();
  }

  @Test
  void withoutRetriesTheStaleTrialCountsAsFailed() throws Exception {
    StudyTrial<TinyConfig> abandoned = abandonedTrial();
    try (Study live = worker(0)) {
      Thread.sleep(GRACE.toMillis() + 100);
      assertThat(live.recoverStaleTrials()).isEqualTo(1);
      assertThat(live.trials()).hasSize(1);
      assertThat(live.countedTrials()).isEqualTo(1);
      assertThat(storage.trial(abandoned.id()).systemAttributes()).doesNotContainKey(Storage.RETRIED_AS_ATTRIBUTE);
      OptimizeResult result = live.optimize(SPACE, (c, t) -> c.x(), OptimizeOptions.trials(3).withProgressBar(false));
      assertThat(result.complete()).isEqualTo(2);
    }
  }

  @Test
  void aConfigIsRetriedAtMostTheGivenNumberOfTimes() throws Exception {
    try (Study live = worker(2)) {
      for (int round = 0; round < 3; round++) {
        Study dead = worker(2);
        StudyTrial<TinyConfig> t = dead.ask(SPACE); // takes the previous round's retry, if any
        dead.close();
        Thread.sleep(GRACE.toMillis() + 100);
        assertThat(live.recoverStaleTrials()).isEqualTo(1);
        assertThat(storage.trial(t.id()).systemAttributes().containsKey(Storage.RETRIED_AS_ATTRIBUTE))
            .isEqualTo(round < 2);
      }
      List<FrozenTrial> trials = live.trials();
      assertThat(trials).hasSize(3);
      assertThat(trials.stream().allMatch(t -> t.state() == TrialState.FAIL)).isTrue();
      assertThat(live.config(SPACE, trials.get(2))).isEqualTo(live.config(SPACE, trials.get(0)));
      assertThat(PythonJson.read(trials.get(2).systemAttributes().get("retry_history"))).isEqualTo(List.of(0L, 1L));
    }
  }

  @Test
  void aLiveWorkersTrialIsNotFailed() throws Exception {
    try (Study slow = worker(3); Study other = worker(3)) {
      StudyTrial<TinyConfig> t = slow.ask(SPACE);
      Thread.sleep(GRACE.toMillis() * 2); // slow beats every INTERVAL meanwhile
      assertThat(other.recoverStaleTrials()).isEqualTo(0);
      assertThat(slow.tell(t, 1.0).state()).isEqualTo(TrialState.COMPLETE);
      assertThat(Map.copyOf(storage.trial(t.id()).systemAttributes())).doesNotContainKey(Study.FAIL_REASON_ATTRIBUTE);
    }
  }
}
