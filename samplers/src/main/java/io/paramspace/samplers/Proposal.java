package io.paramspace.samplers;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.Trial;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A point a sampler proposes: the internal value of every parameter on the proposed active path,
 * by hierarchical name, in the order the space asks them. {@link #trial()} answers a space's
 * questions from it, so {@code space.sample(proposal.trial())} is the proposed config.
 *
 * @param params internal values (see {@link Observation}): floats and ints as themselves, choices
 *     by index
 * @param origin whether the point is a random start-up point, the TPE model's choice, or a child
 */
public record Proposal(Map<String, Double> params, Origin origin) {

  /** Where a proposal came from. */
  public enum Origin {
    /** Drawn from the space's own distribution (too few trials for the model yet). */
    RANDOM,
    /** Chosen by the TPE model. */
    TPE,
    /** A child of earlier trials (NSGA-II's crossover and mutation). */
    EVOLVED
  }

  public Proposal {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(params, "params")));
    Objects.requireNonNull(origin, "origin");
  }

  /**
   * A Trial that answers each question from {@link #params()}: floats and ints as proposed, a
   * categorical with the choice at the proposed index.
   *
   * @throws IllegalStateException from a {@code suggest} call for a parameter the proposal has no
   *     value for (the space asked is not the one the proposal was made for)
   */
  public Trial trial() {
    return new Trial() {
      @Override
      public double suggestFloat(String name, FloatSpace space) {
        return valueOf(name);
      }

      @Override
      public long suggestInt(String name, IntSpace space) {
        return Math.round(valueOf(name));
      }

      @Override
      public <T> T suggestCategorical(String name, CategoricalSpace<T> space) {
        return space.choices().get((int) valueOf(name));
      }
    };
  }

  /** The proposed config: {@code space.sample(trial())}. */
  public <T> T config(ConfigSpace<T> space) {
    return space.sample(trial());
  }

  /** The proposed parameters in external form (what a study stores), by {@code space}'s distributions. */
  public Map<String, Object> externalParams(ConfigSpace<?> space) {
    Map<String, Distribution> distributions = space.distributions();
    Map<String, Object> external = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : params.entrySet()) {
      Distribution d = distributions.get(e.getKey());
      if (d == null) {
        throw new IllegalArgumentException("the space has no parameter '" + e.getKey() + "'");
      }
      external.put(e.getKey(), d.toExternal(e.getValue()));
    }
    return external;
  }

  /** This proposal as a running observation: what a pending point is to the constant liar. */
  public Observation asRunning() {
    return Observation.running(params);
  }

  private double valueOf(String name) {
    Double v = params.get(name);
    if (v == null) {
      throw new IllegalStateException("the proposal has no value for parameter '" + name
          + "': it was made for another space; it has " + params.keySet());
    }
    return v;
  }
}
