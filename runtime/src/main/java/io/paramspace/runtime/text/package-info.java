/**
 * What reads, writes and checks: JSON, YAML and TOML into located trees and back, configs to and
 * from files, config validation, and how values are written in messages. Internals of the runtime,
 * public only for generated code and the runtime's other packages: not API, may change without
 * notice.
 */
package io.paramspace.runtime.text;
