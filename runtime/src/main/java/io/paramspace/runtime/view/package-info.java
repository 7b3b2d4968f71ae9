/**
 * What shows a space: its tree, parameter names, distributions and hash. Internals of the runtime,
 * public only for generated code and the runtime's other packages: not API, may change without
 * notice; users call the same through {@link io.paramspace.runtime.ConfigSpace}.
 */
package io.paramspace.runtime.view;
