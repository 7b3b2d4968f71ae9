package io.paramspace.study.sampler;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Sampler;
import io.paramspace.study.Study;
import io.paramspace.study.StudyTrial;
import io.paramspace.study.TrialPrunedException;
import io.paramspace.study.TrialState;
import io.paramspace.study.configs.TinyConfig;
import io.paramspace.study.configs.TinyConfigSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CMA-ES through the study, on a space with a float, an int, a log float, categoricals and a
 * conditional branch (TinyConfig: optimizer.momentum only when optimizer.name is "sgd").
 */
class CmaEsSamplerTest {
  private static final String X = "TinyConfig.x";
  private static final String LAYERS = "TinyConfig.layers";
  private static final String LR = "TinyConfig.optimizer::OptConfig.lr";
  private static final String MOMENTUM = "TinyConfig.optimizer::OptConfig.momentum::true_branch";

  // Of the numeric parameters only: the categoricals are drawn at random, and would only add noise.
  private static double objective(TinyConfig c) {
    return (c.x() - 1.5) * (c.x() - 1.5) + Math.abs(c.layers() - 3) + Math.abs(Math.log10(c.optimizer().lr()) + 3);
  }

  private static List<FrozenTrial> run(Sampler sampler, long seed, int trials) {
    try (Study study = Study.builder("memory:", "cma").directions(Direction.MINIMIZE).seed(seed).sampler(sampler)
        .open()) {
      study.optimize(TinyConfigSpace.space(), (config, trial) -> objective(config), trials);
      for (FrozenTrial t : study.trials()) {
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(TinyConfigSpace.space().violations(study.config(TinyConfigSpace.space(), t))).isEmpty();
      }
      return study.trials();
    }
  }

  @Test
  void optimizesTheNumericParametersAndTagsEachTrialWithItsGeneration() {
    List<FrozenTrial> trials = run(new CmaEsSampler(), 11, 120);
    // Trial 0 is the start-up trial; then x, layers and lr (in every trial) are searched by
    // CMA-ES, lambda = 4 + floor(3 ln 3) = 7 per generation, one worker: 7 trials per tag.
    assertThat(trials.get(0).systemAttributes()).doesNotContainKey(CmaEsSampler.ATTRIBUTE);
    for (int n = 1; n < trials.size(); n++) {
      int[] tag = CmaEsSampler.tag(trials.get(n));
      assertThat(tag).isNotNull();
      assertThat(tag[0]).isEqualTo(0);
      assertThat(tag[1]).isEqualTo((n - 1) / 7);
    }
    double early = trials.subList(1, 8).stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
    double late = trials.subList(106, 120).stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
    assertThat(late).isLessThan(early);
    // The last generations sit near x = 1.5, layers = 3, lr = 1e-3.
    FrozenTrial last = trials.get(119);
    assertThat(Math.abs((Double) last.param(X) - 1.5)).isLessThan(0.3);
    assertThat(last.param(LAYERS)).isEqualTo(3L);
    assertThat(Math.abs(Math.log10((Double) last.param(LR)) + 3)).isLessThan(0.3);
  }

  @Test
  void categoricalsAndTheConditionalBranchAreSampledIndependently() {
    List<FrozenTrial> cma = run(new CmaEsSampler(), 5, 40);
    List<FrozenTrial> random = run(new RandomSampler(), 5, 40);
    int momenta = 0;
    boolean someTrialLacksMomentum = false;
    for (int n = 0; n < 40; n++) {
      Map<String, Double> c = cma.get(n).params();
      Map<String, Double> r = random.get(n).params();
      // Drawn by the RandomSampler, seeded per (study seed, trial, name): the same as a random study's.
      for (String name : List.of("TinyConfig.batch", "TinyConfig.flag", "TinyConfig.optimizer::OptConfig.name")) {
        assertThat(c.get(name)).isEqualTo(r.get(name));
      }
      // The branch's parameter is searched by CMA-ES only while every trial so far has it (the
      // intersection, as in Optuna); once a trial took the other branch it is drawn independently.
      if (c.containsKey(MOMENTUM) && someTrialLacksMomentum) {
        assertThat(c.get(MOMENTUM)).isEqualTo(r.get(MOMENTUM));
        momenta++;
      }
      someTrialLacksMomentum |= !c.containsKey(MOMENTUM);
      if (n > 0) {
        assertThat(c.get(X)).isNotEqualTo(r.get(X)); // from CMA-ES, not the random draw
      }
    }
    assertThat(momenta).isGreaterThan(5);
  }

  @Test
  void theSameSeedGivesTheSameTrialsWithOneWorker() {
    List<Map<String, Double>> a = run(new CmaEsSampler(), 7, 30).stream().map(FrozenTrial::params).toList();
    List<Map<String, Double>> b = run(new CmaEsSampler(), 7, 30).stream().map(FrozenTrial::params).toList();
    List<Map<String, Double>> c = run(new CmaEsSampler(), 8, 30).stream().map(FrozenTrial::params).toList();
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
    // The builder's seed overrides the study's, for the independent draws too (as Optuna's seed).
    List<Map<String, Double>> d = run(CmaEsSampler.builder().seed(7).build(), 8, 30).stream()
        .map(FrozenTrial::params).toList();
    assertThat(d).isEqualTo(a);
  }

  @Test
  void twoWorkersOnOneSqliteStudyContinueEachOthersGenerations(@TempDir Path dir) {
    String url = "sqlite:" + dir.resolve("cma.db");
    List<Map<String, Double>> alone = run(new CmaEsSampler(), 21, 40).stream().map(FrozenTrial::params).toList();
    // Two study objects (two workers) take turns; each replays the optimizer from the file alone.
    try (Study a = Study.builder(url, "cma").directions(Direction.MINIMIZE).seed(21).sampler(new CmaEsSampler())
        .open();
        Study b = Study.builder(url, "cma").directions(Direction.MINIMIZE).sampler(new CmaEsSampler()).open()) {
      for (int n = 0; n < 40; n++) {
        Study worker = n % 2 == 0 ? a : b;
        StudyTrial<TinyConfig> trial = worker.ask(TinyConfigSpace.space());
        worker.tell(trial, objective(trial.config()));
      }
      assertThat(b.trials().stream().map(FrozenTrial::params).toList()).isEqualTo(alone);
    }
  }

  @Test
  void prunedTrialsCountOnlyWhenAskedTo() {
    assertThat(generationZero(CmaEsSampler.builder().build())).isEqualTo(14); // 7 complete among them
    assertThat(generationZero(CmaEsSampler.builder().considerPrunedTrials(true).build())).isEqualTo(7);
  }

  /** The number of trials tagged generation 0 when every odd trial is pruned after one report. */
  private static int generationZero(CmaEsSampler sampler) {
    try (Study study = Study.builder("memory:", "pruned").directions(Direction.MINIMIZE).seed(3).sampler(sampler)
        .open()) {
      study.optimize(TinyConfigSpace.space(), (config, trial) -> {
        trial.report(0, objective(config));
        if (trial.number() % 2 == 1) {
          throw new TrialPrunedException();
        }
        return objective(config);
      }, 40);
      int count = 0;
      for (FrozenTrial t : study.trials()) {
        int[] tag = CmaEsSampler.tag(t);
        count += tag != null && tag[1] == 0 ? 1 : 0;
      }
      return count;
    }
  }

  @Test
  void aStudyOfSeveralObjectivesIsRefusedByName() {
    try (Study study = Study.builder("memory:", "two").directions(Direction.MINIMIZE, Direction.MAXIMIZE)
        .sampler(new CmaEsSampler()).open()) {
      RuntimeException e = assertThrows(RuntimeException.class, () -> study.ask(TinyConfigSpace.space()));
      assertThat(e).hasMessageThat().contains("CmaEsSampler optimizes one objective; study 'two' has 2 directions");
    }
  }

  @Test
  void badOptionsAreRefusedByName() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> CmaEsSampler.builder().populationSize(1)))
        .hasMessageThat().contains("populationSize");
    assertThat(assertThrows(IllegalArgumentException.class, () -> CmaEsSampler.builder().nStartupTrials(-1)))
        .hasMessageThat().contains("nStartupTrials");
  }
}
