package io.paramspace.study.sampler;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.samplers.Nsga2;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.Study;
import io.paramspace.study.TrialState;
import io.paramspace.study.configs.BranchConfig;
import io.paramspace.study.configs.BranchConfigSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Nsga2SamplerTest {
  private static final ConfigSpace<BranchConfig> SPACE = BranchConfigSpace.space();
  private static final int POPULATION = 10;

  private static List<FrozenTrial> run(Nsga2 nsga2, long seed, int trials) {
    try (Study study = Study.builder("memory:", "nsga").directions(Direction.MINIMIZE, Direction.MINIMIZE)
        .sampler(new Nsga2Sampler(nsga2)).seed(seed).open()) {
      study.optimizeMulti(SPACE, (config, trial) -> config.objectives(),
          OptimizeOptions.trials(trials).withProgressBar(false));
      return study.trials();
    }
  }

  @Test
  void aChildHasABranchsParametersExactlyWhenTheBranchIsActive() {
    List<FrozenTrial> trials = run(Nsga2.defaults().withPopulationSize(POPULATION), 4, 60);
    assertThat(trials).hasSize(60);
    Set<String> kinds = new HashSet<>();
    for (FrozenTrial t : trials) {
      assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
      String kind = (String) t.param("BranchConfig.kind");
      kinds.add(kind);
      Set<String> names = t.params().keySet();
      assertThat(names.stream().anyMatch(n -> n.contains("alpha"))).isEqualTo(kind.equals("a"));
      assertThat(names.stream().anyMatch(n -> n.contains("beta"))).isEqualTo(kind.equals("b"));
      assertThat(names).hasSize(3);
    }
    assertThat(kinds).containsExactly("a", "b"); // both branches were searched
  }

  /**
   * Without mutation every value of a child comes from a parent: the shared float and the branch's
   * own, since the branch itself comes from a parent that took it.
   */
  @Test
  void withoutMutationEveryValueOfAChildIsInheritedAlongItsBranch() {
    List<FrozenTrial> trials = run(Nsga2.defaults().withPopulationSize(POPULATION).withMutationProb(0.0), 5, 50);
    for (FrozenTrial child : trials.subList(POPULATION, trials.size())) {
      for (Map.Entry<String, Double> e : child.params().entrySet()) {
        boolean inherited = trials.stream().filter(t -> t.number() < child.number())
            .anyMatch(t -> e.getValue().equals(t.params().get(e.getKey())));
        assertThat(inherited).isTrue();
      }
    }
  }

  /** Four threads: trials asked while others run are children of the same parents; every trial is valid. */
  @Test
  void trialsRunningInParallelAllFinishAsValidConfigs() {
    try (Study study = Study.builder("memory:", "parallel").directions(Direction.MINIMIZE, Direction.MINIMIZE)
        .sampler(new Nsga2Sampler(Nsga2.defaults().withPopulationSize(POPULATION))).seed(9).open()) {
      study.optimizeMulti(SPACE, (config, trial) -> config.objectives(),
          OptimizeOptions.trials(60).withParallelism(4).withProgressBar(false));
      List<FrozenTrial> trials = study.trials();
      assertThat(trials).hasSize(60);
      for (FrozenTrial t : trials) {
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        SPACE.validate(study.config(SPACE, t));
      }
      assertThat(study.paretoFront()).isNotEmpty();
    }
  }

  @Test
  void theSameSeedGivesTheSameTrials() {
    Nsga2 nsga2 = Nsga2.defaults().withPopulationSize(POPULATION);
    assertThat(params(run(nsga2, 6, 40))).isEqualTo(params(run(nsga2, 6, 40)));
    assertThat(params(run(nsga2, 6, 40))).isNotEqualTo(params(run(nsga2, 7, 40)));
  }

  private static List<Map<String, Double>> params(List<FrozenTrial> trials) {
    return trials.stream().map(FrozenTrial::params).toList();
  }
}
