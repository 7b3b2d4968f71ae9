package io.paramspace.study;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Rng;
import io.paramspace.study.sampler.RandomSampler;
import io.paramspace.study.storage.InMemoryStorage;
import io.paramspace.study.storage.PythonJson;
import io.paramspace.study.storage.Storage;
import io.paramspace.study.storage.StorageException;
import io.paramspace.study.storage.Storages;
import io.paramspace.study.storage.TicketsExhaustedException;
import io.paramspace.study.storage.StudyRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A study: a named search, stored in a {@link Storage}, whose trials are asked and told. Optuna's
 * {@code Study} for typed Java configs:
 *
 * <pre>{@code
 * try (Study study = Study.open("sqlite:studies/lenet.db", "lenet", Direction.MINIMIZE)) {
 *   study.optimize(TrainingConfigSpace.space(), (config, trial) -> train(config, trial), 100);
 *   TrainingConfig best = study.best(TrainingConfigSpace.space()).config();
 * }
 * }</pre>
 *
 * <p>Each trial stores its parameters under the space's hierarchical names (what Python Optuna
 * reads), its typed config as JSON in the user attribute {@value #CONFIG_ATTRIBUTE}, and the hash
 * of the space it was sampled from in the system attribute {@value #SPACE_HASH_ATTRIBUTE}. A study
 * may be reopened with a different space (a narrowed one, or a record changed in code): old
 * trials stay readable, and the samplers learn from those whose parameters fit the new space.
 *
 * <p>Thread-safe: {@link #optimize} runs trials on several threads; {@link #ask} and {@link
 * #tell} may be called from any thread. Any number of processes can share a study: on one machine
 * in a SQLite file, on many in PostgreSQL. {@code optimize(space, objective, n)} in each runs the
 * study to a total of {@code n} trials between them, exactly (each trial is started within the
 * total in one transaction). A running trial's process writes its heartbeat every {@link
 * Builder#heartbeat interval}; a trial whose heartbeat is older than the grace period (its process
 * was killed, or cut off) is failed by the next worker that looks, and retried as a new trial with
 * the same parameters ({@link Builder#retryStaleTrials}); a late tell for it is rejected ({@link
 * TrialRejectedException}).
 */
public final class Study implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Study.class);

  /** The user attribute holding a trial's typed config as JSON. */
  public static final String CONFIG_ATTRIBUTE = "paramspace:config";
  /** The system attribute holding the hash of the space a trial was sampled from. */
  public static final String SPACE_HASH_ATTRIBUTE = "paramspace:space_hash";
  /** The system attribute holding the failure reason (Optuna 2's key). */
  public static final String FAIL_REASON_ATTRIBUTE = "fail_reason";
  /** Optuna's system attribute of an enqueued trial's fixed parameters. */
  public static final String FIXED_PARAMS_ATTRIBUTE = "fixed_params";
  static final String SEED_ATTRIBUTE = "paramspace:seed";
  /** Optuna's (RetryFailedTrialCallback's) system attributes of a retried trial. */
  static final String FAILED_TRIAL_ATTRIBUTE = "failed_trial";
  static final String RETRY_HISTORY_ATTRIBUTE = "retry_history";
  /** The heartbeat interval of a study in a database, unless the builder says otherwise. */
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(10);
  /** How old a heartbeat may be before its trial is failed, unless the builder says otherwise. */
  public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(60);
  /** How many times a stale trial's config is retried, unless the builder says otherwise. */
  public static final int DEFAULT_STALE_RETRIES = 3;

  private final Storage storage;
  private final boolean ownsStorage;
  private final StudyRecord record;
  private final long seed;
  private final Sampler sampler;
  private final Pruner pruner;
  private final Map<String, SpaceHistory> histories = new ConcurrentHashMap<>();
  private final Set<StudyTrial<?>> inFlight = ConcurrentHashMap.newKeySet();
  /**
   * Held while a trial is created and registered, and while the shutdown hook fails what is in
   * flight: so no trial is created after the hook has looked (the JVM halts daemon workers
   * mid-loop, which would leave it RUNNING).
   */
  private final Object creating = new Object();
  private volatile boolean stopping;
  /**
   * Finishes under way (a trial marked finished whose write has not returned): the shutdown hook
   * waits for them, since the JVM halts worker threads mid-write once the hooks return.
   */
  private final AtomicInteger finishing = new AtomicInteger();
  /** How long the shutdown hook waits for finishes under way. */
  private static final Duration SHUTDOWN_FINISH_WAIT = Duration.ofSeconds(10);
  /** {@code null}: no heartbeats. */
  private final Duration heartbeatInterval;
  private final Duration gracePeriod;
  private final int staleRetries;
  /** Trials of this process that another worker finished (failed them as stale) while they ran. */
  private final Set<Long> lost = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService heartbeats;
  /** The number of constraint values of the study's trials and the first trial that had them; null: not known yet. */
  private volatile int[] constraintCount;
  private volatile long lastStaleCheck = System.nanoTime();

  private Study(Storage storage, boolean ownsStorage, StudyRecord record, long seed, Builder b) {
    this.storage = storage;
    this.ownsStorage = ownsStorage;
    this.record = record;
    this.seed = seed;
    this.sampler = b.sampler;
    this.pruner = b.pruner;
    boolean on = b.heartbeatInterval != null ? !b.heartbeatInterval.isZero() : !(storage instanceof InMemoryStorage);
    this.heartbeatInterval = on ? (b.heartbeatInterval != null ? b.heartbeatInterval : DEFAULT_HEARTBEAT_INTERVAL) : null;
    this.gracePeriod = b.gracePeriod != null ? b.gracePeriod : DEFAULT_GRACE_PERIOD;
    this.staleRetries = b.staleRetries;
  }

  // ---- opening ----

  /**
   * Creates the study {@code name} in the storage at {@code url} ({@code sqlite:PATH}, {@code
   * memory:}), or loads it if it exists, with the random sampler and no pruner.
   *
   * @param directions one per objective; none means one {@link Direction#MINIMIZE} for a new
   *     study and "as stored" for an existing one
   * @throws StudyException if the study exists with other directions
   * @throws StorageException if the storage cannot be opened
   */
  public static Study open(String url, String name, Direction... directions) {
    return builder(url, name).directions(directions).open();
  }

  /**
   * Loads the existing study {@code name}, without creating anything.
   *
   * @throws StudyException naming the study and the ones the storage has, if it does not exist
   */
  public static Study load(String url, String name) {
    return builder(url, name).mustExist().open();
  }

  public static Builder builder(String url, String name) {
    return new Builder(url, null, name);
  }

  /** A study in a storage the caller keeps open (and closes): several studies can share it. */
  public static Builder builder(Storage storage, String name) {
    return new Builder(null, storage, name);
  }

  /** Options for opening a study: directions, sampler, pruner, seed, heartbeats. */
  public static final class Builder {
    private final String url;
    private final Storage storage;
    private final String name;
    private List<Direction> directions = List.of();
    private Sampler sampler = new RandomSampler();
    private Pruner pruner = Pruner.NONE;
    private Long seed;
    private boolean mustExist;
    private Duration heartbeatInterval;
    private Duration gracePeriod;
    private int staleRetries = DEFAULT_STALE_RETRIES;

    private Builder(String url, Storage storage, String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a study needs a name");
      }
      this.url = url;
      this.storage = storage;
      this.name = name;
    }

    public Builder directions(Direction... newDirections) {
      this.directions = List.of(newDirections);
      return this;
    }

    public Builder sampler(Sampler newSampler) {
      this.sampler = newSampler;
      return this;
    }

    public Builder pruner(Pruner newPruner) {
      this.pruner = newPruner;
      return this;
    }

    /**
     * The seed of a new study (stored with it); a reopened study keeps its stored seed. Without
     * one, a new study gets a fresh seed, stored too, so its trials stay reproducible.
     */
    public Builder seed(long newSeed) {
      this.seed = newSeed;
      return this;
    }

    /**
     * Heartbeats: while a trial runs, its process records a heartbeat every {@code interval}; a
     * running trial whose heartbeat is older than {@code gracePeriod} (its process was killed,
     * paused or cut off from the database) is failed by the next worker that looks (each looks
     * every interval, and while it waits at the study's total) and retried ({@link
     * #retryStaleTrials}). On by default for SQLite and PostgreSQL ({@link
     * #DEFAULT_HEARTBEAT_INTERVAL} and {@link #DEFAULT_GRACE_PERIOD}), off for {@code memory:};
     * {@code Duration.ZERO} turns them off. Take a grace period of several intervals.
     */
    public Builder heartbeat(Duration interval, Duration newGracePeriod) {
      if (interval.isNegative() || (!interval.isZero() && newGracePeriod.compareTo(interval) <= 0)) {
        throw new IllegalArgumentException("the grace period (" + newGracePeriod + ") must be longer than the"
            + " heartbeat interval (" + interval + "), by several intervals");
      }
      this.heartbeatInterval = interval;
      this.gracePeriod = newGracePeriod;
      return this;
    }

    /**
     * How many times the config of a trial failed for a stale heartbeat is run again, as a new
     * trial with the same parameters (Optuna's {@code RetryFailedTrialCallback}, with its system
     * attributes {@code failed_trial} and {@code retry_history}); 0 never, default {@value
     * Study#DEFAULT_STALE_RETRIES}. A retried trial no longer counts toward the study's total: its
     * retry does.
     */
    public Builder retryStaleTrials(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
      }
      this.staleRetries = maxRetries;
      return this;
    }

    /** Only load an existing study: a missing one is an error, not created. */
    public Builder mustExist() {
      this.mustExist = true;
      return this;
    }

    public Study open() {
      Storage s = storage != null ? storage : Storages.open(url, mustExist);
      try {
        return Study.open(s, storage == null, this);
      } catch (RuntimeException e) {
        if (storage == null) {
          s.close();
        }
        throw e;
      }
    }
  }

  private static Study open(Storage storage, boolean owns, Builder b) {
    Optional<StudyRecord> found = storage.findStudy(b.name);
    StudyRecord record;
    if (found.isPresent()) {
      record = found.get();
      if (!b.directions.isEmpty() && !b.directions.equals(record.directions())) {
        throw new StudyException("study '" + b.name + "' in " + storage.url() + " was created with directions "
            + record.directions() + ", not " + b.directions + "; open it with its directions (or none), or give"
            + " the new search another study name");
      }
    } else if (b.mustExist) {
      Set<String> names = new TreeSet<>();
      storage.studies().forEach(s -> names.add(s.name()));
      throw new StudyException("no study named '" + b.name + "' in " + storage.url() + "; it has "
          + (names.isEmpty() ? "no studies" : names));
    } else {
      try {
        record = storage.createStudy(b.name, b.directions.isEmpty() ? List.of(Direction.MINIMIZE) : b.directions);
      } catch (StorageException e) {
        // Workers starting together: another one created it first.
        record = storage.findStudy(b.name).orElseThrow(() -> e);
        if (!b.directions.isEmpty() && !b.directions.equals(record.directions())) {
          throw new StudyException("study '" + b.name + "' in " + storage.url() + " was created with directions "
              + record.directions() + ", not " + b.directions, e);
        }
      }
    }
    String storedSeed = storage.studySystemAttributes(record.id()).get(SEED_ATTRIBUTE);
    if (storedSeed == null && !b.mustExist) {
      // Of workers opening a new study together, the first one's seed is every worker's.
      storedSeed = storage.setStudySystemAttributeIfAbsent(record.id(), SEED_ATTRIBUTE,
          Long.toString(b.seed != null ? b.seed : Rng.freshSeed()));
    }
    long seed;
    if (storedSeed != null) {
      seed = ((Number) PythonJson.read(storedSeed)).longValue();
      if (b.seed != null && b.seed != seed) {
        log.warn("study '{}' keeps its stored seed {}; the seed {} given to the builder is ignored", b.name, seed,
            b.seed);
      }
    } else {
      seed = b.seed != null ? b.seed : Rng.freshSeed();
    }
    Study study = new Study(storage, owns, record, seed, b);
    if (!b.mustExist) {
      study.failTrialsOfDeadWorkers();
    }
    return study;
  }

  /** Marks failed the running trials whose process (on this host) is gone: a crash, a SIGKILL. */
  private void failTrialsOfDeadWorkers() {
    for (FrozenTrial t : storage.trials(record.id(), TrialState.RUNNING)) {
      Optional<Worker> worker = Worker.parse(t.systemAttributes().get(Worker.ATTRIBUTE));
      if (worker.isPresent() && worker.get().isDeadHere()) {
        String reason = "the worker process " + worker.get().pid() + " on " + worker.get().host()
            + " died while the trial ran (found when the study was reopened)";
        try {
          storage.finishTrial(t.id(), TrialState.FAIL, List.of(), Map.of(FAIL_REASON_ATTRIBUTE, PythonJson.write(reason)));
          log.warn("Trial {} of study '{}' failed: {}", t.number(), name(), reason);
        } catch (StorageException e) {
          log.debug("trial {} was finished by another process meanwhile", t.number(), e);
        }
      }
    }
  }

  // ---- the study ----

  public String name() {
    return record.name();
  }

  public List<Direction> directions() {
    return record.directions();
  }

  public long seed() {
    return seed;
  }

  public Storage storage() {
    return storage;
  }

  /** The storage's id of this study. */
  long studyId() {
    return record.id();
  }

  Sampler sampler() {
    return sampler;
  }

  Pruner pruner() {
    return pruner;
  }

  /** Every trial, by number. */
  public List<FrozenTrial> trials() {
    return storage.trials(record.id());
  }

  /** How many trials the study has, in any state. */
  public int trialCount() {
    return storage.trialCount(record.id());
  }

  /** The history the samplers see for {@code space} (see {@link StudyContext#history()}). */
  public List<FrozenTrial> history(ConfigSpace<?> space) {
    return histories.computeIfAbsent(space.hash(), h -> new SpaceHistory(space))
        .update(storage.finishedTrials(record.id()));
  }

  // ---- ask and tell ----

  /**
   * Starts a trial and samples its config: an enqueued config first, else the sampler's. The
   * trial is stored running; finish it with {@link #tell}.
   */
  public <T> StudyTrial<T> ask(ConfigSpace<T> space) {
    return askWithin(space, 0).orElseThrow();
  }

  /**
   * {@link #ask}, unless the study already counts {@code maxTrials} trials ({@link
   * #countedTrials()}; 0 for no limit): checked and the trial started in one transaction, so
   * workers asking together never start more than {@code maxTrials} between them.
   *
   * @return the new trial, or empty if the study has its total
   */
  public <T> Optional<StudyTrial<T>> askWithin(ConfigSpace<T> space, int maxTrials) {
    synchronized (creating) {
      if (stopping) {
        throw new StudyException("study '" + name() + "' is stopping (the process is shutting down); no new trial");
      }
      return create(space, maxTrials);
    }
  }

  private <T> Optional<StudyTrial<T>> create(ConfigSpace<T> space, int maxTrials) {
    Map<String, String> system = new LinkedHashMap<>();
    system.put(Worker.ATTRIBUTE, Worker.SELF.json());
    system.put(SPACE_HASH_ATTRIBUTE, PythonJson.write(space.hash()));
    // The sampler's ticket (a grid point) is drawn in the transaction that checks the total and
    // starts the trial: a worker at the study's total draws none, and an enqueued trial needs none.
    Optional<Sampler.Ticket> ticket = sampler.ticket(new TrialContext(this, space));
    Optional<FrozenTrial> started;
    try {
      started = storage.startTrial(record.id(), maxTrials, system, heartbeatInterval != null,
          ticket.map(t -> new Storage.TicketRequest(t.counter(), t.limit(), t.systemAttributes())).orElse(null));
    } catch (TicketsExhaustedException e) {
      throw new SearchExhaustedException(ticket.orElseThrow().exhausted());
    }
    if (started.isEmpty()) {
      return Optional.empty();
    }
    FrozenTrial stored = started.get();
    Map<String, Object> fixed = fixedParams(stored);
    StudyTrial<T> trial = new StudyTrial<>(this, space, stored, fixed, new TrialContext(this, space));
    inFlight.add(trial);
    startHeartbeats();
    try {
      trial.sampleRelative();
      T config = space.sample(trial);
      trial.setConfig(config);
      storage.setParams(stored.id(), trial.internalParams(), trial.paramDistributions(),
          Map.of(CONFIG_ATTRIBUTE, space.toJson(config)));
      return Optional.of(trial);
    } catch (RuntimeException e) {
      fail(trial, "sampling failed: " + reason(e));
      throw e;
    }
  }

  /** {@code k} trials at once (a batch to evaluate together). */
  public <T> List<StudyTrial<T>> ask(ConfigSpace<T> space, int k) {
    List<StudyTrial<T>> trials = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      trials.add(ask(space));
    }
    return trials;
  }

  private static Map<String, Object> fixedParams(FrozenTrial t) {
    String json = t.systemAttributes().get(FIXED_PARAMS_ATTRIBUTE);
    if (json == null) {
      return Map.of();
    }
    Object value = PythonJson.read(json);
    Map<String, Object> fixed = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> fixed.put(String.valueOf(k), v));
    }
    return fixed;
  }

  /**
   * Finishes a trial as complete with its values (one per objective). A NaN value fails it
   * instead, as in Optuna; an infinite value is stored (Optuna stores it too).
   *
   * @throws StudyException if the number of values is not the number of objectives, or the trial
   *     was told already
   */
  public FrozenTrial tell(StudyTrial<?> trial, double... values) {
    if (values.length != record.directions().size()) {
      throw new StudyException("study '" + name() + "' has " + record.directions().size() + " objective(s), but"
          + " trial " + trial.number() + " was told " + values.length + " value(s)");
    }
    for (double v : values) {
      if (Double.isNaN(v)) {
        return fail(trial, "the objective value is NaN");
      }
    }
    List<Double> list = Arrays.stream(values).boxed().toList();
    return finish(trial, TrialState.COMPLETE, list, null);
  }

  /**
   * Finishes a trial as {@link TrialState#PRUNED} (with its last finite intermediate value as its
   * value, as Optuna does) or {@link TrialState#FAIL}.
   */
  public FrozenTrial tell(StudyTrial<?> trial, TrialState state) {
    return switch (state) {
      case PRUNED -> finish(trial, TrialState.PRUNED, prunedValue(trial), null);
      case FAIL -> fail(trial, "told failed");
      default -> throw new IllegalArgumentException("tell(trial, state) takes PRUNED or FAIL; tell a complete trial"
          + " its values with tell(trial, values)");
    };
  }

  private List<Double> prunedValue(StudyTrial<?> trial) {
    Map<Integer, Double> intermediate = trial.intermediateValues();
    if (record.directions().size() != 1 || intermediate.isEmpty()) {
      return List.of();
    }
    double last = ((java.util.TreeMap<Integer, Double>) intermediate).lastEntry().getValue();
    return Double.isFinite(last) ? List.of(last) : List.of();
  }

  FrozenTrial fail(StudyTrial<?> trial, String reason) {
    return finish(trial, TrialState.FAIL, List.of(), reason);
  }

  private FrozenTrial finish(StudyTrial<?> trial, TrialState state, List<Double> values, String failReason) {
    finishing.incrementAndGet();
    try {
      return finishCounted(trial, state, values, failReason);
    } finally {
      if (finishing.decrementAndGet() == 0) {
        synchronized (finishing) {
          finishing.notifyAll();
        }
      }
    }
  }

  private FrozenTrial finishCounted(StudyTrial<?> trial, TrialState state, List<Double> values, String failReason) {
    if (!trial.markFinished()) {
      throw new StudyException("trial " + trial.number() + " of study '" + name() + "' was told already");
    }
    inFlight.remove(trial);
    lost.remove(trial.id());
    FrozenTrial finished;
    try {
      // The reason and the state in one transaction: never a failed trial without its reason.
      finished = storage.finishTrial(trial.id(), state, values,
          failReason == null ? Map.of() : Map.of(FAIL_REASON_ATTRIBUTE, PythonJson.write(failReason)));
    } catch (StorageException e) {
      FrozenTrial stored;
      try {
        stored = storage.trial(trial.id());
      } catch (StorageException gone) {
        throw new StudyException("cannot finish trial " + trial.number() + " of study '" + name() + "': "
            + e.getMessage(), e);
      }
      if (stored.state().isFinished()) {
        String why = stored.systemAttributes().get(FAIL_REASON_ATTRIBUTE);
        throw new TrialRejectedException("trial " + trial.number() + " of study '" + name() + "' was finished as "
            + stored.state() + " by another worker while this one ran it"
            + (why == null ? "" : " (" + PythonJson.read(why) + ")")
            + (stored.systemAttributes().containsKey(Storage.RETRIED_AS_ATTRIBUTE) ? " and retried as trial "
                + stored.systemAttributes().get(Storage.RETRIED_AS_ATTRIBUTE) : "")
            + "; this worker's " + (state == TrialState.COMPLETE ? "result " + values : state.name()) + " is rejected",
            stored);
      }
      throw new StudyException("cannot finish trial " + trial.number() + " of study '" + name() + "': "
          + e.getMessage(), e);
    }
    sampler.afterTrial(trial.context(), finished);
    return finished;
  }

  /**
   * Checks that trial {@code number} reports as many constraint values as the study's other trials
   * (Optuna requires the same number throughout); the first count seen, here or in the storage,
   * sets it.
   */
  synchronized void checkConstraintCount(int number, int count) {
    if (constraintCount == null) {
      for (FrozenTrial t : storage.finishedTrials(record.id())) {
        Optional<List<Double>> c = Constraints.of(t);
        if (c.isPresent()) {
          constraintCount = new int[] {c.get().size(), t.number()};
          break;
        }
      }
      if (constraintCount == null) {
        constraintCount = new int[] {count, number};
      }
    }
    if (constraintCount[0] != count) {
      throw new IllegalArgumentException("trial " + number + " of study '" + name() + "' reports " + count
          + " constraint value(s), but trial " + constraintCount[1] + " reported " + constraintCount[0]
          + "; report the same constraints, in the same order, for every trial");
    }
  }

  /** {@code true} if another worker finished this process's running trial (failed it as stale). */
  boolean finishedElsewhere(StudyTrial<?> trial) {
    if (lost.contains(trial.id())) {
      return true;
    }
    try {
      return storage.trial(trial.id()).state().isFinished();
    } catch (StorageException e) {
      return false;
    }
  }

  // ---- heartbeats and stale trials ----

  /** Starts this process's heartbeat thread (once), if heartbeats are on. */
  private void startHeartbeats() {
    if (heartbeatInterval == null) {
      return;
    }
    synchronized (inFlight) {
      if (heartbeats == null) {
        heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("paramspace-heartbeat-" + name()));
        long period = heartbeatInterval.toNanos();
        heartbeats.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.NANOSECONDS);
      }
    }
  }

  /**
   * One heartbeat: records this process's running trials as alive, notes those another worker
   * finished meanwhile, then fails (and retries) the study's stale trials. Never throws: the
   * next beat tries again (a scheduled task that throws would never run again).
   */
  private void beat() {
    try {
      Map<Long, StudyTrial<?>> mine = new LinkedHashMap<>();
      for (StudyTrial<?> t : inFlight) {
        if (!t.isFinished()) {
          mine.put(t.id(), t);
        }
      }
      for (long id : storage.recordHeartbeats(mine.keySet())) {
        StudyTrial<?> t = mine.get(id);
        if (t != null && !t.isFinished() && lost.add(id)) {
          log.warn("Trial {} of study '{}' was finished by another worker while this process ran it (its heartbeat"
              + " was older than the grace period {}: was this process paused, or cut off from the database?);"
              + " its result will be rejected", t.number(), name(), gracePeriod);
        }
      }
      recoverStaleTrials();
    } catch (RuntimeException e) {
      log.warn("heartbeat of study '{}' failed: {}", name(), e.getMessage());
      log.debug("heartbeat failure", e);
    }
  }

  /**
   * Fails the running trials of the study whose heartbeat is older than the grace period (not
   * this process's own), each retried as a new waiting trial with its parameters unless its
   * config was retried {@link Builder#retryStaleTrials} times already. Of several workers that
   * find one stale trial, one fails it.
   *
   * @return how many this call failed
   */
  int recoverStaleTrials() {
    if (heartbeatInterval == null) {
      return 0;
    }
    lastStaleCheck = System.nanoTime();
    Set<Long> mine = new HashSet<>();
    inFlight.forEach(t -> mine.add(t.id()));
    int failed = 0;
    for (Map.Entry<Long, Duration> e : storage.heartbeatAges(record.id()).entrySet()) {
      if (e.getValue().compareTo(gracePeriod) <= 0 || mine.contains(e.getKey())) {
        continue;
      }
      FrozenTrial t = storage.trial(e.getKey());
      String reason = "the heartbeat of the trial was " + seconds(e.getValue()) + " old, older than the grace period "
          + seconds(gracePeriod) + ": its worker " + workerOf(t) + " died, hung or lost the database";
      FrozenTrial retry = retryOf(t);
      Optional<FrozenTrial> done = storage.failStaleTrial(record.id(), t.id(), gracePeriod,
          Map.of(FAIL_REASON_ATTRIBUTE, PythonJson.write(reason)), retry);
      if (done.isPresent()) {
        failed++;
        String retried = done.get().systemAttributes().get(Storage.RETRIED_AS_ATTRIBUTE);
        log.warn("Trial {} of study '{}' failed: {}; {}", t.number(), name(), reason,
            retried != null ? "retried as trial " + retried + " with the same parameters"
                : retry == null && staleRetries > 0 ? "not retried: its config was retried " + staleRetries
                    + " times already" : "not retried");
      }
    }
    return failed;
  }

  /** The waiting trial that runs {@code failed}'s config again, or null if it is not retried. */
  private FrozenTrial retryOf(FrozenTrial failed) {
    List<Object> history = new ArrayList<>();
    String json = failed.systemAttributes().get(RETRY_HISTORY_ATTRIBUTE);
    if (json != null && PythonJson.read(json) instanceof List<?> l) {
      history.addAll(l);
    }
    if (history.size() >= staleRetries) {
      return null;
    }
    history.add(failed.number());
    Map<String, Object> params = new LinkedHashMap<>(fixedParams(failed));
    params.putAll(failed.externalParams());
    Map<String, String> system = new LinkedHashMap<>();
    system.put(FIXED_PARAMS_ATTRIBUTE, PythonJson.write(params));
    system.put(FAILED_TRIAL_ATTRIBUTE, Integer.toString(failed.number()));
    system.put(RETRY_HISTORY_ATTRIBUTE, PythonJson.write(history));
    return FrozenTrial.template(TrialState.WAITING, null, null, List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        system);
  }

  private static String workerOf(FrozenTrial t) {
    return Worker.parse(t.systemAttributes().get(Worker.ATTRIBUTE)).map(w -> "(pid " + w.pid() + " on " + w.host()
        + ")").orElse("(unknown)");
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /**
   * {@code true} while a trial of another worker that beats is running: it may still go stale,
   * and a worker at the total waits to take its retry.
   */
  private boolean othersRunning() {
    Set<Long> mine = new HashSet<>();
    inFlight.forEach(t -> mine.add(t.id()));
    return storage.heartbeatAges(record.id()).keySet().stream().anyMatch(id -> !mine.contains(id));
  }

  /** How many trials count toward the study's total ({@link Storage#countedTrials}). */
  public int countedTrials() {
    return storage.countedTrials(record.id());
  }

  // ---- chosen and imported configs ----

  /** Evaluates {@code config} next: the next {@link #ask} (by any worker) takes it, as Optuna's enqueue_trial. */
  public <T> void enqueue(ConfigSpace<T> space, T config) {
    Map<String, Object> params = space.parameters(config);
    storage.createTrial(record.id(), FrozenTrial.template(TrialState.WAITING, null, null, List.of(), Map.of(),
        Map.of(), Map.of(), Map.of(), Map.of(FIXED_PARAMS_ATTRIBUTE, PythonJson.write(params))));
  }

  /** Stores a result computed elsewhere: a complete trial of {@code config} with {@code values}. */
  public <T> FrozenTrial addTrial(ConfigSpace<T> space, T config, double... values) {
    if (values.length != record.directions().size()) {
      throw new StudyException("study '" + name() + "' has " + record.directions().size() + " objective(s); "
          + values.length + " value(s) given");
    }
    Map<String, Distribution> distributions = space.distributions();
    Map<String, Double> internal = new LinkedHashMap<>();
    Map<String, Distribution> used = new LinkedHashMap<>();
    space.parameters(config).forEach((name, value) -> {
      internal.put(name, distributions.get(name).toInternal(value));
      used.put(name, distributions.get(name));
    });
    Instant now = Instant.now();
    return storage.createTrial(record.id(), FrozenTrial.template(TrialState.COMPLETE, now, now,
        Arrays.stream(values).boxed().toList(), internal, used, Map.of(),
        Map.of(CONFIG_ATTRIBUTE, space.toJson(config)), Map.of(SPACE_HASH_ATTRIBUTE, PythonJson.write(space.hash()))));
  }

  /**
   * Warm start: copies the complete trials of {@code other} whose parameters fit {@code space}
   * into this study (params re-expressed in its distributions, values and attributes kept, the
   * source in the system attribute {@code paramspace:imported_from}), and counts what it skipped.
   */
  public ImportResult importTrials(Study other, ConfigSpace<?> space) {
    int imported = 0;
    int mismatched = 0;
    int notComplete = 0;
    Map<String, Distribution> distributions = space.distributions();
    for (FrozenTrial t : other.trials()) {
      if (t.state() != TrialState.COMPLETE) {
        notComplete++;
        continue;
      }
      if (t.values().size() != record.directions().size()) {
        mismatched++;
        continue;
      }
      Optional<FrozenTrial> fit = SpaceHistory.fit(space, distributions, t);
      if (fit.isEmpty()) {
        mismatched++;
        continue;
      }
      FrozenTrial f = fit.get();
      Map<String, String> system = new LinkedHashMap<>(f.systemAttributes());
      system.remove(Worker.ATTRIBUTE);
      system.put("paramspace:imported_from", PythonJson.write(Map.of("study", other.name(), "number", t.number())));
      storage.createTrial(record.id(), FrozenTrial.template(TrialState.COMPLETE, f.start(), f.end(), f.values(),
          f.params(), f.distributions(), f.intermediateValues(), f.userAttributes(), system));
      imported++;
    }
    log.info("Imported {} trials of study '{}' into '{}'; skipped {} whose parameters do not fit the space and {}"
        + " not complete", imported, other.name(), name(), mismatched, notComplete);
    return new ImportResult(imported, mismatched, notComplete);
  }

  /** Leaves trial {@code number} out of {@link #best} and the samplers' history, without deleting it. */
  public void exclude(int number) {
    setExcluded(number, true);
  }

  /** Undoes {@link #exclude}. */
  public void include(int number) {
    setExcluded(number, false);
  }

  private void setExcluded(int number, boolean excluded) {
    FrozenTrial t = trials().stream().filter(x -> x.number() == number).findFirst().orElseThrow(
        () -> new StudyException("study '" + name() + "' has no trial " + number + "; it has " + trialCount()
            + " trials, numbered from 0"));
    storage.setTrialSystemAttribute(t.id(), SpaceHistory.EXCLUDED, excluded ? "true" : "false");
    histories.values().forEach(SpaceHistory::reset);
  }

  // ---- results ----

  /**
   * The best complete trial (not excluded) of this single-objective study; in a constrained study
   * (trials report {@link StudyTrial#setConstraints constraint values}) the best feasible one, as
   * Optuna's {@code best_trial}.
   *
   * @throws StudyException if the study has several objectives or no complete trial
   */
  public FrozenTrial bestTrial() {
    if (record.directions().size() != 1) {
      throw new StudyException("study '" + name() + "' has " + record.directions().size() + " objectives: it has a"
          + " Pareto front, not one best trial");
    }
    Direction direction = record.directions().get(0);
    // The storage's best few, read without loading the study; a scan only if all are excluded.
    List<FrozenTrial> top = storage.bestTrials(record.id(), direction, BEST_CANDIDATES);
    // Constrained (a trial has constraint values): only feasible trials are candidates.
    boolean constrained = constraintCount != null || top.stream().anyMatch(Constraints::has);
    for (FrozenTrial t : top) {
      if (!SpaceHistory.isExcluded(t) && (!constrained || Constraints.isFeasible(t))) {
        return t;
      }
    }
    FrozenTrial best = null;
    if (top.size() == BEST_CANDIDATES) {
      for (FrozenTrial t : storage.finishedTrials(record.id())) {
        if (t.state() == TrialState.COMPLETE && !SpaceHistory.isExcluded(t)
            && (!constrained || Constraints.isFeasible(t))
            && (best == null || direction.isBetter(t.value(), best.value())
                || (t.value() == best.value() && t.number() < best.number()))) {
          best = t;
        }
      }
    }
    if (best == null) {
      throw new StudyException("study '" + name() + "' has no complete trial yet"
          + (top.isEmpty() ? "" : constrained ? " that is feasible (every constraint value <= 0) and not excluded"
              : " that is not excluded"));
    }
    return best;
  }

  private static final int BEST_CANDIDATES = 8;

  /**
   * The Pareto front: the complete trials (not excluded) that no other complete trial dominates,
   * by number. A trial dominates another if it is at least as good in every objective and better in
   * one, each objective in its own direction; trials with equal values are all on the front. For a
   * study with one objective these are the trials with the best value. Optuna's {@code best_trials}.
   *
   * <p>In a constrained study (a complete trial has {@link StudyTrial#setConstraints constraint
   * values}) the front is that of the feasible trials only, as Optuna's {@code best_trials} since
   * 3.x: an infeasible trial, or one that reported no constraint values, is never on it, even if
   * nothing feasible dominates it.
   */
  public List<FrozenTrial> paretoFront() {
    int m = record.directions().size();
    List<FrozenTrial> complete = new ArrayList<>();
    for (FrozenTrial t : storage.finishedTrials(record.id())) {
      if (t.state() == TrialState.COMPLETE && t.values().size() == m && !SpaceHistory.isExcluded(t)) {
        complete.add(t);
      }
    }
    return ParetoFront.of(Constraints.feasibleIfConstrained(complete), record.directions());
  }

  /**
   * Writes the study's results into {@code dir} (created if missing), each file atomically: {@code
   * trials.csv}, and {@code best_params.json} (one objective) or {@code pareto_front.json}
   * (several). See {@link io.paramspace.study.export.StudyExport} for the formats.
   *
   * @return the files written
   */
  public <T> List<java.nio.file.Path> export(ConfigSpace<T> space, java.nio.file.Path dir) {
    return io.paramspace.study.export.StudyExport.write(this, space, dir);
  }

  /**
   * How much each parameter explains of the objective's variation over the complete trials of
   * {@code space}: fANOVA over a random forest, as Optuna's default ({@link
   * io.paramspace.study.importance.FanovaImportance}, seeded with the study's seed). Parameter name
   * to importance, summing to 1, most important first.
   */
  public Map<String, Double> importances(ConfigSpace<?> space) {
    return new io.paramspace.study.importance.FanovaImportance().evaluate(this, space);
  }

  /**
   * The best complete trial whose config is a point of {@code space}, with that config: read from
   * the stored config JSON (exactly the record that was evaluated), or built from the parameters
   * for a trial written by Python Optuna. Trials that do not fit {@code space} (another branch
   * structure, values outside a narrowed range) are left out, as from the samplers' history. In a
   * constrained study only feasible trials count, as for {@link #bestTrial()}.
   *
   * @throws StudyException if the study has several objectives or no (feasible) complete trial fits
   */
  public <T> Best<T> best(ConfigSpace<T> space) {
    bestTrial(); // the errors of a study with several objectives or no complete trial
    Direction direction = record.directions().get(0);
    FrozenTrial best = null;
    List<FrozenTrial> complete = history(space).stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
    for (FrozenTrial t : Constraints.feasibleIfConstrained(complete)) {
      if ((best == null || direction.isBetter(t.value(), best.value())
              || (t.value() == best.value() && t.number() < best.number()))) {
        best = t;
      }
    }
    if (best == null) {
      throw new StudyException("no complete trial of study '" + name() + "' is a config of the space of "
          + space.typeName() + " given (hash " + space.hash() + ")");
    }
    return new Best<>(config(space, best), best.value(), best);
  }

  /** The typed config of a stored trial (see {@link #best}). */
  public <T> T config(ConfigSpace<T> space, FrozenTrial trial) {
    String json = trial.userAttributes().get(CONFIG_ATTRIBUTE);
    return json != null ? space.fromJson(json) : space.fromParameters(trial.externalParams());
  }

  // ---- optimize ----

  /**
   * Runs trials until the study has {@code nTrials} in total (a reopened study continues; workers
   * in other processes running the same call share the total).
   */
  public <T> OptimizeResult optimize(ConfigSpace<T> space, Objective<T> objective, int nTrials) {
    return optimize(space, objective, OptimizeOptions.trials(nTrials));
  }

  /** Runs new trials until {@code timeout} has passed. */
  public <T> OptimizeResult optimize(ConfigSpace<T> space, Objective<T> objective, Duration timeout) {
    return optimize(space, objective, OptimizeOptions.timeout(timeout));
  }

  /**
   * Runs trials as {@code options} say: each asks a config, evaluates the objective, and tells
   * the result. A trial whose objective throws, returns NaN or an infinite value, or runs past
   * the per-trial timeout is failed with the reason stored, and the study goes on; after {@code
   * maxConsecutiveFailures} failures in a row it stops with a {@link StudyException}. On Ctrl-C
   * (JVM shutdown) the running trials are marked failed (interrupted) before the JVM exits.
   *
   * <p>With {@code nTrials}, the total is the study's ({@link #countedTrials()}), shared by every
   * thread and process that optimizes it: each trial is started only if the study has fewer, in
   * one transaction, so together they run exactly {@code nTrials}. At the total, a worker waits
   * while another worker's trial still runs with heartbeats (it may die, and its retry must be
   * run), failing stale trials as it waits; it returns once none is left. A result rejected
   * because another worker failed the trial as stale meanwhile ({@link TrialRejectedException}) is
   * logged and dropped.
   */
  public <T> OptimizeResult optimize(ConfigSpace<T> space, Objective<T> objective, OptimizeOptions options) {
    if (record.directions().size() != 1) {
      throw new StudyException("study '" + name() + "' has " + record.directions().size() + " objectives "
          + record.directions() + ": optimize it with optimizeMulti and a MultiObjective that returns one value per"
          + " direction");
    }
    return optimizeMulti(space, (config, trial) -> new double[] {objective.evaluate(config, trial)}, options);
  }

  /** Runs trials of a study with several objectives until it has {@code nTrials} in total. */
  public <T> OptimizeResult optimizeMulti(ConfigSpace<T> space, MultiObjective<T> objective, int nTrials) {
    return optimizeMulti(space, objective, OptimizeOptions.trials(nTrials));
  }

  /**
   * {@link #optimize(ConfigSpace, Objective, OptimizeOptions)} for an objective that returns one
   * value per direction of the study (in the order of {@link #directions()}): a trial whose
   * objective returns another number of values, or a value that is NaN or infinite, is failed with
   * the reason stored. See {@link #paretoFront()} for the result. The total is the study's, shared
   * by every worker, as for {@code optimize}; a sampler that runs out of points (an exhaustive
   * grid, {@link SearchExhaustedException}) stops the workers below it, each once no trial of
   * another worker may still need a retry.
   */
  public <T> OptimizeResult optimizeMulti(ConfigSpace<T> space, MultiObjective<T> objective, OptimizeOptions options) {
    long begun = System.nanoTime();
    int budget = options.nTrials();
    int existing = budget == 0 ? 0 : countedTrials();
    if (budget > 0 && existing >= budget && !mayNeedRetries()) {
      log.info("Study '{}' already has {} trials (of {}); nothing to run", name(), existing, budget);
      return new OptimizeResult(0, 0, 0, 0, existing, Duration.ofNanos(System.nanoTime() - begun));
    }
    long deadline = options.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + options.timeout().toNanos();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger[] outcomes = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
    AtomicInteger consecutiveFailures = new AtomicInteger();
    AtomicReference<RuntimeException> stop = new AtomicReference<>();
    AtomicReference<SearchExhaustedException> exhausted = new AtomicReference<>();
    ProgressBar bar = new ProgressBar(budget == 0 ? 0 : Math.max(0, budget - existing), options.progressBar());
    Thread hook = new Thread(this::stopForShutdown, "paramspace-shutdown-" + name());
    Runtime.getRuntime().addShutdownHook(hook);
    ExecutorService workers = Executors.newFixedThreadPool(options.parallelism(), daemon("paramspace-" + name()));
    ExecutorService evaluations = options.trialTimeout() == null ? null
        : Executors.newCachedThreadPool(daemon("paramspace-objective-" + name()));
    try {
      List<Future<?>> loops = new ArrayList<>();
      for (int w = 0; w < options.parallelism(); w++) {
        loops.add(workers.submit(() -> {
          int waits = 0; // in a row, at the total
          while (stop.get() == null && System.nanoTime() < deadline) {
            Optional<StudyTrial<T>> next;
            try {
              next = askWithin(space, budget);
            } catch (SearchExhaustedException e) {
              if (exhausted.compareAndSet(null, e)) {
                log.info("Study '{}' stops after {} trials: {}", name(), trialCount(), e.getMessage());
              }
              next = Optional.empty(); // as at the total: a stale trial's retry may still need this worker
            }
            if (next.isEmpty()) {
              if (waitAtTotal(deadline, waits++)) {
                continue;
              }
              break;
            }
            waits = 0;
            StudyTrial<T> trial = next.get();
            TrialState state = run(trial, objective, options, evaluations);
            if (state == null) {
              outcomes[3].incrementAndGet(); // rejected: another worker failed it, and counts its retry
              continue;
            }
            outcomes[state == TrialState.COMPLETE ? 0 : state == TrialState.PRUNED ? 1 : 2].incrementAndGet();
            if (state == TrialState.FAIL) {
              int failures = consecutiveFailures.incrementAndGet();
              if (failures >= options.maxConsecutiveFailures()) {
                stop.compareAndSet(null, new StudyException("study '" + name() + "' stopped: " + failures
                    + " trials failed in a row, the last (trial " + trial.number() + ") with "
                    + storage.trial(trial.id()).systemAttributes().get(FAIL_REASON_ATTRIBUTE) + "; fix the objective,"
                    + " or raise maxConsecutiveFailures (OptimizeOptions.withMaxConsecutiveFailures)"));
              }
            } else {
              consecutiveFailures.set(0);
            }
            bar.update(done.incrementAndGet(), this::bestValueOrNull);
          }
          return null;
        }));
      }
      for (Future<?> loop : loops) {
        try {
          loop.get();
        } catch (ExecutionException e) {
          stop.compareAndSet(null, e.getCause() instanceof RuntimeException r ? r
              : new StudyException("a worker of study '" + name() + "' failed", e.getCause()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.set(new StudyException("optimize of study '" + name() + "' was interrupted"));
      workers.shutdownNow();
      failInFlight();
    } finally {
      workers.shutdownNow();
      if (evaluations != null) {
        evaluations.shutdownNow();
      }
      bar.finish();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or has run: it fails what is still in flight.
      }
    }
    if (stop.get() != null) {
      throw stop.get();
    }
    return new OptimizeResult(outcomes[0].get(), outcomes[1].get(), outcomes[2].get(), outcomes[3].get(),
        budget == 0 ? countedTrials() : Math.min(budget, countedTrials()), Duration.ofNanos(System.nanoTime() - begun));
  }

  /** {@code true} if stale trials are retried and another worker's trial runs with heartbeats. */
  private boolean mayNeedRetries() {
    return heartbeatInterval != null && staleRetries > 0 && othersRunning();
  }

  /**
   * At the study's total: waits a little and fails stale trials, while another worker's trial
   * runs with heartbeats (if it goes stale, its retry needs a worker). {@code false} once none
   * runs, or past the deadline: this worker is done. The pause doubles from 10 ms with each
   * {@code waitsBefore} up to a second (or the heartbeat interval): the other workers' last
   * trials usually end soon, and then this worker exits soon after them.
   */
  private boolean waitAtTotal(long deadline, int waitsBefore) {
    if (!mayNeedRetries() || System.nanoTime() >= deadline) {
      return false;
    }
    long pause = Math.min(Math.min(heartbeatInterval.toMillis(), 1000), 10L << Math.min(waitsBefore, 7));
    try {
      Thread.sleep(Math.max(10, pause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (System.nanoTime() - lastStaleCheck >= heartbeatInterval.toNanos() / 2) {
      recoverStaleTrials();
    }
    return true;
  }

  /**
   * Evaluates one trial and tells its outcome; returns the state it was told, or {@code null} if
   * the tell was rejected (another worker failed the trial as stale meanwhile).
   */
  private <T> TrialState run(StudyTrial<T> trial, MultiObjective<T> objective, OptimizeOptions options,
      ExecutorService evaluations) {
    try {
      return evaluateAndTell(trial, objective, options, evaluations);
    } catch (TrialRejectedException e) {
      log.warn("Rejected a late result: {}", e.getMessage());
      return null;
    }
  }

  private <T> TrialState evaluateAndTell(StudyTrial<T> trial, MultiObjective<T> objective, OptimizeOptions options,
      ExecutorService evaluations) {
    double[] values;
    try {
      if (evaluations == null) {
        values = objective.evaluate(trial.config(), trial);
      } else {
        Future<double[]> f = evaluations.submit(() -> objective.evaluate(trial.config(), trial));
        try {
          values = f.get(options.trialTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          f.cancel(true);
          return failLogged(trial, "timed out after " + options.trialTimeout() + " (the per-trial timeout)");
        } catch (ExecutionException e) {
          throw e.getCause();
        }
      }
    } catch (TrialPrunedException e) {
      FrozenTrial t = tell(trial, TrialState.PRUNED);
      log.info("Trial {} of study '{}' pruned{}", t.number(), name(), t.values().isEmpty() ? "" : " at " + t.values());
      return TrialState.PRUNED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failLogged(trial, "interrupted");
    } catch (Throwable e) {
      if (e instanceof Error && !(e instanceof AssertionError) && !(e instanceof StackOverflowError)) {
        failLogged(trial, reason(e));
        throw (Error) e;
      }
      return failLogged(trial, reason(e));
    }
    int n = record.directions().size();
    if (values == null || values.length != n) {
      return failLogged(trial, "the objective returned " + (values == null ? "null" : values.length + " value(s)")
          + " for the " + n + " objective(s) " + record.directions() + " of the study");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(values[i])) {
        return failLogged(trial, "the objective returned " + (n == 1 ? values[i] : Arrays.toString(values)));
      }
    }
    if (trial.isFinished()) {
      return TrialState.FAIL; // failed meanwhile (shutdown)
    }
    FrozenTrial t = tell(trial, values);
    log.info("Trial {} of study '{}' finished with value {} and parameters {}", t.number(), name(),
        n == 1 ? values[0] : Arrays.toString(values), trial.params());
    return TrialState.COMPLETE;
  }

  private TrialState failLogged(StudyTrial<?> trial, String reason) {
    if (trial.isFinished()) {
      return TrialState.FAIL;
    }
    fail(trial, reason);
    log.warn("Trial {} of study '{}' failed: {}", trial.number(), name(), reason);
    return TrialState.FAIL;
  }

  /** The exception's class and message, as stored in {@value #FAIL_REASON_ATTRIBUTE}. */
  static String reason(Throwable e) {
    return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private Double bestValueOrNull() {
    try {
      return record.directions().size() == 1 ? bestTrial().value() : null;
    } catch (StudyException none) {
      return null;
    }
  }

  /**
   * The shutdown hook: no trial is created from now on, the finishes under way are waited for (a
   * trial told as the process stops keeps its result), and the running ones are failed.
   */
  void stopForShutdown() {
    synchronized (creating) {
      stopping = true;
    }
    awaitFinishes(SHUTDOWN_FINISH_WAIT);
    failInFlight();
  }

  /** Waits up to {@code limit} until no finish is under way. */
  private void awaitFinishes(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (finishing) {
      while (finishing.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          log.warn("study '{}': {} trial(s) were still being written when the process stopped", name(),
              finishing.get());
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(finishing, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Fails every trial this object is running: on shutdown (Ctrl-C) and on interruption. */

  private void failInFlight() {
    for (StudyTrial<?> trial : List.copyOf(inFlight)) {
      try {
        if (!trial.isFinished()) {
          fail(trial, "interrupted: the process was stopped (Ctrl-C or SIGTERM) while the trial ran");
          log.warn("Trial {} of study '{}' marked failed: the process is stopping", trial.number(), name());
        }
      } catch (RuntimeException e) {
        log.debug("could not mark trial {} failed on shutdown", trial.number(), e);
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    synchronized (inFlight) {
      if (heartbeats != null) {
        heartbeats.shutdownNow();
      }
    }
    if (ownsStorage) {
      storage.close();
    }
  }
}
