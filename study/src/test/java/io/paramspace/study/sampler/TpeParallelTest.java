package io.paramspace.study.sampler;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.samplers.Tpe;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.Study;
import io.paramspace.study.StudyException;
import io.paramspace.study.StudyTrial;
import io.paramspace.study.TrialState;
import io.paramspace.study.configs.PairConfig;
import io.paramspace.study.configs.PairConfigSpace;
import io.paramspace.study.configs.TinyConfig;
import io.paramspace.study.configs.TinyConfigSpace;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** TPE with trials running at once: the constant liar through the study, batches, the deterministic mode. */
class TpeParallelTest {
  private static final Tpe LIAR = Tpe.builder().nStartupTrials(10).build();
  private static final Tpe NO_LIAR = Tpe.builder().nStartupTrials(10).constantLiar(false).build();

  /** Best at (2, 4), smooth around it: a converged TPE proposes (2, 4) again and again. */
  private static double pair(PairConfig c) {
    return Math.abs(c.a() - 2) + Math.abs(c.b() - 4);
  }

  private static Study pairStudy(Tpe tpe, long seed, int told) {
    Study study = Study.builder("memory:", "pairs").directions(Direction.MINIMIZE).seed(seed)
        .sampler(new TpeSampler(tpe)).open();
    study.optimize(PairConfigSpace.space(), (config, trial) -> pair(config), told);
    return study;
  }

  private static int distance(PairConfig p, PairConfig q) {
    return Math.abs(p.a() - q.a()) + Math.abs(p.b() - q.b());
  }

  /** Over a few seeds: the next proposal's distance to the nearest of 3 trials asked and not told. */
  private static double meanDistanceToPending(Tpe tpe, Set<Boolean> nextRepeatsAPending) {
    double sum = 0;
    int seeds = 8;
    for (long seed = 0; seed < seeds; seed++) {
      try (Study study = pairStudy(tpe, seed, 30)) {
        List<StudyTrial<PairConfig>> pending = List.of(study.ask(PairConfigSpace.space()),
            study.ask(PairConfigSpace.space()), study.ask(PairConfigSpace.space()));
        PairConfig next = study.ask(PairConfigSpace.space()).config();
        int nearest = pending.stream().mapToInt(t -> distance(t.config(), next)).min().orElseThrow();
        nextRepeatsAPending.add(nearest == 0);
        sum += nearest;
      }
    }
    return sum / seeds;
  }

  @Test
  void theNextProposalKeepsAwayFromTrialsAskedAndNotTold() {
    Set<Boolean> repeatsWithLiar = new HashSet<>();
    Set<Boolean> repeatsWithoutLiar = new HashSet<>();
    double withLiar = meanDistanceToPending(LIAR, repeatsWithLiar);
    double withoutLiar = meanDistanceToPending(NO_LIAR, repeatsWithoutLiar);
    // With the liar it never repeats a running trial and keeps further away; without, it can repeat one
    // (both pass over the finished trials, which brings the two distances closer).
    assertThat(repeatsWithLiar).containsExactly(false);
    assertThat(repeatsWithoutLiar).contains(true);
    assertThat(withLiar).isGreaterThan(withoutLiar);
  }

  @Test
  void aBatchAskGivesDistinctPointsWhereWithoutTheLiarItRepeats() {
    int repeatedWithoutLiar = 0;
    for (long seed = 0; seed < 4; seed++) {
      try (Study study = pairStudy(LIAR, seed, 30)) {
        List<StudyTrial<PairConfig>> batch = study.ask(PairConfigSpace.space(), 8);
        Set<PairConfig> distinct = new HashSet<>();
        batch.forEach(t -> distinct.add(t.config()));
        assertThat(distinct).hasSize(8);
      }
      try (Study study = pairStudy(NO_LIAR, seed, 30)) {
        Set<PairConfig> distinct = new HashSet<>();
        study.ask(PairConfigSpace.space(), 8).forEach(t -> distinct.add(t.config()));
        repeatedWithoutLiar += distinct.size() < 8 ? 1 : 0;
      }
    }
    assertThat(repeatedWithoutLiar).isGreaterThan(0); // what the liar prevents
  }

  private static double smooth(TinyConfig c) {
    return (c.x() - 1.5) * (c.x() - 1.5) + Math.abs(c.layers() - 3) + (c.flag() ? 0 : 1);
  }

  @Test
  void aBatchInTheStartupPhaseHasNoRepeatsEither() {
    try (Study study = Study.builder("memory:", "startup").directions(Direction.MINIMIZE).seed(5)
        .sampler(new TpeSampler(Tpe.builder().nStartupTrials(100).build())).open()) {
      Set<PairConfig> distinct = new HashSet<>();
      study.ask(PairConfigSpace.space(), 30).forEach(t -> distinct.add(t.config()));
      assertThat(distinct).hasSize(30);
    }
  }

  // ---- the deterministic mode ----

  private static double tiny(TinyConfig c) throws InterruptedException {
    // Uneven trial lengths, so that four threads finish in a different order from run to run.
    Thread.sleep(Math.floorMod(Double.hashCode(c.x()), 4));
    return smooth(c);
  }

  private static Map<Integer, Map<String, Double>> runThreads(TpeSampler sampler, int threads, int trials) {
    try (Study study = Study.builder("memory:", "det").directions(Direction.MINIMIZE).seed(11).sampler(sampler)
        .open()) {
      study.optimize(TinyConfigSpace.space(), (config, trial) -> tiny(config),
          OptimizeOptions.trials(trials).withParallelism(threads).withProgressBar(false));
      Map<Integer, Map<String, Double>> byNumber = new TreeMap<>();
      for (FrozenTrial t : study.trials()) {
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        byNumber.put(t.number(), t.params());
      }
      return byNumber;
    }
  }

  @Test
  void theDeterministicModeGivesTheSameParametersPerTrialNumberWithFourThreads() {
    TpeSampler sampler = new TpeSampler(Tpe.builder().nStartupTrials(5).build()).deterministic(4);
    Map<Integer, Map<String, Double>> first = runThreads(sampler, 4, 40);
    assertThat(first).hasSize(40);
    assertThat(runThreads(sampler, 4, 40)).isEqualTo(first);
    // Any number of threads: two threads never wait and give the same trials too.
    assertThat(runThreads(sampler, 2, 40)).isEqualTo(first);
  }

  @Test
  void theDeterministicModeForOneWorkerIsTheDefaultWithOneThread() {
    Tpe tpe = Tpe.builder().nStartupTrials(5).build();
    assertThat(runThreads(new TpeSampler(tpe).deterministic(1), 1, 25))
        .isEqualTo(runThreads(new TpeSampler(tpe), 1, 25));
  }

  @Test
  void aDeterministicAskThatWouldWaitForItselfFailsAfterMaxWaitNamingTheTrial() {
    TpeSampler sampler = new TpeSampler(Tpe.builder().nStartupTrials(0).build())
        .deterministic(1, Duration.ofMillis(50));
    try (Study study = Study.builder("memory:", "stuck").directions(Direction.MINIMIZE).sampler(sampler).open()) {
      study.ask(TinyConfigSpace.space()); // trial 0, never told
      StudyException e = assertThrows(StudyException.class, () -> study.ask(TinyConfigSpace.space()));
      assertThat(e).hasMessageThat().contains("trial 1 waited");
      assertThat(e).hasMessageThat().contains("for trial 0 to finish");
      assertThat(e).hasMessageThat().contains("maxWait");
    }
  }

  @Test
  void deterministicNeedsAtLeastOneWorker() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TpeSampler().deterministic(0));
    assertThat(e).hasMessageThat().contains("workers must be >= 1");
  }
}
