/**
 * Search algorithms over a {@link io.paramspace.runtime.ConfigSpace}, free of storage: they take
 * a study's history and return the next point, and keep nothing between calls, so a study engine
 * can run them in many workers over one database.
 *
 * <ul>
 *   <li>{@link io.paramspace.samplers.Tpe}: the tree-structured Parzen estimator, with one joint
 *       model along the space's tree (conditional and polymorphic parameters modelled together
 *       with the shared ones). Its class comment describes the algorithm.
 *   <li>{@link io.paramspace.samplers.Nsga2}: NSGA-II with Optuna's defaults, along the tree,
 *       with Deb's constrained domination when observations carry constraint values.
 *   <li>{@link io.paramspace.samplers.Hypervolume} (exact, any number of objectives) and {@link
 *       io.paramspace.samplers.Hssp} (greedy hypervolume subset selection): what MOTPE ({@code Tpe}
 *       with several directions) splits and weighs its good set by.
 *   <li>{@link io.paramspace.samplers.CmaEs}: CMA-ES over the numeric parameters in the unit cube,
 *       with IPOP restarts, its state replayed from the tagged history; {@link
 *       io.paramspace.samplers.CmaEsOptimizer} is the ask/tell engine itself.
 *   <li>{@link io.paramspace.samplers.Observation}: what a sampler reads of one trial (its active
 *       parameters in internal form, its state, its value or last intermediate value).
 *   <li>{@link io.paramspace.samplers.Proposal}: what a sampler returns; {@code
 *       space.sample(proposal.trial())} is the proposed config.
 *   <li>{@link io.paramspace.samplers.Direction}: minimize or maximize.
 * </ul>
 *
 * <pre>{@code
 * ConfigSpace<TrainingConfig> space = TrainingConfigSpace.space();
 * List<Observation> history = ...;                 // from the study's storage, in trial order
 * Proposal next = Tpe.defaults().propose(space, history, Direction.MINIMIZE, new Rng(seed));
 * TrainingConfig config = next.config(space);      // = space.sample(next.trial())
 * Map<String, Object> stored = next.externalParams(space);   // what the study stores
 * // ... evaluate, then history.add(Observation.complete(next.params(), value))
 * }</pre>
 *
 * <p>The benchmarks ({@code io.paramspace.bench.search.TpeBenchmark} and {@code
 * benchmarks/python/tpe_bench.py}) compare this TPE with Optuna's on Branin, Hartmann-6 and the
 * conditional objective of optuna#5299, and time it.
 */
package io.paramspace.samplers;
