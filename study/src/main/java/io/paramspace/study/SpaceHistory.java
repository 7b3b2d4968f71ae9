package io.paramspace.study;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import io.paramspace.study.storage.AppendOnlyList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The finished trials of a study that fit one space, kept incrementally: each finished trial is
 * checked once (its parameters against the space's distributions, then {@code fromParameters}
 * for the structure) and, if it fits, kept with its params re-expressed in the space's internal
 * form. Thread-safe.
 */
final class SpaceHistory {
  static final String EXCLUDED = "paramspace:excluded";

  private final ConfigSpace<?> space;
  private final Map<String, Distribution> distributions;
  private final AppendOnlyList<FrozenTrial> fitting = new AppendOnlyList<>();
  private int checked;

  SpaceHistory(ConfigSpace<?> space) {
    this.space = space;
    this.distributions = space.distributions();
  }

  /** The fitting trials among {@code finished} (a storage's append-only snapshot). */
  synchronized List<FrozenTrial> update(List<FrozenTrial> finished) {
    if (finished.size() < checked) {
      // The storage's list was rebuilt (another study object deleted trials): check all again.
      fitting.clear();
      checked = 0;
    }
    for (int i = checked; i < finished.size(); i++) {
      FrozenTrial t = finished.get(i);
      if (!isExcluded(t)) {
        fit(space, distributions, t).ifPresent(fitting::add);
      }
    }
    checked = finished.size();
    return fitting.snapshot();
  }

  synchronized void reset() {
    fitting.clear();
    checked = 0;
  }

  static boolean isExcluded(FrozenTrial t) {
    return "true".equals(t.systemAttributes().get(EXCLUDED));
  }

  /**
   * {@code trial} re-expressed in {@code space}, if it is a point of the space. A trial with its
   * typed config stored is judged by that config ({@code fromJson} validates it against the space,
   * fixed values of a narrowed space included) and gets the config's parameters in this space; a
   * trial without one (written by Python Optuna) fits if each of its parameters is a value of the
   * space's distribution of that name and together they make a config of the space.
   */
  static Optional<FrozenTrial> fit(ConfigSpace<?> space, Map<String, Distribution> distributions, FrozenTrial trial) {
    if (trial.params().isEmpty()) {
      return Optional.empty();
    }
    String json = trial.userAttributes().get(Study.CONFIG_ATTRIBUTE);
    if (json != null) {
      return fitConfig(space, distributions, trial, json);
    }
    Map<String, Double> params = new LinkedHashMap<>();
    Map<String, Distribution> dists = new LinkedHashMap<>();
    Map<String, Object> external = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : trial.params().entrySet()) {
      String name = e.getKey();
      Distribution current = distributions.get(name);
      if (current == null) {
        return Optional.empty();
      }
      Distribution stored = trial.distributions().get(name);
      Object value = stored.toExternal(e.getValue());
      if (!current.contains(value)) {
        return Optional.empty();
      }
      params.put(name, current.equals(stored) ? e.getValue() : current.toInternal(value));
      dists.put(name, current);
      external.put(name, value);
    }
    try {
      space.fromParameters(external);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(reexpressed(trial, params, dists));
  }

  private static <T> Optional<FrozenTrial> fitConfig(ConfigSpace<T> space, Map<String, Distribution> distributions,
      FrozenTrial trial, String json) {
    Map<String, Object> external;
    try {
      external = space.parameters(space.fromJson(json));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    Map<String, Double> params = new LinkedHashMap<>();
    Map<String, Distribution> dists = new LinkedHashMap<>();
    external.forEach((name, value) -> {
      Distribution d = distributions.get(name);
      params.put(name, d.toInternal(value));
      dists.put(name, d);
    });
    return Optional.of(reexpressed(trial, params, dists));
  }

  private static FrozenTrial reexpressed(FrozenTrial trial, Map<String, Double> params, Map<String, Distribution> dists) {
    return new FrozenTrial(trial.id(), trial.number(), trial.state(), trial.values(), trial.start(), trial.end(),
        params, dists, trial.intermediateValues(), trial.userAttributes(), trial.systemAttributes());
  }
}
