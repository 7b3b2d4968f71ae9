/**
 * What narrows: applies {@link io.paramspace.runtime.Overrides} to a space, writes the override
 * template, and the base class of the generated typed builders. Internals of the runtime, public
 * only for generated code and the runtime's other packages: not API, may change without notice.
 */
package io.paramspace.runtime.overrides;
