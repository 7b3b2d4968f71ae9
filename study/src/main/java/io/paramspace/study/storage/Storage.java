package io.paramspace.study.storage;

import io.paramspace.runtime.Distribution;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.TrialState;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 *
 * <p>Workers that share a study (threads, processes, machines) go through the methods of the last
 * section: {@link #startTrial} starts a trial within the study's total in one transaction, {@link
 * #recordHeartbeats} keeps a running trial alive, and {@link #failStaleTrial} fails (and retries)
 * one whose worker stopped beating. The SQL storages do each of them atomically; their defaults
 * here are plain sequences of the other methods, for storages with one user at a time.
 */
public interface Storage extends AutoCloseable {

  /**
   * The system attribute of a failed trial that was retried as another (the retry's number): it
   * no longer counts toward the study's total, the retry does.
   */
  String RETRIED_AS_ATTRIBUTE = "paramspace:retried_as";

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
   * <p>A SQL storage runs both writes in one transaction that takes the lock of the study's trial
   * creators before it reads the counter: SQLite's {@code BEGIN IMMEDIATE} (the database's write
   * lock); on PostgreSQL the study's row ({@code SELECT ... FOR NO KEY UPDATE}, the lock every
   * creator of the study's trials takes, so numbers, totals and tickets are handed out under one
   * lock), then the counter's row {@code FOR UPDATE}; the transaction is run again, whole, after a
   * serialization failure, deadlock or lost connection. Values are bound, never put in the SQL.
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
    for (Map.Entry<String, String> e : userAttributes.entrySet()) {
      setTrialUserAttribute(trialId, e.getKey(), e.getValue());
    }
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

  // ---- workers sharing a study ----

  /**
   * Sets a study system attribute unless it is set, atomically; returns the value stored now
   * (the one given, or the one another worker stored first).
   */
  default String setStudySystemAttributeIfAbsent(long studyId, String key, String json) {
    String old = studySystemAttributes(studyId).get(key);
    if (old != null) {
      return old;
    }
    setStudySystemAttribute(studyId, key, json);
    return json;
  }

  /**
   * How many trials count toward the study's total (the {@code nTrials} that workers run to):
   * the running, complete, pruned and failed ones; not the waiting ones, and not a failed trial
   * that was retried as another ({@value #RETRIED_AS_ATTRIBUTE}), since its retry counts.
   */
  default int countedTrials(long studyId) {
    int n = 0;
    for (FrozenTrial t : trials(studyId)) {
      if (t.state() != TrialState.WAITING && !t.systemAttributes().containsKey(RETRIED_AS_ATTRIBUTE)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Starts a trial for a worker, in one transaction: unless the study already counts {@code
   * maxTrials} trials ({@link #countedTrials}; 0 for no limit), takes the oldest {@code WAITING}
   * trial (one no other worker takes) or else creates a {@code RUNNING} trial with the study's
   * next number, stores {@code systemAttributes} on it and, with {@code heartbeat}, its first
   * heartbeat. So any number of workers running to one total start exactly that many trials.
   *
   * @return the running trial, or empty if the study has its total
   */
  default Optional<FrozenTrial> startTrial(long studyId, int maxTrials, Map<String, String> systemAttributes,
      boolean heartbeat) {
    if (maxTrials > 0 && countedTrials(studyId) >= maxTrials) {
      return Optional.empty();
    }
    Optional<FrozenTrial> waiting = claimWaitingTrial(studyId);
    FrozenTrial trial;
    if (waiting.isPresent()) {
      trial = waiting.get();
      for (Map.Entry<String, String> e : systemAttributes.entrySet()) {
        setTrialSystemAttribute(trial.id(), e.getKey(), e.getValue());
      }
      trial = trial(trial.id());
    } else {
      trial = createTrial(studyId, FrozenTrial.template(TrialState.RUNNING, null, null, List.of(), Map.of(), Map.of(),
          Map.of(), Map.of(), systemAttributes));
    }
    if (heartbeat) {
      recordHeartbeats(List.of(trial.id()));
    }
    return Optional.of(trial);
  }

  /**
   * A ticket that {@link #startTrial(long, int, Map, boolean, TicketRequest)} draws for a trial it
   * creates, as {@link #createTrialWithTicket} draws one: the study system attribute {@code
   * counter} holds the next ticket, tickets are {@code 0 .. limit - 1}, and the new trial gets
   * {@code systemAttributes.apply(ticket)} besides the system attributes of the start.
   */
  record TicketRequest(String counter, long limit, LongFunction<Map<String, String>> systemAttributes) {}

  /**
   * {@link #startTrial(long, int, Map, boolean)}, where a trial it creates (not a waiting one it
   * takes) must hold the next ticket of {@code ticket} (none if null), in the same transaction:
   * the study's total first (empty at the total), then the oldest waiting trial (taken without a
   * ticket), then a new trial holding the ticket, the counter advanced. So workers running a
   * ticketed sampler (a grid) to a total start exactly that many trials, and never draw a ticket
   * twice or without a trial holding it.
   *
   * @return the running trial, or empty if the study has its total
   * @throws TicketsExhaustedException if the study is below its total, no trial waits, and every
   *     ticket is drawn; nothing is written
   * @throws StorageException if the counter holds something other than an integer
   */
  default Optional<FrozenTrial> startTrial(long studyId, int maxTrials, Map<String, String> systemAttributes,
      boolean heartbeat, TicketRequest ticket) {
    if (ticket == null) {
      return startTrial(studyId, maxTrials, systemAttributes, heartbeat);
    }
    if (maxTrials > 0 && countedTrials(studyId) >= maxTrials) {
      return Optional.empty();
    }
    Optional<FrozenTrial> waiting = claimWaitingTrial(studyId);
    FrozenTrial trial;
    if (waiting.isPresent()) {
      trial = waiting.get();
      for (Map.Entry<String, String> e : systemAttributes.entrySet()) {
        setTrialSystemAttribute(trial.id(), e.getKey(), e.getValue());
      }
      trial = trial(trial.id());
    } else {
      trial = createTrialWithTicket(studyId, ticket.counter(), ticket.limit(), n -> {
        Map<String, String> attributes = new LinkedHashMap<>(systemAttributes);
        attributes.putAll(ticket.systemAttributes().apply(n));
        return FrozenTrial.template(TrialState.RUNNING, null, null, List.of(), Map.of(), Map.of(), Map.of(),
            Map.of(), attributes);
      }).orElseThrow(() -> new TicketsExhaustedException(ticket.counter(), ticket.limit()));
    }
    if (heartbeat) {
      recordHeartbeats(List.of(trial.id()));
    }
    return Optional.of(trial);
  }

  /**
   * Finishes a running trial as {@link #finishTrial(long, TrialState, List)} does, storing
   * {@code systemAttributes} (a failure's reason) in the same transaction.
   */
  default FrozenTrial finishTrial(long trialId, TrialState state, List<Double> values,
      Map<String, String> systemAttributes) {
    for (Map.Entry<String, String> e : systemAttributes.entrySet()) {
      setTrialSystemAttribute(trialId, e.getKey(), e.getValue());
    }
    return finishTrial(trialId, state, values);
  }

  /**
   * Records now (the database server's clock, where there is one) as the heartbeat of each of
   * {@code trialIds} that is running, in Optuna's {@code trial_heartbeats} table.
   *
   * @return the ids among {@code trialIds} that are not running any more: finished by another
   *     worker (failed because their heartbeat had gone stale) or gone
   */
  default Set<Long> recordHeartbeats(Collection<Long> trialIds) {
    Set<Long> notRunning = new HashSet<>();
    for (long id : trialIds) {
      if (trial(id).state() != TrialState.RUNNING) {
        notRunning.add(id);
      }
    }
    return notRunning;
  }

  /**
   * The running trials of the study that have a heartbeat, each with the time since its last one
   * (by the database's clock, so that workers whose clocks disagree agree on it), by id.
   */
  default Map<Long, Duration> heartbeatAges(long studyId) {
    return Map.of();
  }

  /**
   * Fails trial {@code trialId} of study {@code studyId} if it is still running and its last heartbeat is older than {@code
   * grace}, storing {@code systemAttributes} (the reason) on it; with a {@code retry} template (a
   * {@code WAITING} trial), creates that trial too, with the study's next number, and marks the
   * failed one {@value #RETRIED_AS_ATTRIBUTE}. One transaction: of several workers that find the
   * same stale trial, one fails and retries it, and the others see it finished.
   *
   * @return the failed trial, or empty if it was not stale any more (finished, or beating again)
   */
  default Optional<FrozenTrial> failStaleTrial(long studyId, long trialId, Duration grace,
      Map<String, String> systemAttributes, FrozenTrial retry) {
    FrozenTrial t = trial(trialId);
    Duration age = heartbeatAges(studyId).get(trialId);
    if (t.state() != TrialState.RUNNING || age == null || age.compareTo(grace) <= 0) {
      return Optional.empty();
    }
    Map<String, String> attributes = new LinkedHashMap<>(systemAttributes);
    if (retry != null) {
      FrozenTrial created = createTrial(studyId, retry);
      attributes.put(RETRIED_AS_ATTRIBUTE, Integer.toString(created.number()));
    }
    return Optional.of(finishTrial(trialId, TrialState.FAIL, List.of(), attributes));
  }

  @Override
  void close();
}
