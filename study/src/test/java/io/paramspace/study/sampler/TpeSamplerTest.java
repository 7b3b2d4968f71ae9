package io.paramspace.study.sampler;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Study;
import io.paramspace.study.TrialState;
import io.paramspace.study.configs.TinyConfig;
import io.paramspace.study.configs.TinyConfigSpace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TPE through the study: reproducible per seed, configs of the space, pruned trials as observations. */
class TpeSamplerTest {
  private static double objective(TinyConfig c) {
    return (c.x() - 1.5) * (c.x() - 1.5) + Math.abs(c.layers() - 3) + (c.flag() ? 0 : 1);
  }

  private static List<Map<String, Double>> run(long seed, int trials) {
    try (Study study = Study.builder("memory:", "tpe").directions(Direction.MINIMIZE).seed(seed)
        .sampler(new TpeSampler()).open()) {
      study.optimize(TinyConfigSpace.space(), (config, trial) -> objective(config), trials);
      for (FrozenTrial t : study.trials()) {
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        TinyConfig config = study.config(TinyConfigSpace.space(), t);
        assertThat(TinyConfigSpace.space().violations(config)).isEmpty();
      }
      return study.trials().stream().map(FrozenTrial::params).toList();
    }
  }

  @Test
  void theSameSeedGivesTheSameTrialsWithOneWorker() {
    assertThat(run(7, 30)).isEqualTo(run(7, 30));
    assertThat(run(7, 30)).isNotEqualTo(run(8, 30));
  }

  @Test
  void afterTheStartupTrialsItProposesFromTheModel() {
    List<Map<String, Double>> params = run(3, 40);
    // The model concentrates x near its optimum 1.5 once past the 10 random startup trials.
    double startupSpread = spread(params.subList(0, 10));
    double lateSpread = spread(params.subList(30, 40));
    assertThat(lateSpread).isLessThan(startupSpread);
  }

  private static double spread(List<Map<String, Double>> params) {
    return params.stream().mapToDouble(p -> Math.abs(p.get("TinyConfig.x") - 1.5)).average().orElseThrow();
  }

  @Test
  void prunedTrialsCountByTheirLastIntermediateValueAndFailedOnesNot() {
    FrozenTrial template = FrozenTrial.template(TrialState.PRUNED, null, null, List.of(), Map.of("a", 1.0),
        Map.of(), new java.util.TreeMap<>(Map.of(1, 5.0, 3, 2.0)), Map.of(), Map.of());
    List<io.paramspace.samplers.Observation> observations = SamplerHistory.observations(List.of(template));
    assertThat(observations).hasSize(1);
    assertThat(observations.get(0).values()).containsExactly(2.0);
    assertThat(observations.get(0).step()).isEqualTo(3);
    FrozenTrial failed = FrozenTrial.template(TrialState.FAIL, null, null, List.of(), Map.of("a", 1.0),
        Map.of(), new java.util.TreeMap<>(), Map.of(), Map.of());
    assertThat(SamplerHistory.observations(List.of(failed))).isEmpty();
  }
}
