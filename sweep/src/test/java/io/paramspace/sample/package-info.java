/**
 * The sample app's search spaces ({@code sample-app/src/main/java/io/paramspace/sample}), copied
 * for this module's tests. The sweep module cannot depend on the sample app, not even for tests:
 * the sample app depends on the study module (its example study), which depends on this module
 * (the grid sampler walks {@code GridSource}), and Maven refuses the cycle. Keep these records
 * identical to the sample app's.
 */
package io.paramspace.sample;
