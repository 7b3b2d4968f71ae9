package io.paramspace.study;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Rng;
import io.paramspace.study.sampler.RandomSampler;
import io.paramspace.study.storage.PythonJson;
import io.paramspace.study.storage.Storage;
import io.paramspace.study.storage.StorageException;
import io.paramspace.study.storage.Storages;
import io.paramspace.study.storage.StudyRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * #tell} may be called from any thread. Several processes can share a SQLite study.
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

  private Study(Storage storage, boolean ownsStorage, StudyRecord record, long seed, Sampler sampler, Pruner pruner) {
    this.storage = storage;
    this.ownsStorage = ownsStorage;
    this.record = record;
    this.seed = seed;
    this.sampler = sampler;
    this.pruner = pruner;
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

  /** Options for opening a study: directions, sampler, pruner, seed. */
  public static final class Builder {
    private final String url;
    private final Storage storage;
    private final String name;
    private List<Direction> directions = List.of();
    private Sampler sampler = new RandomSampler();
    private Pruner pruner = Pruner.NONE;
    private Long seed;
    private boolean mustExist;

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
      record = storage.createStudy(b.name, b.directions.isEmpty() ? List.of(Direction.MINIMIZE) : b.directions);
    }
    String storedSeed = storage.studySystemAttributes(record.id()).get(SEED_ATTRIBUTE);
    long seed;
    if (storedSeed != null) {
      seed = ((Number) PythonJson.read(storedSeed)).longValue();
      if (b.seed != null && b.seed != seed) {
        log.warn("study '{}' keeps its stored seed {}; the seed {} given to the builder is ignored", b.name, seed,
            b.seed);
      }
    } else {
      seed = b.seed != null ? b.seed : Rng.freshSeed();
      if (!b.mustExist) {
        storage.setStudySystemAttribute(record.id(), SEED_ATTRIBUTE, Long.toString(seed));
      }
    }
    Study study = new Study(storage, owns, record, seed, b.sampler, b.pruner);
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
          storage.setTrialSystemAttribute(t.id(), FAIL_REASON_ATTRIBUTE, PythonJson.write(reason));
          storage.finishTrial(t.id(), TrialState.FAIL, List.of());
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
    synchronized (creating) {
      if (stopping) {
        throw new StudyException("study '" + name() + "' is stopping (the process is shutting down); no new trial");
      }
      return create(space);
    }
  }

  private <T> StudyTrial<T> create(ConfigSpace<T> space) {
    Optional<FrozenTrial> waiting = storage.claimWaitingTrial(record.id());
    FrozenTrial stored;
    Map<String, Object> fixed = Map.of();
    if (waiting.isPresent()) {
      stored = waiting.get();
      fixed = fixedParams(stored);
      storage.setTrialSystemAttribute(stored.id(), Worker.ATTRIBUTE, Worker.SELF.json());
      storage.setTrialSystemAttribute(stored.id(), SPACE_HASH_ATTRIBUTE, PythonJson.write(space.hash()));
    } else {
      Map<String, String> system = new LinkedHashMap<>();
      system.put(Worker.ATTRIBUTE, Worker.SELF.json());
      system.put(SPACE_HASH_ATTRIBUTE, PythonJson.write(space.hash()));
      stored = createTrial(space, system);
    }
    StudyTrial<T> trial = new StudyTrial<>(this, space, stored, fixed, new TrialContext(this, space));
    inFlight.add(trial);
    try {
      trial.sampleRelative();
      T config = space.sample(trial);
      trial.setConfig(config);
      storage.setParams(stored.id(), trial.internalParams(), trial.paramDistributions(),
          Map.of(CONFIG_ATTRIBUTE, space.toJson(config)));
      return trial;
    } catch (RuntimeException e) {
      fail(trial, "sampling failed: " + reason(e));
      throw e;
    }
  }

  /** A new running trial; with the ticket the sampler asks for, drawn atomically by the storage. */
  private FrozenTrial createTrial(ConfigSpace<?> space, Map<String, String> system) {
    Optional<Sampler.Ticket> ticket = sampler.ticket(new TrialContext(this, space));
    if (ticket.isEmpty()) {
      return storage.createTrial(record.id(), FrozenTrial.template(TrialState.RUNNING, null, null, List.of(),
          Map.of(), Map.of(), Map.of(), Map.of(), system));
    }
    Sampler.Ticket t = ticket.get();
    return storage.createTrialWithTicket(record.id(), t.counter(), t.limit(), n -> {
      Map<String, String> attributes = new LinkedHashMap<>(system);
      attributes.putAll(t.systemAttributes().apply(n));
      return FrozenTrial.template(TrialState.RUNNING, null, null, List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
          attributes);
    }).orElseThrow(() -> new SearchExhaustedException(t.exhausted()));
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
    if (!trial.markFinished()) {
      throw new StudyException("trial " + trial.number() + " of study '" + name() + "' was told already");
    }
    inFlight.remove(trial);
    try {
      if (failReason != null) {
        storage.setTrialSystemAttribute(trial.id(), FAIL_REASON_ATTRIBUTE, PythonJson.write(failReason));
      }
      FrozenTrial finished = storage.finishTrial(trial.id(), state, values);
      sampler.afterTrial(trial.context(), finished);
      return finished;
    } catch (StorageException e) {
      throw new StudyException("cannot finish trial " + trial.number() + " of study '" + name() + "': "
          + e.getMessage(), e);
    }
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
   * The best complete trial (not excluded) of this single-objective study.
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
    for (FrozenTrial t : top) {
      if (!SpaceHistory.isExcluded(t)) {
        return t;
      }
    }
    FrozenTrial best = null;
    if (top.size() == BEST_CANDIDATES) {
      for (FrozenTrial t : storage.finishedTrials(record.id())) {
        if (t.state() == TrialState.COMPLETE && !SpaceHistory.isExcluded(t)
            && (best == null || direction.isBetter(t.value(), best.value())
                || (t.value() == best.value() && t.number() < best.number()))) {
          best = t;
        }
      }
    }
    if (best == null) {
      throw new StudyException("study '" + name() + "' has no complete trial yet"
          + (top.isEmpty() ? "" : " that is not excluded"));
    }
    return best;
  }

  private static final int BEST_CANDIDATES = 8;

  /**
   * The Pareto front: the complete trials (not excluded) that no other complete trial dominates,
   * by number. A trial dominates another if it is at least as good in every objective and better in
   * one, each objective in its own direction; trials with equal values are all on the front. For a
   * study with one objective these are the trials with the best value. Optuna's {@code best_trials}.
   */
  public List<FrozenTrial> paretoFront() {
    int m = record.directions().size();
    List<FrozenTrial> complete = new ArrayList<>();
    for (FrozenTrial t : storage.finishedTrials(record.id())) {
      if (t.state() == TrialState.COMPLETE && t.values().size() == m && !SpaceHistory.isExcluded(t)) {
        complete.add(t);
      }
    }
    return ParetoFront.of(complete, record.directions());
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
   * structure, values outside a narrowed range) are left out, as from the samplers' history.
   *
   * @throws StudyException if the study has several objectives or no complete trial fits
   */
  public <T> Best<T> best(ConfigSpace<T> space) {
    bestTrial(); // the errors of a study with several objectives or no complete trial
    Direction direction = record.directions().get(0);
    FrozenTrial best = null;
    for (FrozenTrial t : history(space)) {
      if (t.state() == TrialState.COMPLETE
          && (best == null || direction.isBetter(t.value(), best.value())
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

  /** Runs trials until the study has {@code nTrials} in total (a reopened study continues). */
  public <T> void optimize(ConfigSpace<T> space, Objective<T> objective, int nTrials) {
    optimize(space, objective, OptimizeOptions.trials(nTrials));
  }

  /** Runs new trials until {@code timeout} has passed. */
  public <T> void optimize(ConfigSpace<T> space, Objective<T> objective, Duration timeout) {
    optimize(space, objective, OptimizeOptions.timeout(timeout));
  }

  /**
   * Runs trials as {@code options} say: each asks a config, evaluates the objective, and tells
   * the result. A trial whose objective throws, returns NaN or an infinite value, or runs past
   * the per-trial timeout is failed with the reason stored, and the study goes on; after {@code
   * maxConsecutiveFailures} failures in a row it stops with a {@link StudyException}. On Ctrl-C
   * (JVM shutdown) the running trials are marked failed (interrupted) before the JVM exits.
   */
  public <T> void optimize(ConfigSpace<T> space, Objective<T> objective, OptimizeOptions options) {
    if (record.directions().size() != 1) {
      throw new StudyException("study '" + name() + "' has " + record.directions().size() + " objectives "
          + record.directions() + ": optimize it with optimizeMulti and a MultiObjective that returns one value per"
          + " direction");
    }
    optimizeMulti(space, (config, trial) -> new double[] {objective.evaluate(config, trial)}, options);
  }

  /** Runs trials of a study with several objectives until it has {@code nTrials} in total. */
  public <T> void optimizeMulti(ConfigSpace<T> space, MultiObjective<T> objective, int nTrials) {
    optimizeMulti(space, objective, OptimizeOptions.trials(nTrials));
  }

  /**
   * {@link #optimize(ConfigSpace, Objective, OptimizeOptions)} for an objective that returns one
   * value per direction of the study (in the order of {@link #directions()}): a trial whose
   * objective returns another number of values, or a value that is NaN or infinite, is failed with
   * the reason stored. See {@link #paretoFront()} for the result.
   */
  public <T> void optimizeMulti(ConfigSpace<T> space, MultiObjective<T> objective, OptimizeOptions options) {
    int existing = trialCount();
    int toRun = options.nTrials() == 0 ? Integer.MAX_VALUE : Math.max(0, options.nTrials() - existing);
    if (toRun == 0) {
      log.info("Study '{}' already has {} trials (of {}); nothing to run", name(), existing, options.nTrials());
      return;
    }
    long deadline = options.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + options.timeout().toNanos();
    AtomicInteger remaining = new AtomicInteger(toRun);
    AtomicInteger done = new AtomicInteger();
    AtomicInteger consecutiveFailures = new AtomicInteger();
    AtomicReference<RuntimeException> stop = new AtomicReference<>();
    AtomicReference<SearchExhaustedException> exhausted = new AtomicReference<>();
    ProgressBar bar = new ProgressBar(options.nTrials() == 0 ? 0 : toRun, options.progressBar());
    Thread hook = new Thread(this::stopForShutdown, "paramspace-shutdown-" + name());
    Runtime.getRuntime().addShutdownHook(hook);
    ExecutorService workers = Executors.newFixedThreadPool(options.parallelism(), daemon("paramspace-" + name()));
    ExecutorService evaluations = options.trialTimeout() == null ? null
        : Executors.newCachedThreadPool(daemon("paramspace-objective-" + name()));
    try {
      List<Future<?>> loops = new ArrayList<>();
      for (int w = 0; w < options.parallelism(); w++) {
        loops.add(workers.submit(() -> {
          while (stop.get() == null && exhausted.get() == null && System.nanoTime() < deadline
              && remaining.getAndDecrement() > 0) {
            StudyTrial<T> trial;
            try {
              trial = ask(space);
            } catch (SearchExhaustedException e) {
              if (exhausted.compareAndSet(null, e)) {
                log.info("Study '{}' stops after {} trials: {}", name(), trialCount(), e.getMessage());
              }
              break;
            }
            TrialState state = run(trial, objective, options, evaluations);
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
  }

  /** Evaluates one trial and tells its outcome; returns the state it was told. */
  private <T> TrialState run(StudyTrial<T> trial, MultiObjective<T> objective, OptimizeOptions options,
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

  /** Fails every trial this object is running: on shutdown (Ctrl-C) and on interruption. */
  /** The shutdown hook: no trial is created from now on, and the running ones are failed. */
  private void stopForShutdown() {
    synchronized (creating) {
      stopping = true;
    }
    failInFlight();
  }

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
    if (ownsStorage) {
      storage.close();
    }
  }
}
