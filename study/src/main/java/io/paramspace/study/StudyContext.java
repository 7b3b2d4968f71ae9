package io.paramspace.study;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Sampler} or {@link Pruner} sees of a study while it works on one trial: the
 * study's directions and seed, the space being searched (its distributions, and its descriptor
 * tree for conditional and polymorphic structure), and the history of finished trials that fit
 * that space. Everything here comes from the storage, so many workers sharing a study see the
 * same history; samplers keep no state of their own.
 */
public interface StudyContext {

  String studyName();

  /** One direction per objective. */
  List<Direction> directions();

  /** The study's seed (stored with the study, the same for every worker and after a reopen). */
  long seed();

  /**
   * The space being searched: {@code space().fields()} is the descriptor tree (conditional and
   * polymorphic fields, nested configs) for samplers that model structure, as TPE's group
   * decomposition and NSGA-II's crossover need.
   */
  ConfigSpace<?> space();

  /** Every parameter of {@link #space()} with its distribution, in parameter-name order. */
  Map<String, Distribution> distributions();

  /**
   * The finished trials (complete, pruned, failed) that the samplers may learn from: not
   * excluded, and every parameter a value of the current space; a trial of an older or wider
   * space whose parameters fit is included. Params are re-expressed in the internal form of
   * {@link #distributions()} (a categorical index into the current choices), and {@link
   * FrozenTrial#distributions()} are the current ones. Served incrementally: each finished trial
   * is checked once per space.
   */
  List<FrozenTrial> history();

  /**
   * The study's running trials as stored now, other workers' included (params in their stored
   * form): the competitors that a pruner such as ASHA compares a trial with at a rung before they
   * finish. Read from the storage on each call.
   */
  List<FrozenTrial> runningTrials();

  /**
   * Stores a system attribute (key to JSON text) on {@code trial}, as Optuna's samplers call
   * {@code set_trial_system_attr}: how a sampler leaves a note that later asks, in any worker,
   * read back from {@link #history()} (CMA-ES tags each trial with its generation).
   */
  void setTrialSystemAttribute(FrozenTrial trial, String key, String json);

  /** The complete trials of {@link #history()}. */
  default List<FrozenTrial> completeHistory() {
    return history().stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
  }
}
