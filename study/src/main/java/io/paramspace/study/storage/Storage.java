package io.paramspace.study.storage;

import io.paramspace.runtime.Distribution;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Where studies and their trials live: the single source of truth that samplers read, so that
 * several workers can share one study. Optuna's {@code BaseStorage}, in Java; the SQL
 * implementations write Optuna's RDB schema so Python Optuna reads the same studies.
 *
 * <p>Values of parameters are in internal form (see {@link Distribution}); attributes are JSON
 * texts. Implementations are thread-safe. Finished trials never change (except for system
 * attributes, which {@link #setTrialSystemAttribute} may add), so {@link #finishedTrials} can be
 * served from an incremental cache.
 */
public interface Storage extends AutoCloseable {

  /** What this storage was opened from, for messages ({@code sqlite:studies/a.db}). */
  String url();

  /** @throws StorageException if a study called {@code name} exists */
  StudyRecord createStudy(String name, List<Direction> directions);

  Optional<StudyRecord> findStudy(String name);

  /** Every study, in creation order. */
  List<StudyRecord> studies();

  /** Deletes a study and all its trials. */
  void deleteStudy(long studyId);

  Map<String, String> studyUserAttributes(long studyId);

  Map<String, String> studySystemAttributes(long studyId);

  void setStudyUserAttribute(long studyId, String key, String json);

  void setStudySystemAttribute(long studyId, String key, String json);

  /**
   * Stores a new trial from {@code template} (its id and number are ignored) and returns it with
   * the id and the next number of the study. A template in a finished state is stored whole
   * (imports); one {@code RUNNING} or {@code WAITING} may carry fixed params and attributes.
   */
  FrozenTrial createTrial(long studyId, FrozenTrial template);

  /**
   * Creates a trial that holds the next <em>ticket</em> of the study's counter {@code counter}, as
   * one atomic step: the counter is a study system attribute holding the next ticket as a JSON
   * integer (absent means 0); if it is below {@code limit}, the trial {@code template.apply(ticket)}
   * is stored as {@link #createTrial} stores a template, and the counter becomes {@code ticket + 1}.
   * Workers sharing the storage (threads, processes, machines) never get the same ticket, and a
   * crash leaves both writes or neither, so a ticket is never drawn without a trial holding it.
   * This is how {@link io.paramspace.study.sampler.GridSampler} claims the next grid point.
   *
   * <p>A SQL storage runs both writes in one transaction that takes the counter's lock before it
   * reads it: SQLite's {@code BEGIN IMMEDIATE} (the database's write lock); on PostgreSQL {@code
   * INSERT INTO study_system_attributes ... ON CONFLICT (study_id, key) DO UPDATE SET value_json =
   * (value_json::bigint + 1)::text WHERE value_json::bigint < limit RETURNING value_json}, whose row
   * lock serializes the claimers until commit, then the trial's inserts in the same transaction.
   *
   * @return the new trial, or empty, with nothing written, if the counter has reached {@code limit}
   * @throws StorageException if the counter holds something other than an integer
   */
  Optional<FrozenTrial> createTrialWithTicket(long studyId, String counter, long limit,
      LongFunction<FrozenTrial> template);

  /**
   * Takes the oldest {@code WAITING} trial of the study and makes it {@code RUNNING} (starting
   * now), atomically: two workers never take the same one. Empty if none is waiting.
   */
  Optional<FrozenTrial> claimWaitingTrial(long studyId);

  /**
   * Sets parameters of a running trial, in one write: name to internal value, each with its
   * distribution (both maps with the same keys, in the order to store them).
   *
   * @throws StorageException if the trial is not running or already has one of the parameters
   *     with another value
   */
  void setParams(long trialId, Map<String, Double> internalValues, Map<String, Distribution> distributions);

  /**
   * {@link #setParams(long, Map, Map)} and {@link #setTrialUserAttribute} for each of {@code
   * userAttributes} (key to JSON), as one write where the storage can: what an ask stores once the
   * config is sampled (its parameters and the config itself). This default makes the calls one
   * after the other.
   */
  default void setParams(long trialId, Map<String, Double> internalValues, Map<String, Distribution> distributions,
      Map<String, String> userAttributes) {
    setParams(trialId, internalValues, distributions);
    userAttributes.forEach((key, json) -> setTrialUserAttribute(trialId, key, json));
  }

  /** Records (or replaces) the intermediate value of a running trial at {@code step}. */
  void setIntermediateValue(long trialId, int step, double value);

  void setTrialUserAttribute(long trialId, String key, String json);

  void setTrialSystemAttribute(long trialId, String key, String json);

  /**
   * Finishes a running trial: sets its state (complete, pruned or failed), its values (one per
   * objective for complete, else at most one) and its end time.
   *
   * @throws StorageException if the trial is not running (told twice, or finished elsewhere)
   */
  FrozenTrial finishTrial(long trialId, TrialState state, List<Double> values);

  /** @throws StorageException if no trial has that id */
  FrozenTrial trial(long trialId);

  /** Every trial of the study, by number. */
  List<FrozenTrial> trials(long studyId);

  /** The trials of the study in {@code state}, by number. */
  List<FrozenTrial> trials(long studyId, TrialState state);

  /**
   * The finished (complete, pruned, failed) trials of the study, in the order this storage saw
   * them finish. Served incrementally: a call reads only what changed since the last one.
   */
  List<FrozenTrial> finishedTrials(long studyId);

  /**
   * Up to {@code limit} complete trials of the study, best first by their value of objective 0 in
   * {@code direction} (an infinite value ranks as its sign says), ties by number: what a study's best
   * trial needs, without reading every trial. This default scans {@link #finishedTrials}; a SQL
   * storage answers with one query over the values and reads only the trials it returns.
   */
  default List<FrozenTrial> bestTrials(long studyId, Direction direction, int limit) {
    java.util.Comparator<FrozenTrial> byValue = java.util.Comparator.comparingDouble(t -> t.values().get(0));
    if (direction == Direction.MAXIMIZE) {
      byValue = byValue.reversed();
    }
    return finishedTrials(studyId).stream()
        .filter(t -> t.state() == TrialState.COMPLETE && !t.values().isEmpty())
        .sorted(byValue.thenComparingInt(FrozenTrial::number))
        .limit(limit)
        .toList();
  }

  /** How many trials the study has, in any state. */
  int trialCount(long studyId);

  @Override
  void close();
}
