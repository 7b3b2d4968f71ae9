package io.paramspace.study.sampler;

import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Rng;
import io.paramspace.samplers.Observation;
import io.paramspace.samplers.Tpe;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Sampler;
import io.paramspace.study.StudyContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 *
 * <p>Parallel workers: the study's other running trials (other threads' and processes', and the
 * earlier trials of one {@code study.ask(space, k)}) are passed as running observations, so with
 * the constant liar ({@link Tpe.Builder#constantLiar}, on by default) the model counts them as bad
 * and moves away from them, and no proposal repeats one. A running trial that has no parameters
 * yet is left out (see {@link TpeHistory}). With several workers the proposals then depend on
 * timing; {@link #deterministic} trades a little waiting for reproducibility.
 */
public final class TpeSampler implements Sampler {
  private final Tpe tpe;
  private final TpeHistory conditioning;
  private final RandomSampler fallback = new RandomSampler();

  /**
   * {@link Tpe#defaults()}: Optuna's defaults but for three settings chosen on held-out seeds (see
   * {@link Tpe}), multivariate along the tree.
   */
  public TpeSampler() {
    this(Tpe.defaults());
  }

  public TpeSampler(Tpe tpe) {
    this(tpe, new TpeHistory(0, null, tpe.nStartupTrials()));
  }

  private TpeSampler(Tpe tpe, TpeHistory history) {
    this.tpe = tpe;
    this.conditioning = history;
  }

  /**
   * This sampler in the deterministic mode for {@code workers} workers (threads times processes):
   * trial {@code n} is conditioned on trials {@code 0 .. n - workers} as finished and on {@code n -
   * workers + 1 .. n - 1} as running, however far they have got, so two runs with the same seed
   * and a deterministic objective give the same parameters per trial number, with any number of
   * workers and any timing. The cost: trial {@code n} waits until trial {@code n - workers} and the
   * ones before it have finished (past the start-up trials). With {@code workers} workers and
   * trials of similar length it seldom waits; a slow trial holds up the workers that overtake it by
   * {@code workers} trials; fewer workers wait less, but see less of the history than they could.
   * No wait limit (see {@link #deterministic(int, Duration)}).
   *
   * <p>Reproducible only without a pruner (pruning depends on timing) and without {@code
   * exclude}. Do not ask more than {@code workers} trials before telling the oldest in one thread
   * ({@code study.ask(space, k)} with {@code k > workers}): the ask would wait for itself.
   *
   * @throws IllegalArgumentException if {@code workers < 1}
   */
  public TpeSampler deterministic(int workers) {
    return deterministic(workers, null);
  }

  /**
   * {@link #deterministic(int)}, with a limit: an ask that waits longer than {@code maxWait} for an
   * earlier trial fails with a {@link io.paramspace.study.StudyException} naming that trial.
   *
   * @param maxWait the longest wait, or null for no limit
   * @throws IllegalArgumentException if {@code workers < 1} or {@code maxWait} is not positive
   */
  public TpeSampler deterministic(int workers, Duration maxWait) {
    if (workers < 1) {
      throw new IllegalArgumentException("TpeSampler.deterministic(workers): workers must be >= 1 (the number of"
          + " threads times processes that share the study), got " + workers);
    }
    if (maxWait != null && (maxWait.isNegative() || maxWait.isZero())) {
      throw new IllegalArgumentException("TpeSampler.deterministic(workers, maxWait): maxWait must be positive or null"
          + " (no limit), got " + maxWait);
    }
    return new TpeSampler(tpe, new TpeHistory(workers, maxWait, tpe.nStartupTrials()));
  }

  /** The number of workers of the deterministic mode, or 0 if proposals see the trials as stored now. */
  public int deterministicWorkers() {
    return conditioning.workers();
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
    List<Observation> history = conditioning.observations(study, trial);
    io.paramspace.samplers.Direction direction = SamplerHistory.directions(study).get(0);
    Rng rng = new Rng(RandomSampler.seedOf(study.seed(), trial.number(), "tpe"));
    Map<String, Double> proposal = tpe.propose(study.space(), history, direction, rng).params();
    // Across processes two asks can overlap unseen: look once more, and propose again on a clash.
    for (int again = 0; again < 2 && conditioning.takenMeanwhile(study, trial, proposal); again++) {
      proposal = tpe.propose(study.space(), conditioning.observations(study, trial), direction, rng).params();
    }
    return proposal;
  }

  @Override
  public double sampleIndependent(StudyContext study, FrozenTrial trial, String name, Distribution distribution) {
    return fallback.sampleIndependent(study, trial, name, distribution);
  }
}
