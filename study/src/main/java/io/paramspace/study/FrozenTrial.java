package io.paramspace.study;

import io.paramspace.runtime.Distribution;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A snapshot of one stored trial, as Optuna's {@code FrozenTrial}: what a storage returns and a
 * sampler or pruner reads.
 *
 * @param id the storage's trial id (unique across studies of one storage)
 * @param number the trial's number within its study, from 0
 * @param values one per objective when complete (and for a pruned trial that reported a finite
 *     value), else empty
 * @param params parameter name to <em>internal</em> value (see {@link Distribution}), in the
 *     order they were set
 * @param distributions parameter name to the distribution its value was drawn from
 * @param userAttributes and {@code systemAttributes}: key to a JSON text
 * @param end {@code null} while running or waiting
 */
public record FrozenTrial(
    long id,
    int number,
    TrialState state,
    List<Double> values,
    Instant start,
    Instant end,
    Map<String, Double> params,
    Map<String, Distribution> distributions,
    SortedMap<Integer, Double> intermediateValues,
    Map<String, String> userAttributes,
    Map<String, String> systemAttributes) {

  public FrozenTrial {
    values = List.copyOf(values);
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    distributions = Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
    intermediateValues = Collections.unmodifiableSortedMap(new TreeMap<>(intermediateValues));
    userAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(userAttributes));
    systemAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(systemAttributes));
  }

  /** The single objective's value; only for a trial with exactly one value. */
  public double value() {
    if (values.size() != 1) {
      throw new IllegalStateException("trial " + number + " has " + values.size()
          + " values; use values() for a multi-objective study or a trial that is not complete");
    }
    return values.get(0);
  }

  /** The external value of parameter {@code name} (a Double, Long, String or Boolean). */
  public Object param(String name) {
    Double internal = params.get(name);
    if (internal == null) {
      throw new IllegalArgumentException("trial " + number + " has no parameter '" + name + "'; it has "
          + params.keySet());
    }
    return distributions.get(name).toExternal(internal);
  }

  /** Every parameter in external form, in the order they were set. */
  public Map<String, Object> externalParams() {
    Map<String, Object> external = new LinkedHashMap<>();
    params.forEach((name, internal) -> external.put(name, distributions.get(name).toExternal(internal)));
    return external;
  }

  /** This trial with other attributes, state or values: what a storage's updates produce. */
  public FrozenTrial with(TrialState newState, List<Double> newValues, Instant newEnd) {
    return new FrozenTrial(id, number, newState, newValues, start, newEnd, params, distributions,
        intermediateValues, userAttributes, systemAttributes);
  }

  /** This trial as stored under another id and number (a storage assigns both). */
  public FrozenTrial renumbered(long newId, int newNumber) {
    return new FrozenTrial(newId, newNumber, state, values, start, end, params, distributions,
        intermediateValues, userAttributes, systemAttributes);
  }

  /** This trial with one more system attribute. */
  public FrozenTrial withSystemAttribute(String key, String json) {
    Map<String, String> attrs = new LinkedHashMap<>(systemAttributes);
    attrs.put(key, json);
    return new FrozenTrial(id, number, state, values, start, end, params, distributions,
        intermediateValues, userAttributes, attrs);
  }

  /** This trial with one more user attribute. */
  public FrozenTrial withUserAttribute(String key, String json) {
    Map<String, String> attrs = new LinkedHashMap<>(userAttributes);
    attrs.put(key, json);
    return new FrozenTrial(id, number, state, values, start, end, params, distributions,
        intermediateValues, attrs, systemAttributes);
  }

  /** A template for {@link io.paramspace.study.storage.Storage#createTrial}: id and number unset. */
  public static FrozenTrial template(TrialState state, Instant start, Instant end, List<Double> values,
      Map<String, Double> params, Map<String, Distribution> distributions,
      Map<Integer, Double> intermediateValues, Map<String, String> userAttributes,
      Map<String, String> systemAttributes) {
    return new FrozenTrial(-1, -1, state, values, start, end, params, distributions,
        new TreeMap<>(intermediateValues), userAttributes, systemAttributes);
  }
}
