/**
 * What samples: {@link io.paramspace.runtime.sampling.ConfigSampler} and the per-field draws that
 * generated {@code sample} and {@code random(Rng)} methods call, and the bridge between configs
 * and parameter maps. Internals of the runtime, public only for generated code and the runtime's
 * other packages: not API, may change without notice.
 */
package io.paramspace.runtime.sampling;
