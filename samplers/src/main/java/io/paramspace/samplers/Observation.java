package io.paramspace.samplers;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a sampler knows of one trial of a study: its parameters and how it ended. A study adapter
 * builds these from its storage; the samplers keep nothing else.
 *
 * <ul>
 *   <li>{@code params}: the trial's <em>active</em> parameters, by hierarchical name, in the internal
 *       form of {@link Distribution} (the value itself for floats and ints, the index of the choice
 *       for categoricals). A name the current space does not have is ignored; a value the current
 *       distribution does not contain (outside a narrowed range, off its grid, NaN) makes the
 *       sampler skip the whole trial, see {@link Tpe}. {@link #internalParams} converts stored
 *       (external) values.
 *   <li>{@code state}: {@link State#COMPLETE}, {@link State#PRUNED} or {@link State#RUNNING}.
 *       Failed trials are not passed at all.
 *   <li>{@code values}: for a complete trial its objective value (one per objective); for a pruned
 *       trial its last intermediate value, or nothing if it reported none; empty while running.
 *   <li>{@code step}: for a pruned trial, the step of that last intermediate value ({@code -1} if
 *       none); {@code -1} otherwise.
 *   <li>{@code constraints}: the trial's constraint values, as Optuna's {@code constraints_func}
 *       gives them (a value {@code <= 0} is satisfied, a positive one is by how much it is
 *       violated), or empty if it has none. {@link Nsga2} and {@link Tpe} treat a history as
 *       constrained when a complete observation has constraint values; a complete observation
 *       without them then counts as infeasible (see {@link #violation()}).
 * </ul>
 *
 * <p>The history a sampler takes is a list of observations in the order the trials were created
 * (trial number order): Optuna's weights, which ramp down older trials, read that order.
 */
public final class Observation {
  private final Map<String, Double> params;
  private final State state;
  private final List<Double> values;
  private final long step;
  private final List<Double> constraints;
  /**
   * The internal values by parameter index for the distributions a sampler last read this
   * observation with (null array: outside them). A sampler reading one history again and again
   * (each ask of a long study) then looks each value up once. Immutable; a race only recomputes.
   */
  private volatile Cached cached;

  private record Cached(Object distributions, double[] values) {}

  /** How a trial ended, as far as a sampler cares. */
  public enum State {
    /** Finished with its objective value(s). */
    COMPLETE,
    /** Stopped by a pruner; ranked by its last intermediate value. */
    PRUNED,
    /** Still running (or asked and pending): with the constant liar, counted as a bad trial. */
    RUNNING
  }

  /**
   * @throws IllegalArgumentException if the values and step do not fit the state (see the class
   *     comment), or a name or value is null
   */
  public Observation(Map<String, Double> params, State state, List<Double> values, long step) {
    this(params, state, values, step, List.of());
  }

  /**
   * @param constraints the constraint values ({@code <= 0} satisfied), or empty for none
   * @throws IllegalArgumentException as the other constructor, or if a constraint value is NaN
   */
  public Observation(Map<String, Double> params, State state, List<Double> values, long step,
      List<Double> constraints) {
    Objects.requireNonNull(state, "state");
    constraints = List.copyOf(constraints);
    for (int k = 0; k < constraints.size(); k++) {
      if (Double.isNaN(constraints.get(k))) {
        throw new IllegalArgumentException("constraint " + k + " of an observation is NaN, in " + constraints
            + "; a constraint value is <= 0 when satisfied and positive by how much it is violated");
      }
    }
    params = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(params, "params")));
    values = List.copyOf(values);
    for (Map.Entry<String, Double> e : params.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException("parameter names and values must not be null, got " + params);
      }
    }
    switch (state) {
      case COMPLETE -> {
        if (values.isEmpty()) {
          throw new IllegalArgumentException("a complete observation needs its objective value(s)");
        }
        if (step != -1) {
          throw new IllegalArgumentException("only a pruned observation has a step, got " + step);
        }
      }
      case PRUNED -> {
        if (values.size() > 1) {
          throw new IllegalArgumentException("a pruned observation has one last intermediate value, got " + values);
        }
        if (values.isEmpty() != (step == -1)) {
          throw new IllegalArgumentException(
              "a pruned observation has a step (>= 0) exactly when it has an intermediate value, got step "
                  + step + " and " + values);
        }
        if (step < -1) {
          throw new IllegalArgumentException("steps are >= 0, got " + step);
        }
      }
      case RUNNING -> {
        if (!values.isEmpty() || step != -1) {
          throw new IllegalArgumentException("a running observation has no values and no step");
        }
      }
    }
    this.params = params;
    this.state = state;
    this.values = values;
    this.step = step;
    this.constraints = constraints;
  }

  /** This observation with {@code newConstraints} as its constraint values (see the class comment). */
  public Observation withConstraints(List<Double> newConstraints) {
    return new Observation(params, state, values, step, newConstraints);
  }

  /** The constraint values ({@code <= 0} satisfied), or empty if the trial has none. */
  public List<Double> constraints() {
    return constraints;
  }

  /**
   * The total violation of the constraints: the sum of the positive constraint values, 0 if all
   * are satisfied, and {@code +inf} if the observation has no constraint values (in a constrained
   * history a trial that reported none ranks after every one that did, as in Optuna).
   */
  public double violation() {
    if (constraints.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    double total = 0;
    for (double c : constraints) {
      if (c > 0) {
        total += c;
      }
    }
    return total;
  }

  /** The active parameters, by name, in internal form. */
  public Map<String, Double> params() {
    return params;
  }

  public State state() {
    return state;
  }

  /** The objective value(s) of a complete trial; the last intermediate value of a pruned one, if any. */
  public List<Double> values() {
    return values;
  }

  /** The step of a pruned trial's last intermediate value, or -1. */
  public long step() {
    return step;
  }

  /**
   * The internal values by {@code params}' indices (NaN where inactive), or null if a value lies
   * outside its distribution; remembered for {@code distributions} (the map the params came from).
   */
  double[] internalValues(Object distributions, Param[] byIndex) {
    Cached c = cached;
    if (c != null && c.distributions() == distributions) {
      return c.values();
    }
    double[] v = new double[byIndex.length];
    for (Param param : byIndex) {
      Double x = params.get(param.name);
      if (x == null) {
        v[param.index] = Double.NaN;
      } else if (param.contains(x)) {
        v[param.index] = x;
      } else {
        v = null;
        break;
      }
    }
    cached = new Cached(distributions, v);
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Observation that && step == that.step && state == that.state && params.equals(that.params)
        && values.equals(that.values) && constraints.equals(that.constraints);
  }

  @Override
  public int hashCode() {
    return Objects.hash(params, state, values, step, constraints);
  }

  @Override
  public String toString() {
    return "Observation[params=" + params + ", state=" + state + ", values=" + values + ", step=" + step
        + (constraints.isEmpty() ? "" : ", constraints=" + constraints) + "]";
  }

  /** A complete trial of a single-objective study. */
  public static Observation complete(Map<String, Double> params, double value) {
    return new Observation(params, State.COMPLETE, List.of(value), -1);
  }

  /** A complete trial of a study with one value per objective. */
  public static Observation complete(Map<String, Double> params, List<Double> values) {
    return new Observation(params, State.COMPLETE, values, -1);
  }

  /** A pruned trial whose last intermediate value, at {@code step}, was {@code value}. */
  public static Observation pruned(Map<String, Double> params, long step, double value) {
    return new Observation(params, State.PRUNED, List.of(value), step);
  }

  /** A pruned trial that reported no intermediate value (ranked below every other pruned trial). */
  public static Observation pruned(Map<String, Double> params) {
    return new Observation(params, State.PRUNED, List.of(), -1);
  }

  /** A running (or pending) trial, with the parameters it has so far. */
  public static Observation running(Map<String, Double> params) {
    return new Observation(params, State.RUNNING, List.of(), -1);
  }

  /** The single objective value of a complete trial, or the intermediate value of a pruned one. */
  public double value() {
    if (values.size() != 1) {
      throw new IllegalStateException("this observation has " + values.size() + " values, not one: " + values);
    }
    return values.get(0);
  }

  /**
   * Stored parameters (external form, as {@link ConfigSpace#parameters} gives them, or real
   * values) in the internal form of {@code space}'s current distributions. A value the current
   * distribution does not contain becomes NaN, so the trial is skipped as outside the space; a name
   * the space does not have is dropped.
   */
  public static Map<String, Double> internalParams(ConfigSpace<?> space, Map<String, ?> external) {
    Map<String, Distribution> distributions = space.distributions();
    Map<String, Double> internal = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : external.entrySet()) {
      Distribution d = distributions.get(e.getKey());
      if (d == null) {
        continue;
      }
      Object value = e.getValue();
      if (value instanceof Enum<?> constant) {
        value = constant.name();
      }
      if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
        value = ((Number) value).longValue();
      }
      if (value instanceof Float f && d instanceof Distribution.FloatDistribution) {
        value = f.doubleValue();
      }
      if (value instanceof Record r && d instanceof Distribution.CategoricalDistribution) {
        value = r.getClass().getSimpleName();
      }
      internal.put(e.getKey(), value != null && d.contains(value) ? d.toInternal(value) : Double.NaN);
    }
    return internal;
  }
}
