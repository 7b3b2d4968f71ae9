/**
 * Helpers the runtime's packages share: value checks, "did you mean" suggestions, key and field
 * paths, the required generated access. Not API: public only for the runtime's other packages,
 * may change without notice.
 */
package io.paramspace.runtime.internal;
