/**
 * Paramspace's runtime: what users and generated {@code XxxSpace} classes call. {@link
 * io.paramspace.runtime.ConfigSpace} is the handle of a {@code @SearchSpace} record's space; the
 * space model ({@link io.paramspace.runtime.Space} and its kinds), trials, {@link
 * io.paramspace.runtime.Rng}, {@link io.paramspace.runtime.Overrides}, file formats and problems
 * live here too. The sub-packages are the runtime's internals.
 */
package io.paramspace.runtime;
