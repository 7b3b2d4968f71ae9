package io.paramspace.study.sampler;

import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Rng;
import io.paramspace.samplers.Observation;
import io.paramspace.samplers.Tpe;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Sampler;
import io.paramspace.study.StudyContext;
import io.paramspace.study.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The study's adapter of {@link Tpe} (the Tree-structured Parzen Estimator of the samplers
 * module): before a trial's config is built, it turns the study's history into observations
 * (complete trials by their value, pruned ones by their last intermediate value, as Optuna
 * does; failed trials left out) and proposes the whole active path of the space at once, jointly
 * along the space's tree. Parameters the proposal does not cover (none, for a space the model
 * knows) come from the {@link RandomSampler}.
 *
 * <p>Seeded per trial like the random sampler: trial n's proposal draws from an {@link Rng}
 * seeded with {@code RandomSampler.seedOf(study seed, n, "tpe")}, so a study with one worker is
 * reproducible from its seed.
 */
public final class TpeSampler implements Sampler {
  private final Tpe tpe;
  private final RandomSampler fallback = new RandomSampler();

  /** Optuna's defaults, multivariate along the tree (see {@link Tpe#defaults()}). */
  public TpeSampler() {
    this(Tpe.defaults());
  }

  public TpeSampler(Tpe tpe) {
    this.tpe = tpe;
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyContext study, FrozenTrial trial) {
    return study.distributions();
  }

  @Override
  public Map<String, Double> sampleRelative(StudyContext study, FrozenTrial trial,
      Map<String, Distribution> searchSpace) {
    if (study.directions().size() != 1) {
      // MOTPE (see Tpe): one loss per direction; constraint values from the trials' system attributes.
      Rng rng = new Rng(RandomSampler.seedOf(study.seed(), trial.number(), "tpe"));
      return tpe.propose(study.space(), SamplerHistory.observations(study.history()),
          SamplerHistory.directions(study), rng).params();
    }
    List<Observation> history = observations(study.history());
    io.paramspace.samplers.Direction direction = study.directions().get(0) == Direction.MINIMIZE
        ? io.paramspace.samplers.Direction.MINIMIZE : io.paramspace.samplers.Direction.MAXIMIZE;
    Rng rng = new Rng(RandomSampler.seedOf(study.seed(), trial.number(), "tpe"));
    return tpe.propose(study.space(), history, direction, rng).params();
  }

  @Override
  public double sampleIndependent(StudyContext study, FrozenTrial trial, String name, Distribution distribution) {
    return fallback.sampleIndependent(study, trial, name, distribution);
  }

  /** Complete and pruned trials in trial-number order, as the model's weights expect. */
  static List<Observation> observations(List<FrozenTrial> trials) {
    List<FrozenTrial> sorted = new ArrayList<>(trials);
    sorted.sort((a, b) -> Integer.compare(a.number(), b.number()));
    List<Observation> observations = new ArrayList<>(sorted.size());
    for (FrozenTrial t : sorted) {
      if (t.state() == TrialState.COMPLETE && !t.values().isEmpty()) {
        observations.add(Observation.complete(t.params(), t.values()));
      } else if (t.state() == TrialState.PRUNED) {
        SortedMap<Integer, Double> steps = t.intermediateValues();
        if (!steps.isEmpty() && Double.isFinite(steps.get(steps.lastKey()))) {
          observations.add(Observation.pruned(t.params(), steps.lastKey(), steps.get(steps.lastKey())));
        }
      }
    }
    return observations;
  }
}
