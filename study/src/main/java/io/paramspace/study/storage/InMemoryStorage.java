package io.paramspace.study.storage;

import io.paramspace.runtime.Distribution;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;

/** A storage in this JVM's memory ({@code memory:}): fast, shared by threads, gone at exit. */
public final class InMemoryStorage implements Storage {
  private final Map<Long, StudyData> studies = new LinkedHashMap<>();
  private final Map<Long, Slot> trials = new LinkedHashMap<>();
  /** Trial id to the {@link System#nanoTime} of its last heartbeat. */
  private final Map<Long, Long> heartbeats = new HashMap<>();
  private long nextStudyId = 1;
  private long nextTrialId = 1;

  private static final class StudyData {
    final StudyRecord record;
    final Map<String, String> userAttributes = new LinkedHashMap<>();
    final Map<String, String> systemAttributes = new LinkedHashMap<>();
    final List<Slot> trials = new ArrayList<>();
    final AppendOnlyList<FrozenTrial> finished = new AppendOnlyList<>();

    StudyData(StudyRecord record) {
      this.record = record;
    }
  }

  /** A trial's current snapshot, replaced on every change. */
  private static final class Slot {
    final StudyData study;
    FrozenTrial trial;
    int finishedIndex = -1;

    Slot(StudyData study, FrozenTrial trial) {
      this.study = study;
      this.trial = trial;
    }
  }

  @Override
  public String url() {
    return "memory:";
  }

  @Override
  public synchronized StudyRecord createStudy(String name, List<Direction> directions) {
    if (findStudy(name).isPresent()) {
      throw new StorageException("a study named '" + name + "' already exists in " + url());
    }
    StudyRecord record = new StudyRecord(nextStudyId++, name, directions);
    studies.put(record.id(), new StudyData(record));
    return record;
  }

  @Override
  public synchronized Optional<StudyRecord> findStudy(String name) {
    return studies.values().stream().map(s -> s.record).filter(r -> r.name().equals(name)).findFirst();
  }

  @Override
  public synchronized List<StudyRecord> studies() {
    return studies.values().stream().map(s -> s.record).toList();
  }

  @Override
  public synchronized void deleteStudy(long studyId) {
    StudyData study = study(studyId);
    study.trials.forEach(slot -> trials.remove(slot.trial.id()));
    studies.remove(studyId);
  }

  @Override
  public synchronized Map<String, String> studyUserAttributes(long studyId) {
    return Map.copyOf(study(studyId).userAttributes);
  }

  @Override
  public synchronized Map<String, String> studySystemAttributes(long studyId) {
    return Map.copyOf(study(studyId).systemAttributes);
  }

  @Override
  public synchronized void setStudyUserAttribute(long studyId, String key, String json) {
    study(studyId).userAttributes.put(key, json);
  }

  @Override
  public synchronized void setStudySystemAttribute(long studyId, String key, String json) {
    study(studyId).systemAttributes.put(key, json);
  }

  @Override
  public synchronized FrozenTrial createTrial(long studyId, FrozenTrial template) {
    StudyData study = study(studyId);
    FrozenTrial trial = template.renumbered(nextTrialId++, study.trials.size());
    if (trial.start() == null && trial.state() != TrialState.WAITING) {
      trial = new FrozenTrial(trial.id(), trial.number(), trial.state(), trial.values(), Instant.now(),
          trial.end(), trial.params(), trial.distributions(), trial.intermediateValues(),
          trial.userAttributes(), trial.systemAttributes());
    }
    Slot slot = new Slot(study, trial);
    study.trials.add(slot);
    trials.put(trial.id(), slot);
    if (trial.state().isFinished()) {
      slot.finishedIndex = study.finished.add(trial);
    }
    return trial;
  }

  @Override
  public synchronized Optional<FrozenTrial> createTrialWithTicket(long studyId, String counter, long limit,
      LongFunction<FrozenTrial> template) {
    StudyData study = study(studyId);
    long ticket = Tickets.read(study.systemAttributes.get(counter), counter,
        "study '" + study.record.name() + "'");
    if (ticket >= limit) {
      return Optional.empty();
    }
    FrozenTrial trial = createTrial(studyId, template.apply(ticket));
    study.systemAttributes.put(counter, Long.toString(ticket + 1));
    return Optional.of(trial);
  }

  @Override
  public synchronized Optional<FrozenTrial> claimWaitingTrial(long studyId) {
    for (Slot slot : study(studyId).trials) {
      FrozenTrial t = slot.trial;
      if (t.state() == TrialState.WAITING) {
        slot.trial = new FrozenTrial(t.id(), t.number(), TrialState.RUNNING, t.values(), Instant.now(), null,
            t.params(), t.distributions(), t.intermediateValues(), t.userAttributes(), t.systemAttributes());
        return Optional.of(slot.trial);
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized Optional<FrozenTrial> startTrial(long studyId, int maxTrials,
      Map<String, String> systemAttributes, boolean heartbeat) {
    return Storage.super.startTrial(studyId, maxTrials, systemAttributes, heartbeat); // atomic: synchronized
  }

  @Override
  public synchronized Optional<FrozenTrial> startTrial(long studyId, int maxTrials,
      Map<String, String> systemAttributes, boolean heartbeat, TicketRequest ticket) {
    return Storage.super.startTrial(studyId, maxTrials, systemAttributes, heartbeat, ticket); // atomic: synchronized
  }

  @Override
  public synchronized int countedTrials(long studyId) {
    return Storage.super.countedTrials(studyId);
  }

  @Override
  public synchronized String setStudySystemAttributeIfAbsent(long studyId, String key, String json) {
    return study(studyId).systemAttributes.computeIfAbsent(key, k -> json);
  }

  @Override
  public synchronized FrozenTrial finishTrial(long trialId, TrialState state, List<Double> values,
      Map<String, String> systemAttributes) {
    running(trialId, "finish");
    return Storage.super.finishTrial(trialId, state, values, systemAttributes);
  }

  @Override
  public synchronized Set<Long> recordHeartbeats(Collection<Long> trialIds) {
    Set<Long> notRunning = new HashSet<>();
    for (long id : trialIds) {
      Slot slot = trials.get(id);
      if (slot == null || slot.trial.state() != TrialState.RUNNING) {
        notRunning.add(id);
      } else {
        heartbeats.put(id, System.nanoTime());
      }
    }
    return notRunning;
  }

  @Override
  public synchronized Map<Long, Duration> heartbeatAges(long studyId) {
    Map<Long, Duration> ages = new LinkedHashMap<>();
    long now = System.nanoTime();
    for (Slot slot : study(studyId).trials) {
      Long beat = heartbeats.get(slot.trial.id());
      if (beat != null && slot.trial.state() == TrialState.RUNNING) {
        ages.put(slot.trial.id(), Duration.ofNanos(now - beat));
      }
    }
    return ages;
  }

  @Override
  public synchronized Optional<FrozenTrial> failStaleTrial(long studyId, long trialId, Duration grace,
      Map<String, String> systemAttributes, FrozenTrial retry) {
    return Storage.super.failStaleTrial(studyId, trialId, grace, systemAttributes, retry);
  }

  @Override
  public synchronized void setParams(long trialId, Map<String, Double> internalValues,
      Map<String, Distribution> newDistributions) {
    Slot slot = running(trialId, "set parameters of");
    FrozenTrial t = slot.trial;
    Map<String, Double> params = new LinkedHashMap<>(t.params());
    Map<String, Distribution> distributions = new LinkedHashMap<>(t.distributions());
    internalValues.forEach((name, value) -> {
      ParamCheck.setOnce(t, name, value);
      params.put(name, value);
      distributions.put(name, newDistributions.get(name));
    });
    slot.trial = new FrozenTrial(t.id(), t.number(), t.state(), t.values(), t.start(), t.end(), params,
        distributions, t.intermediateValues(), t.userAttributes(), t.systemAttributes());
  }

  @Override
  public synchronized void setParams(long trialId, Map<String, Double> internalValues,
      Map<String, Distribution> newDistributions, Map<String, String> userAttributes) {
    Storage.super.setParams(trialId, internalValues, newDistributions, userAttributes);
  }

  @Override
  public synchronized void setIntermediateValue(long trialId, int step, double value) {
    Slot slot = running(trialId, "report a value to");
    FrozenTrial t = slot.trial;
    TreeMap<Integer, Double> values = new TreeMap<>(t.intermediateValues());
    values.put(step, value);
    slot.trial = new FrozenTrial(t.id(), t.number(), t.state(), t.values(), t.start(), t.end(), t.params(),
        t.distributions(), values, t.userAttributes(), t.systemAttributes());
  }

  @Override
  public synchronized void setTrialUserAttribute(long trialId, String key, String json) {
    Slot slot = slot(trialId);
    slot.trial = slot.trial.withUserAttribute(key, json);
    refreshFinished(slot);
  }

  @Override
  public synchronized void setTrialSystemAttribute(long trialId, String key, String json) {
    Slot slot = slot(trialId);
    slot.trial = slot.trial.withSystemAttribute(key, json);
    refreshFinished(slot);
  }

  @Override
  public synchronized FrozenTrial finishTrial(long trialId, TrialState state, List<Double> values) {
    Slot slot = running(trialId, "finish");
    slot.trial = slot.trial.with(state, values, Instant.now());
    slot.finishedIndex = slot.study.finished.add(slot.trial);
    return slot.trial;
  }

  @Override
  public synchronized FrozenTrial trial(long trialId) {
    return slot(trialId).trial;
  }

  @Override
  public synchronized List<FrozenTrial> trials(long studyId) {
    return study(studyId).trials.stream().map(s -> s.trial).toList();
  }

  @Override
  public synchronized List<FrozenTrial> trials(long studyId, TrialState state) {
    return study(studyId).trials.stream().map(s -> s.trial).filter(t -> t.state() == state).toList();
  }

  @Override
  public synchronized List<FrozenTrial> finishedTrials(long studyId) {
    return study(studyId).finished.snapshot();
  }

  @Override
  public synchronized int trialCount(long studyId) {
    return study(studyId).trials.size();
  }

  @Override
  public void close() {}

  private void refreshFinished(Slot slot) {
    if (slot.finishedIndex >= 0) {
      slot.study.finished.replace(slot.finishedIndex, slot.trial);
    }
  }

  private StudyData study(long studyId) {
    StudyData study = studies.get(studyId);
    if (study == null) {
      throw new StorageException("no study with id " + studyId + " in " + url());
    }
    return study;
  }

  private Slot slot(long trialId) {
    Slot slot = trials.get(trialId);
    if (slot == null) {
      throw new StorageException("no trial with id " + trialId + " in " + url());
    }
    return slot;
  }

  private Slot running(long trialId, String what) {
    Slot slot = slot(trialId);
    if (slot.trial.state() != TrialState.RUNNING) {
      throw new StorageException("cannot " + what + " trial " + slot.trial.number() + " of study '"
          + slot.study.record.name() + "': it is " + slot.trial.state() + ", not RUNNING");
    }
    return slot;
  }
}
