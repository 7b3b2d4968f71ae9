package io.paramspace.study;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Distribution.CategoricalDistribution;
import io.paramspace.runtime.Distribution.FloatDistribution;
import io.paramspace.runtime.Distribution.IntDistribution;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.Trial;
import io.paramspace.study.storage.PythonJson;
import io.paramspace.study.storage.StorageException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running trial of a study: what {@link Study#ask} returns and an objective receives. It is a
 * {@link Trial}, so the space samples its config from it define-by-run: each active parameter
 * comes from a config fixed by {@link Study#enqueue}, else the sampler's relative draw, else the
 * sampler's independent draw. The objective reports intermediate values, asks whether to prune,
 * and sets user attributes; {@link Study#tell} finishes it.
 *
 * <p>One thread per trial, as Optuna's trials.
 */
public final class StudyTrial<T> implements Trial {
  private static final Logger log = LoggerFactory.getLogger(StudyTrial.class);

  private final Study study;
  private final ConfigSpace<T> space;
  private final FrozenTrial stored;
  private final Map<String, Object> fixed;
  private final TrialContext context;
  private Map<String, Double> relative = Map.of();
  private final Map<String, Double> params = new LinkedHashMap<>();
  private final Map<String, Distribution> distributions = new LinkedHashMap<>();
  private final TreeMap<Integer, Double> intermediate = new TreeMap<>();
  private final Map<String, String> userAttributes = new LinkedHashMap<>();
  private String constraints;
  private T config;
  private volatile boolean finished;

  StudyTrial(Study study, ConfigSpace<T> space, FrozenTrial stored, Map<String, Object> fixed, TrialContext context) {
    this.study = study;
    this.space = space;
    this.stored = stored;
    this.fixed = fixed;
    this.context = context;
  }

  /** The trial's number in its study, from 0. */
  public int number() {
    return stored.number();
  }

  /** The storage's id of the trial. */
  public long id() {
    return stored.id();
  }

  /** The typed config this trial evaluates. */
  public T config() {
    return config;
  }

  /** The space the config was sampled from. */
  public ConfigSpace<T> space() {
    return space;
  }

  /** The parameters, name to external value, in the order they were sampled. */
  public Map<String, Object> params() {
    Map<String, Object> external = new LinkedHashMap<>();
    params.forEach((name, v) -> external.put(name, distributions.get(name).toExternal(v)));
    return Collections.unmodifiableMap(external);
  }

  /**
   * Reports the objective's value at {@code step} (an epoch, a number of samples), for pruners
   * and for Optuna's plots. Reporting a step again replaces its value.
   */
  public void report(int step, double value) {
    if (finished) {
      log.debug("trial {} is finished; the report of step {} is ignored", number(), step);
      return;
    }
    intermediate.put(step, value);
    try {
      study.storage().setIntermediateValue(stored.id(), step, value);
    } catch (StorageException e) {
      if (!study.finishedElsewhere(this)) {
        throw e;
      }
      // Another worker failed this trial as stale: its tell will be rejected; the objective goes on.
      log.debug("trial {} was finished by another worker; the report of step {} is dropped", number(), step);
    }
  }

  /**
   * {@code true} if the study's pruner says this trial should stop (then throw {@link
   * TrialPrunedException}). Ask after each {@link #report}: the pruner judges the values reported
   * so far against the study's trials as stored now.
   */
  public boolean shouldPrune() {
    return study.pruner().shouldPrune(context.fresh(), snapshot());
  }

  /** Sets a user attribute: null, String, Boolean, a number, or a Map / List of those (stored as JSON). */
  public void setUserAttribute(String key, Object value) {
    String json = PythonJson.write(value);
    userAttributes.put(key, json);
    study.storage().setTrialUserAttribute(stored.id(), key, json);
  }

  /**
   * Reports this trial's constraint values, as Optuna's {@code constraints_func} would return them:
   * each {@code <= 0} when satisfied, positive by how much it is violated (e.g. {@code memoryGb -
   * 16} for "at most 16 GB"). Call it from the objective (or before {@link Study#tell}); calling
   * it again replaces the values. Stored at once in the system attribute {@value
   * Constraints#ATTRIBUTE} as Optuna stores it. NSGA-II ranks feasible trials first and MOTPE
   * models them as the good ones; {@link Study#paretoFront()} and {@link Study#bestTrial()} keep
   * only feasible trials (see {@link Constraints}).
   *
   * @throws IllegalArgumentException if there are no values, one is NaN, or the study's other
   *     trials reported another number of them
   * @throws StudyException if the trial is finished already
   */
  public void setConstraints(double... values) {
    if (finished) {
      throw new StudyException("trial " + number() + " of study '" + study.name() + "' is finished; set its"
          + " constraints in the objective, before tell");
    }
    if (values.length == 0) {
      throw new IllegalArgumentException("trial " + number() + ": setConstraints needs at least one value (<= 0:"
          + " satisfied)");
    }
    for (int k = 0; k < values.length; k++) {
      if (Double.isNaN(values[k])) {
        throw new IllegalArgumentException("constraint " + k + " of trial " + number() + " is NaN, in "
            + java.util.Arrays.toString(values) + "; return a number: <= 0 when satisfied, positive by how much it"
            + " is violated");
      }
    }
    study.checkConstraintCount(number(), values.length);
    String json = Constraints.json(values);
    study.storage().setTrialSystemAttribute(stored.id(), Constraints.ATTRIBUTE, json);
    constraints = json;
  }

  /** This trial as it stands: params, intermediate values, user attributes. */
  public FrozenTrial snapshot() {
    Map<String, String> attrs = new LinkedHashMap<>(stored.userAttributes());
    attrs.putAll(userAttributes);
    Map<String, String> system = stored.systemAttributes();
    if (constraints != null) {
      system = new LinkedHashMap<>(system);
      system.put(Constraints.ATTRIBUTE, constraints);
    }
    return new FrozenTrial(stored.id(), stored.number(), TrialState.RUNNING, List.of(), stored.start(), null, params,
        distributions, intermediate, attrs, system);
  }

  // ---- Trial: what the space's sample(trial) asks ----

  @Override
  public double suggestFloat(String name, FloatSpace floatSpace) {
    Distribution d = distribution(name, () -> new FloatDistribution(floatSpace.min(), floatSpace.max(), floatSpace.log(),
        floatSpace.step() == 0 ? null : floatSpace.step()));
    return (Double) d.toExternal(suggest(name, d));
  }

  @Override
  public long suggestInt(String name, IntSpace intSpace) {
    Distribution d = distribution(name, () -> new IntDistribution(intSpace.min(), intSpace.max(), intSpace.log(),
        intSpace.step()));
    return (Long) d.toExternal(suggest(name, d));
  }

  @Override
  public <C> C suggestCategorical(String name, CategoricalSpace<C> categorical) {
    Distribution d = distribution(name, () -> new CategoricalDistribution(List.copyOf(categorical.choices()),
        categorical.weights()));
    return categorical.choices().get((int) suggest(name, d));
  }

  private Distribution distribution(String name, java.util.function.Supplier<Distribution> fromSpace) {
    Distribution d = space.distributions().get(name);
    return d != null ? d : fromSpace.get();
  }

  /** The internal value of {@code name}: asked before, fixed, relative, or independent, in that order. */
  private double suggest(String name, Distribution d) {
    Double known = params.get(name);
    if (known != null) {
      return known;
    }
    double value;
    Object fixedValue = fixed.get(name);
    if (fixedValue != null && d.contains(fixedValue)) {
      value = d.toInternal(fixedValue);
    } else {
      if (fixedValue != null) {
        log.warn("trial {}: the enqueued value {} of '{}' is not in {}; sampling it instead", number(), fixedValue,
            name, d);
      }
      Double rel = relative.get(name);
      value = rel != null ? rel : study.sampler().sampleIndependent(context, stored, name, d);
      if (!d.contains(d.toExternal(value))) {
        throw new StudyException(study.sampler().getClass().getName() + " proposed " + d.toExternal(value)
            + " for '" + name + "', which is not in " + d);
      }
    }
    params.put(name, value);
    distributions.put(name, d);
    return value;
  }

  // ---- what Study drives ----

  void sampleRelative() {
    Map<String, Distribution> searchSpace = study.sampler().inferRelativeSearchSpace(context, stored);
    if (!searchSpace.isEmpty()) {
      relative = Map.copyOf(study.sampler().sampleRelative(context, stored, searchSpace));
    }
  }

  void setConfig(T config) {
    this.config = config;
  }

  Map<String, Double> internalParams() {
    return params;
  }

  Map<String, Distribution> paramDistributions() {
    return distributions;
  }

  TrialContext context() {
    return context;
  }

  Map<Integer, Double> intermediateValues() {
    return intermediate;
  }

  /** Marks this object finished; {@code false} if it already was (told twice, or failed on timeout). */
  synchronized boolean markFinished() {
    if (finished) {
      return false;
    }
    finished = true;
    return true;
  }

  boolean isFinished() {
    return finished;
  }

  Instant start() {
    return stored.start();
  }
}
