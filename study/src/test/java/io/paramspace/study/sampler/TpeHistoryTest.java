package io.paramspace.study.sampler;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import io.paramspace.samplers.Observation;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.StudyContext;
import io.paramspace.study.TrialState;
import io.paramspace.study.configs.PairConfigSpace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which trials TPE is conditioned on: running ones as stored now, or the deterministic window. */
class TpeHistoryTest {
  private static final Map<String, Distribution> DISTRIBUTIONS = PairConfigSpace.space().distributions();

  /** A study as a sampler sees it: finished and running trials, fixed. */
  private record Fixed(List<FrozenTrial> history, List<FrozenTrial> runningTrials) implements StudyContext {
    @Override
    public String studyName() {
      return "fixed";
    }

    @Override
    public List<Direction> directions() {
      return List.of(Direction.MINIMIZE);
    }

    @Override
    public long seed() {
      return 0;
    }

    @Override
    public ConfigSpace<?> space() {
      return PairConfigSpace.space();
    }

    @Override
    public Map<String, Distribution> distributions() {
      return DISTRIBUTIONS;
    }

    @Override
    public void setTrialSystemAttribute(FrozenTrial trial, String key, String json) {
      throw new UnsupportedOperationException("a fixed history is read-only");
    }
  }

  private static FrozenTrial trial(int number, TrialState state, Map<String, Double> params) {
    return new FrozenTrial(number, number, state, state == TrialState.COMPLETE ? List.of((double) number) : List.of(),
        Instant.EPOCH, state.isFinished() ? Instant.EPOCH : null, params, DISTRIBUTIONS, new TreeMap<>(), Map.of(),
        Map.of());
  }

  private static Map<String, Double> at(double a, double b) {
    return Map.of("PairConfig.a", a, "PairConfig.b", b);
  }

  @Test
  void runningTrialsCountAsRunningExceptTheOneBeingSampledAndThoseWithoutParameters() {
    List<FrozenTrial> finished =
        List.of(trial(0, TrialState.COMPLETE, at(1, 1)), trial(2, TrialState.COMPLETE, at(2, 2)));
    FrozenTrial self = trial(5, TrialState.RUNNING, Map.of());
    List<FrozenTrial> running = List.of(trial(4, TrialState.RUNNING, at(4, 4)), trial(1, TrialState.RUNNING, at(3, 3)),
        trial(3, TrialState.RUNNING, Map.of()), trial(6, TrialState.RUNNING, Map.of("PairConfig.a", 5.0)), self,
        // Finished between the two reads: counted once, by its value.
        trial(2, TrialState.RUNNING, at(2, 2)));
    List<Observation> observations = new TpeHistory(0, null, 10).observations(new Fixed(finished, running), self);
    assertThat(observations).containsExactly(Observation.complete(at(1, 1), 0.0), Observation.complete(at(2, 2), 2.0),
        Observation.running(at(3, 3)), Observation.running(at(4, 4)),
        Observation.running(Map.of("PairConfig.a", 5.0))).inOrder();
  }

  @Test
  void theDeterministicWindowCountsTheLastTrialsAsRunningEvenIfFinished() {
    List<FrozenTrial> finished = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      finished.add(trial(i, TrialState.COMPLETE, at(i % 7, 0)));
    }
    // Trial 12 with 4 workers: 0..8 finished, 9..11 running, whether or not they have finished.
    finished.add(trial(10, TrialState.COMPLETE, at(3, 3)));
    finished.add(trial(13, TrialState.COMPLETE, at(6, 6))); // later than 12: not seen
    List<FrozenTrial> running = List.of(trial(9, TrialState.RUNNING, at(1, 5)), trial(11, TrialState.RUNNING, at(2, 5)),
        trial(14, TrialState.RUNNING, at(6, 5)));
    FrozenTrial self = trial(12, TrialState.RUNNING, Map.of());
    List<Observation> observations = new TpeHistory(4, null, 5).observations(new Fixed(finished, running), self);
    assertThat(observations).hasSize(12);
    for (int i = 0; i < 9; i++) {
      assertThat(observations.get(i)).isEqualTo(Observation.complete(at(i % 7, 0), i));
    }
    assertThat(observations.subList(9, 12)).containsExactly(Observation.running(at(1, 5)),
        Observation.running(at(3, 3)), Observation.running(at(2, 5))).inOrder();
  }

  @Test
  void aProposalTakenMeanwhileByAnotherRunningTrialIsNoticedOnlyAsStored() {
    FrozenTrial self = trial(7, TrialState.RUNNING, Map.of());
    Fixed study = new Fixed(List.of(), List.of(trial(6, TrialState.RUNNING, at(3, 4)), self));
    assertThat(new TpeHistory(0, null, 10).takenMeanwhile(study, self, at(3, 4))).isTrue();
    assertThat(new TpeHistory(0, null, 10).takenMeanwhile(study, self, at(4, 3))).isFalse();
    // The deterministic mode sees a fixed window: what others did meanwhile must not change trial 7.
    assertThat(new TpeHistory(4, null, 10).takenMeanwhile(study, self, at(3, 4))).isFalse();
  }
}
