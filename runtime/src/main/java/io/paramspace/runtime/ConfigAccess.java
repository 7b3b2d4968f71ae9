package io.paramspace.runtime;

import io.paramspace.runtime.sampling.ConfigSampler;

/**
 * The generated code of a config record, which the runtime calls instead of reflection: read its
 * components, build one from components, and sample one. Each generated {@code XxxSpace} has one
 * (its nested {@code Access} class); users do not implement it.
 *
 * @param <T> the record type
 */
public interface ConfigAccess<T> {
  /** The components of {@code config} (a {@code T}), in declaration order. */
  Object[] components(Object config);

  /** A new config from its components, each of the component's exact type (boxed). */
  T create(Object[] components);

  /**
   * A config from {@code trial}, one question per active field in sampling order, through {@code
   * sampler}: the sampler of this record's space at its place in the parameter tree (narrowed or
   * not).
   */
  T sample(Trial trial, ConfigSampler sampler);

  /** The next config drawn from {@code rng} with the generated straight-line code (unnarrowed space). */
  T random(Rng rng);
}
