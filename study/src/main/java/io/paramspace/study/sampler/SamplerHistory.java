package io.paramspace.study.sampler;

import io.paramspace.samplers.Observation;
import io.paramspace.study.Constraints;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.StudyContext;
import io.paramspace.study.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A study's history as the samplers module reads it (TPE, MOTPE, NSGA-II): complete trials with
 * their values and constraint values ({@link Constraints}), pruned ones with their last finite
 * intermediate value, in trial-number order (as the model's weights expect); failed trials left out.
 */
final class SamplerHistory {
  private SamplerHistory() {}

  static List<Observation> observations(List<FrozenTrial> trials) {
    List<FrozenTrial> sorted = new ArrayList<>(trials);
    sorted.sort((a, b) -> Integer.compare(a.number(), b.number()));
    List<Observation> observations = new ArrayList<>(sorted.size());
    for (FrozenTrial t : sorted) {
      if (t.state() == TrialState.COMPLETE && !t.values().isEmpty()) {
        Observation o = Observation.complete(t.params(), t.values());
        Optional<List<Double>> constraints = Constraints.of(t);
        observations.add(constraints.isPresent() && !constraints.get().isEmpty()
            ? o.withConstraints(constraints.get()) : o);
      } else if (t.state() == TrialState.PRUNED) {
        SortedMap<Integer, Double> steps = t.intermediateValues();
        if (!steps.isEmpty() && Double.isFinite(steps.get(steps.lastKey()))) {
          observations.add(Observation.pruned(t.params(), steps.lastKey(), steps.get(steps.lastKey())));
        }
      }
    }
    return observations;
  }

  /** The study's directions in the samplers module's type. */
  static List<io.paramspace.samplers.Direction> directions(StudyContext study) {
    return study.directions().stream().map(d -> d == Direction.MINIMIZE ? io.paramspace.samplers.Direction.MINIMIZE
        : io.paramspace.samplers.Direction.MAXIMIZE).toList();
  }
}
