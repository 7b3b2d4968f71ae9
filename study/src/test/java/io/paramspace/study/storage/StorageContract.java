package io.paramspace.study.storage;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Distribution.CategoricalDistribution;
import io.paramspace.runtime.Distribution.FloatDistribution;
import io.paramspace.runtime.Distribution.IntDistribution;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every Storage does; each implementation's test extends this. */
abstract class StorageContract {
  static final FloatDistribution X = new FloatDistribution(-1, 1, false, null);
  static final IntDistribution N = new IntDistribution(1, 9, false, 2);
  static final CategoricalDistribution OPT = new CategoricalDistribution(List.of("adam", "sgd"), List.of(1.0, 1.0));

  Storage storage;

  abstract Storage create() throws Exception;

  /** Another handle on the same database (another connection or pool); the same object in memory. */
  Storage another() throws Exception {
    return storage;
  }

  @BeforeEach
  void open() throws Exception {
    storage = create();
  }

  @AfterEach
  void close() {
    storage.close();
  }

  static FrozenTrial running() {
    return FrozenTrial.template(TrialState.RUNNING, null, null, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }

  static Map<String, Distribution> dists(Object... pairs) {
    Map<String, Distribution> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Distribution) pairs[i + 1]);
    }
    return m;
  }

  static Map<String, Double> values(Object... pairs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
    }
    return m;
  }

  @Test
  void studiesAreCreatedFoundAndUniqueByName() {
    StudyRecord a = storage.createStudy("a", List.of(Direction.MINIMIZE));
    StudyRecord b = storage.createStudy("b", List.of(Direction.MINIMIZE, Direction.MAXIMIZE));
    assertThat(storage.findStudy("b")).hasValue(b);
    assertThat(storage.findStudy("c")).isEmpty();
    assertThat(storage.studies()).containsExactly(a, b).inOrder();
    StorageException e = assertThrows(StorageException.class, () -> storage.createStudy("a", List.of(Direction.MAXIMIZE)));
    assertThat(e).hasMessageThat().contains("'a' already exists");
  }

  @Test
  void trialsAreNumberedPerStudy() {
    long a = storage.createStudy("a", List.of(Direction.MINIMIZE)).id();
    long b = storage.createStudy("b", List.of(Direction.MINIMIZE)).id();
    assertThat(storage.createTrial(a, running()).number()).isEqualTo(0);
    assertThat(storage.createTrial(a, running()).number()).isEqualTo(1);
    assertThat(storage.createTrial(b, running()).number()).isEqualTo(0);
    assertThat(storage.trialCount(a)).isEqualTo(2);
    assertThat(storage.trials(a).get(1).state()).isEqualTo(TrialState.RUNNING);
    assertThat(storage.trials(a).get(1).start()).isNotNull();
  }

  @Test
  void aTrialKeepsParamsValuesIntermediatesAndAttributes() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    FrozenTrial t = storage.createTrial(study, running());
    storage.setParams(t.id(), values("x", 0.25, "n", 7, "opt", 1), dists("x", X, "n", N, "opt", OPT));
    storage.setIntermediateValue(t.id(), 0, 1.5);
    storage.setIntermediateValue(t.id(), 1, Double.NaN);
    storage.setIntermediateValue(t.id(), 0, 0.5);
    storage.setIntermediateValue(t.id(), 2, Double.NEGATIVE_INFINITY);
    storage.setTrialUserAttribute(t.id(), "config", "{\"x\": 0.25}");
    storage.setTrialSystemAttribute(t.id(), "k", "1");
    FrozenTrial done = storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(Double.POSITIVE_INFINITY));

    FrozenTrial read = storage.trial(t.id());
    assertThat(read.state()).isEqualTo(TrialState.COMPLETE);
    assertThat(read.values()).containsExactly(Double.POSITIVE_INFINITY);
    assertThat(read.externalParams()).containsExactly("x", 0.25, "n", 7L, "opt", "sgd").inOrder();
    assertThat(read.distributions()).containsExactly("x", X, "n", N, "opt", OPT).inOrder();
    assertThat(read.intermediateValues()).containsExactly(0, 0.5, 1, Double.NaN, 2, Double.NEGATIVE_INFINITY).inOrder();
    assertThat(read.userAttributes()).containsExactly("config", "{\"x\": 0.25}");
    assertThat(read.systemAttributes()).containsExactly("k", "1");
    assertThat(read.end()).isEqualTo(done.end());
    assertThat(read.start()).isEqualTo(t.start());
  }

  @Test
  void aParameterIsSetOnce() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    FrozenTrial t = storage.createTrial(study, running());
    storage.setParams(t.id(), values("x", 0.25), dists("x", X));
    storage.setParams(t.id(), values("x", 0.25), dists("x", X));
    StorageException e = assertThrows(StorageException.class,
        () -> storage.setParams(t.id(), values("x", 0.5), dists("x", X)));
    assertThat(e).hasMessageThat().contains("already has parameter 'x' = 0.25");
    assertThat(storage.trial(t.id()).params()).containsExactly("x", 0.25);
  }

  @Test
  void parametersThatConflictWriteNothingNorDoParametersOfAFinishedTrial() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    FrozenTrial t = storage.createTrial(study, running());
    storage.setParams(t.id(), values("x", 0.25), dists("x", X));
    assertThrows(StorageException.class, () -> storage.setParams(t.id(), values("n", 7, "x", 0.5),
        dists("n", N, "x", X), Map.of("config", "{}")));
    FrozenTrial read = storage.trial(t.id());
    assertThat(read.params()).containsExactly("x", 0.25);
    assertThat(read.userAttributes()).isEmpty();

    storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(1.0));
    StorageException e = assertThrows(StorageException.class,
        () -> storage.setParams(t.id(), values("n", 7), dists("n", N)));
    assertThat(e).hasMessageThat().contains("it is COMPLETE, not RUNNING");
    assertThat(storage.trial(t.id()).params()).containsExactly("x", 0.25);
  }

  @Test
  void aFinishedTrialIsToldOnce() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    FrozenTrial t = storage.createTrial(study, running());
    storage.finishTrial(t.id(), TrialState.FAIL, List.of());
    StorageException e = assertThrows(StorageException.class,
        () -> storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(1.0)));
    assertThat(e).hasMessageThat().contains("it is FAIL, not RUNNING");
    assertThrows(StorageException.class, () -> storage.setIntermediateValue(t.id(), 0, 1.0));
  }

  @Test
  void waitingTrialsAreClaimedOldestFirstAndOnce() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    FrozenTrial template = FrozenTrial.template(TrialState.WAITING, null, null, List.of(), Map.of(), Map.of(), Map.of(),
        Map.of(), Map.of("fixed_params", "{\"x\": 0.5}"));
    FrozenTrial w0 = storage.createTrial(study, template);
    FrozenTrial w1 = storage.createTrial(study, template);
    assertThat(w0.start()).isNull();
    assertThat(storage.claimWaitingTrial(study).orElseThrow().id()).isEqualTo(w0.id());
    FrozenTrial claimed = storage.claimWaitingTrial(study).orElseThrow();
    assertThat(claimed.id()).isEqualTo(w1.id());
    assertThat(claimed.state()).isEqualTo(TrialState.RUNNING);
    assertThat(claimed.start()).isNotNull();
    assertThat(claimed.systemAttributes()).containsEntry("fixed_params", "{\"x\": 0.5}");
    assertThat(storage.claimWaitingTrial(study)).isEmpty();
  }

  @Test
  void finishedTrialsGrowAsTrialsFinishInAnyOrder() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    FrozenTrial a = storage.createTrial(study, running());
    FrozenTrial b = storage.createTrial(study, running());
    assertThat(storage.finishedTrials(study)).isEmpty();
    storage.finishTrial(b.id(), TrialState.COMPLETE, List.of(2.0));
    List<FrozenTrial> before = storage.finishedTrials(study);
    storage.finishTrial(a.id(), TrialState.PRUNED, List.of());
    assertThat(before.stream().map(FrozenTrial::number).toList()).containsExactly(1);
    assertThat(storage.finishedTrials(study).stream().map(FrozenTrial::number).toList()).containsExactly(1, 0).inOrder();
    storage.setTrialSystemAttribute(a.id(), "excluded", "true");
    assertThat(storage.finishedTrials(study).get(1).systemAttributes()).containsEntry("excluded", "true");
  }

  @Test
  void aFinishedTemplateIsStoredWhole() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE, Direction.MAXIMIZE)).id();
    FrozenTrial imported = storage.createTrial(study, FrozenTrial.template(TrialState.COMPLETE, null, null,
        List.of(1.0, Double.NEGATIVE_INFINITY), values("x", 0.25), dists("x", X), Map.of(3, 0.5),
        Map.of("note", "\"imported\""), Map.of()));
    assertThat(storage.finishedTrials(study)).hasSize(1);
    FrozenTrial read = storage.trial(imported.id());
    assertThat(read.values()).containsExactly(1.0, Double.NEGATIVE_INFINITY).inOrder();
    assertThat(read.intermediateValues()).containsExactly(3, 0.5);
    assertThat(read.userAttributes()).containsExactly("note", "\"imported\"");
  }

  @Test
  void studyAttributesAreUpserted() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    storage.setStudyUserAttribute(study, "owner", "\"a\"");
    storage.setStudyUserAttribute(study, "owner", "\"b\"");
    storage.setStudySystemAttribute(study, "seed", "42");
    assertThat(storage.studyUserAttributes(study)).containsExactly("owner", "\"b\"");
    assertThat(storage.studySystemAttributes(study)).containsExactly("seed", "42");
  }

  @Test
  void deletingAStudyDeletesItsTrials() {
    long a = storage.createStudy("a", List.of(Direction.MINIMIZE)).id();
    long b = storage.createStudy("b", List.of(Direction.MINIMIZE)).id();
    FrozenTrial t = storage.createTrial(a, running());
    storage.setParams(t.id(), values("x", 0.1), dists("x", X));
    storage.createTrial(b, running());
    storage.deleteStudy(a);
    assertThat(storage.findStudy("a")).isEmpty();
    assertThat(storage.trials(b)).hasSize(1);
    assertThrows(StorageException.class, () -> storage.trial(t.id()));
  }

  // ---- workers sharing a study ----

  static FrozenTrial waiting(String fixedParams) {
    return FrozenTrial.template(TrialState.WAITING, null, null, List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of("fixed_params", fixedParams));
  }

  @Test
  void startTrialStopsAtTheStudysTotal() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    for (int i = 0; i < 3; i++) {
      FrozenTrial t = storage.startTrial(study, 3, Map.of("worker", "\"w\""), false).orElseThrow();
      assertThat(t.number()).isEqualTo(i);
      assertThat(t.state()).isEqualTo(TrialState.RUNNING);
      assertThat(t.systemAttributes()).containsEntry("worker", "\"w\"");
    }
    assertThat(storage.startTrial(study, 3, Map.of(), false)).isEmpty();
    FrozenTrial first = storage.trials(study).get(0);
    storage.finishTrial(first.id(), TrialState.FAIL, List.of());
    assertThat(storage.countedTrials(study)).isEqualTo(3);
    assertThat(storage.startTrial(study, 3, Map.of(), false)).isEmpty();
    assertThat(storage.startTrial(study, 4, Map.of(), false)).isPresent();
    assertThat(storage.startTrial(study, 0, Map.of(), false).orElseThrow().number()).isEqualTo(4);
  }

  @Test
  void startTrialTakesWaitingTrialsFirstAndTheyCountOnceTaken() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    FrozenTrial w0 = storage.createTrial(study, waiting("{\"x\": 0.5}"));
    storage.createTrial(study, waiting("{\"x\": 0.25}"));
    assertThat(storage.countedTrials(study)).isEqualTo(0);
    FrozenTrial t = storage.startTrial(study, 1, Map.of("worker", "1"), false).orElseThrow();
    assertThat(t.id()).isEqualTo(w0.id());
    assertThat(t.state()).isEqualTo(TrialState.RUNNING);
    assertThat(t.start()).isNotNull();
    assertThat(t.systemAttributes()).containsExactly("fixed_params", "{\"x\": 0.5}", "worker", "1");
    // The total is reached: the second waiting trial stays waiting.
    assertThat(storage.startTrial(study, 1, Map.of(), false)).isEmpty();
    assertThat(storage.trials(study, TrialState.WAITING)).hasSize(1);
  }

  @Test
  void heartbeatsAreRecordedForRunningTrialsOnly() throws Exception {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    FrozenTrial a = storage.startTrial(study, 0, Map.of(), true).orElseThrow();
    FrozenTrial b = storage.startTrial(study, 0, Map.of(), true).orElseThrow();
    FrozenTrial quiet = storage.startTrial(study, 0, Map.of(), false).orElseThrow();
    storage.finishTrial(b.id(), TrialState.COMPLETE, List.of(1.0));
    Map<Long, Duration> ages = storage.heartbeatAges(study);
    assertThat(ages.keySet()).containsExactly(a.id());
    assertThat(ages.get(a.id())).isLessThan(Duration.ofSeconds(30));
    assertThat(storage.recordHeartbeats(List.of(a.id(), b.id(), quiet.id()))).containsExactly(b.id());
    assertThat(storage.heartbeatAges(study).keySet()).containsExactly(a.id(), quiet.id()).inOrder();
  }

  @Test
  void aStaleTrialIsFailedOnceAndRetriedAsANewTrialThatCountsInstead() throws Exception {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    FrozenTrial t = storage.startTrial(study, 2, Map.of(), true).orElseThrow();
    storage.setParams(t.id(), values("x", 0.25), dists("x", X));
    Thread.sleep(60);
    Map<String, String> reason = Map.of("fail_reason", "\"stale\"");
    assertThat(storage.failStaleTrial(study, t.id(), Duration.ofHours(1), reason, waiting("{\"x\": 0.25}")))
        .isEmpty();
    assertThat(storage.trial(t.id()).state()).isEqualTo(TrialState.RUNNING);

    FrozenTrial failed = storage.failStaleTrial(study, t.id(), Duration.ofMillis(10), reason,
        waiting("{\"x\": 0.25}")).orElseThrow();
    assertThat(failed.state()).isEqualTo(TrialState.FAIL);
    assertThat(failed.end()).isNotNull();
    assertThat(failed.systemAttributes()).containsEntry("fail_reason", "\"stale\"");
    assertThat(failed.systemAttributes()).containsEntry(Storage.RETRIED_AS_ATTRIBUTE, "1");
    assertThat(storage.failStaleTrial(study, t.id(), Duration.ofMillis(10), reason, waiting("{}"))).isEmpty();
    assertThat(storage.trials(study)).hasSize(2);
    assertThat(storage.countedTrials(study)).isEqualTo(0);
    // A late tell of the failed trial is refused and changes nothing.
    assertThrows(StorageException.class, () -> storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(1.0)));
    assertThat(storage.trial(t.id()).values()).isEmpty();

    FrozenTrial retry = storage.startTrial(study, 2, Map.of(), true).orElseThrow();
    assertThat(retry.number()).isEqualTo(1);
    assertThat(retry.systemAttributes()).containsEntry("fixed_params", "{\"x\": 0.25}");
    assertThat(storage.countedTrials(study)).isEqualTo(1);
    assertThat(storage.finishedTrials(study).stream().map(FrozenTrial::id).toList()).containsExactly(t.id());
  }

  @Test
  void aFinishWritesItsAttributesWithTheStateOrNothing() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    FrozenTrial t = storage.createTrial(study, running());
    FrozenTrial done = storage.finishTrial(t.id(), TrialState.FAIL, List.of(), Map.of("fail_reason", "\"boom\""));
    assertThat(done.systemAttributes()).containsExactly("fail_reason", "\"boom\"");
    assertThrows(StorageException.class,
        () -> storage.finishTrial(t.id(), TrialState.FAIL, List.of(), Map.of("fail_reason", "\"again\"")));
    assertThat(storage.trial(t.id()).systemAttributes()).containsExactly("fail_reason", "\"boom\"");
  }

  @Test
  void aStudyAttributeIsSetOnceIfAbsent() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    assertThat(storage.setStudySystemAttributeIfAbsent(study, "seed", "1")).isEqualTo("1");
    assertThat(storage.setStudySystemAttributeIfAbsent(study, "seed", "2")).isEqualTo("1");
    assertThat(storage.studySystemAttributes(study)).containsExactly("seed", "1");
  }

  /** Threads on several connections start trials of one study to a total: exactly that many, numbered once each. */
  @Test
  void workersOnSeveralConnectionsStartExactlyTheTotal() throws Exception {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    for (int i = 0; i < 10; i++) {
      storage.createTrial(study, waiting("{\"i\": " + i + "}"));
    }
    List<Storage> handles = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      handles.add(i == 0 ? storage : another());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<FrozenTrial> started = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        Storage handle = handles.get(w % handles.size());
        futures.add(pool.submit(() -> {
          Optional<FrozenTrial> t;
          while ((t = handle.startTrial(study, 60, Map.of(), true)).isPresent()) {
            started.add(t.get());
            handle.finishTrial(t.get().id(), TrialState.COMPLETE, List.of(1.0 * t.get().number()));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
      for (Storage handle : handles) {
        if (handle != storage) {
          handle.close();
        }
      }
    }
    assertThat(started).hasSize(60);
    assertThat(Set.copyOf(started.stream().map(FrozenTrial::number).toList()))
        .containsExactlyElementsIn(java.util.stream.IntStream.range(0, 60).boxed().toList());
    List<FrozenTrial> trials = storage.trials(study);
    assertThat(trials).hasSize(60);
    assertThat(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE)).isTrue();
    // Each enqueued config was taken by exactly one worker.
    assertThat(trials.subList(0, 10).stream().map(t -> t.systemAttributes().get("fixed_params")).distinct().count())
        .isEqualTo(10);
    assertThat(storage.countedTrials(study)).isEqualTo(60);
  }

  static FrozenTrial holding(long ticket) {
    return FrozenTrial.template(TrialState.RUNNING, null, null, List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of("ticket", Long.toString(ticket)));
  }

  @Test
  void ticketsAreDrawnInOrderOnceUpToTheLimit() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    for (long k = 0; k < 3; k++) {
      FrozenTrial t = storage.createTrialWithTicket(study, "next", 3, StorageContract::holding).orElseThrow();
      assertThat(t.number()).isEqualTo((int) k);
      assertThat(storage.trial(t.id()).systemAttributes()).containsEntry("ticket", Long.toString(k));
      assertThat(storage.trial(t.id()).state()).isEqualTo(TrialState.RUNNING);
    }
    assertThat(storage.createTrialWithTicket(study, "next", 3, StorageContract::holding)).isEmpty();
    assertThat(storage.trialCount(study)).isEqualTo(3);
    assertThat(storage.studySystemAttributes(study)).containsEntry("next", "3");
    // Another counter counts on its own; a higher limit goes on from where the counter is.
    assertThat(storage.createTrialWithTicket(study, "other", 1, StorageContract::holding)).isPresent();
    assertThat(storage.createTrialWithTicket(study, "next", 4, StorageContract::holding).orElseThrow()
        .systemAttributes()).containsEntry("ticket", "3");
  }

  @Test
  void threadsNeverDrawTheSameTicket() throws Exception {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    java.util.Set<String> drawn = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicInteger empty = new java.util.concurrent.atomic.AtomicInteger();
    List<Thread> threads = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      threads.add(new Thread(() -> {
        for (int k = 0; k < 30; k++) {
          storage.createTrialWithTicket(study, "next", 100, StorageContract::holding).ifPresentOrElse(
              t -> assertThat(drawn.add(t.systemAttributes().get("ticket"))).isTrue(), empty::incrementAndGet);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(drawn).hasSize(100);
    assertThat(empty.get()).isEqualTo(20);
  }

  @Test
  void aCounterThatIsNotAnIntegerIsAClearError() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    storage.setStudySystemAttribute(study, "next", "\"seven\"");
    StorageException e = assertThrows(StorageException.class,
        () -> storage.createTrialWithTicket(study, "next", 10, StorageContract::holding));
    assertThat(e).hasMessageThat().contains("the study system attribute 'next' of study");
    assertThat(e).hasMessageThat().contains("holds \"seven\", not the next ticket");
    assertThat(storage.trialCount(study)).isEqualTo(0);
  }

  @Test
  void bestTrialsComeBestFirstTiesByNumberInfinitiesByTheirSign() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    double[] values = {3.0, Double.POSITIVE_INFINITY, 1.0, Double.NEGATIVE_INFINITY, 1.0, 2.0};
    for (double v : values) {
      FrozenTrial t = storage.createTrial(study, running());
      storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(v));
    }
    FrozenTrial failed = storage.createTrial(study, running());
    storage.finishTrial(failed.id(), TrialState.FAIL, List.of());
    FrozenTrial pruned = storage.createTrial(study, running());
    storage.finishTrial(pruned.id(), TrialState.PRUNED, List.of(-100.0));
    storage.createTrial(study, running());
    assertThat(storage.bestTrials(study, Direction.MINIMIZE, 4).stream().map(FrozenTrial::number).toList())
        .containsExactly(3, 2, 4, 5).inOrder();
    assertThat(storage.bestTrials(study, Direction.MAXIMIZE, 3).stream().map(FrozenTrial::number).toList())
        .containsExactly(1, 0, 5).inOrder();
    FrozenTrial best = storage.bestTrials(study, Direction.MINIMIZE, 1).get(0);
    assertThat(best.values()).containsExactly(Double.NEGATIVE_INFINITY);
    assertThat(storage.bestTrials(study, Direction.MINIMIZE, 100)).hasSize(6);
  }

  // ---- tickets within a study's total ----

  static Storage.TicketRequest ticket(String counter, long limit) {
    return new Storage.TicketRequest(counter, limit, n -> Map.of("ticket", Long.toString(n)));
  }

  @Test
  void aTicketedStartChecksTheTotalFirstThenTakesWaitingTrialsWithoutATicket() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    FrozenTrial w = storage.createTrial(study, waiting("{\"x\": 0.5}"));
    FrozenTrial taken = storage.startTrial(study, 3, Map.of("worker", "1"), false, ticket("next", 10)).orElseThrow();
    assertThat(taken.id()).isEqualTo(w.id());
    assertThat(taken.systemAttributes()).doesNotContainKey("ticket");
    assertThat(storage.studySystemAttributes(study)).doesNotContainKey("next");
    for (long k = 0; k < 2; k++) {
      FrozenTrial t = storage.startTrial(study, 3, Map.of("worker", "1"), true, ticket("next", 10)).orElseThrow();
      assertThat(t.state()).isEqualTo(TrialState.RUNNING);
      assertThat(t.systemAttributes()).containsEntry("ticket", Long.toString(k));
      assertThat(t.systemAttributes()).containsEntry("worker", "1");
      assertThat(storage.trial(t.id()).systemAttributes()).containsEntry("ticket", Long.toString(k));
      assertThat(storage.heartbeatAges(study)).containsKey(t.id());
    }
    // At the total no ticket is drawn.
    assertThat(storage.startTrial(study, 3, Map.of(), false, ticket("next", 10))).isEmpty();
    assertThat(storage.studySystemAttributes(study)).containsEntry("next", "2");
    assertThat(storage.trialCount(study)).isEqualTo(3);
  }

  @Test
  void aTicketedStartWithEveryTicketDrawnWritesNothing() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    storage.startTrial(study, 0, Map.of(), false, ticket("next", 1)).orElseThrow();
    TicketsExhaustedException e = assertThrows(TicketsExhaustedException.class,
        () -> storage.startTrial(study, 0, Map.of(), true, ticket("next", 1)));
    assertThat(e.counter()).isEqualTo("next");
    assertThat(storage.trialCount(study)).isEqualTo(1);
    assertThat(storage.studySystemAttributes(study)).containsEntry("next", "1");
    // A waiting trial (a stale trial's retry) is still taken.
    storage.createTrial(study, waiting("{}"));
    assertThat(storage.startTrial(study, 0, Map.of(), false, ticket("next", 1))).isPresent();
  }

  /** Workers on several connections draw tickets up to a study's total: exactly the total, each ticket once. */
  @Test
  void workersOnSeveralConnectionsDrawEachTicketOnceWithinTheTotal() throws Exception {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    List<Storage> handles = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      handles.add(i == 0 ? storage : another());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<FrozenTrial> started = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        Storage handle = handles.get(w % handles.size());
        futures.add(pool.submit(() -> {
          Optional<FrozenTrial> t;
          while ((t = handle.startTrial(study, 40, Map.of(), false, ticket("next", 1000))).isPresent()) {
            started.add(t.get());
            handle.finishTrial(t.get().id(), TrialState.COMPLETE, List.of(1.0));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
      for (Storage handle : handles) {
        if (handle != storage) {
          handle.close();
        }
      }
    }
    assertThat(started).hasSize(40);
    assertThat(Set.copyOf(started.stream().map(t -> t.systemAttributes().get("ticket")).toList()))
        .containsExactlyElementsIn(java.util.stream.IntStream.range(0, 40).mapToObj(Integer::toString).toList());
    assertThat(storage.studySystemAttributes(study)).containsEntry("next", "40");
    assertThat(storage.countedTrials(study)).isEqualTo(40);
  }
}
