package io.paramspace.study.sampler;

import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Rng;
import io.paramspace.samplers.Nsga2;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Sampler;
import io.paramspace.study.StudyContext;
import java.util.Map;

/**
 * The study's adapter of {@link Nsga2} (NSGA-II with Optuna's defaults: population 50, uniform
 * crossover 0.9, swapping 0.5, mutation {@code 1/n}): before a trial's config is built, it reads
 * the study's complete trials in number order as the history and proposes the whole active path of
 * the space at once, a random point in generation 0 and a child of the current parents after.
 * Along the space's tree a child takes a branch's parameters only when that branch is active in
 * it (from a parent that took the branch, or drawn afresh if neither did). Parameters the proposal
 * does not cover come from the {@link RandomSampler}.
 *
 * <pre>{@code
 * try (Study study = Study.builder("sqlite:zdt.db", "zdt").directions(Direction.MINIMIZE, Direction.MINIMIZE)
 *     .sampler(new Nsga2Sampler()).seed(1).open()) {
 *   study.optimizeMulti(space, (config, trial) -> config.objectives(), 300);
 *   List<FrozenTrial> front = study.paretoFront();
 * }
 * }</pre>
 *
 * <p>Constraints: trials that report {@link io.paramspace.study.StudyTrial#setConstraints
 * constraint values} are sorted by Deb's constrained domination (feasible before infeasible, then
 * the smaller total violation); nothing to configure here.
 *
 * <p>Seeded per trial like the TPE sampler: trial n's proposal draws from an {@link Rng} seeded with
 * {@code RandomSampler.seedOf(study seed, n, "nsga2")}, so a study with one worker is reproducible
 * from its seed.
 *
 * <p>Trials running in parallel (threads, or workers sharing a storage). The sampler keeps no
 * state: generation {@code g} is the complete trials number {@code g * populationSize} to {@code
 * (g + 1) * populationSize - 1} in trial-number order, and a new trial is a child of the parents
 * computed from the complete trials at the moment it is asked. Running trials do not count, so
 * with {@code w} workers up to {@code w - 1} more trials than a population are asked from one set
 * of parents (in generation 0: up to {@code w - 1} extra random trials), and a trial that finishes
 * late joins the generation its number places it in, which may move later trials one generation
 * on. Every trial still takes part in selection, which is elitist (the parents of a generation are
 * the best of it and of the previous parents), so nothing good is lost; the search is as with
 * Optuna's sampler, where a trial's generation is fixed when it is created, up to those shifts. With
 * one worker the generations are exactly NSGA-II's.
 */
public final class Nsga2Sampler implements Sampler {
  private final Nsga2 nsga2;
  private final RandomSampler fallback = new RandomSampler();

  /** Optuna's defaults (see {@link Nsga2#defaults()}). */
  public Nsga2Sampler() {
    this(Nsga2.defaults());
  }

  /** With {@code nsga2}'s options, e.g. {@code Nsga2.defaults().withPopulationSize(20)}. */
  public Nsga2Sampler(Nsga2 nsga2) {
    this.nsga2 = java.util.Objects.requireNonNull(nsga2, "nsga2");
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyContext study, FrozenTrial trial) {
    return study.distributions();
  }

  @Override
  public Map<String, Double> sampleRelative(StudyContext study, FrozenTrial trial,
      Map<String, Distribution> searchSpace) {
    Rng rng = new Rng(RandomSampler.seedOf(study.seed(), trial.number(), "nsga2"));
    return nsga2.propose(study.space(), SamplerHistory.observations(study.completeHistory()),
        SamplerHistory.directions(study), rng).params();
  }

  @Override
  public double sampleIndependent(StudyContext study, FrozenTrial trial, String name, Distribution distribution) {
    return fallback.sampleIndependent(study, trial, name, distribution);
  }
}
