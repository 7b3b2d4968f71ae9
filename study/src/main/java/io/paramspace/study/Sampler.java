package io.paramspace.study;

import io.paramspace.runtime.Distribution;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Proposes the parameters of a trial, from the study's history, as Optuna's {@code BaseSampler}:
 *
 * <ol>
 *   <li>{@link #inferRelativeSearchSpace} names the parameters to draw jointly for this trial
 *       (TPE's multivariate mode: the intersection of the distributions of past trials; NSGA-II:
 *       every parameter), and {@link #sampleRelative} draws them at once, before the config is
 *       built;
 *   <li>while the space builds the config define-by-run (only the active parameters are asked),
 *       each parameter that the relative draw did not cover, or that was not fixed by {@link
 *       Study#enqueue}, comes from {@link #sampleIndependent};
 *   <li>{@link #afterTrial} is told when the trial finishes.
 * </ol>
 *
 * <p>A sampler that must hand out something exactly once across workers (a grid point) asks for
 * a {@link Ticket}: the storage draws it atomically as it starts the trial within the study's
 * total ({@link io.paramspace.study.storage.Storage#startTrial(long, int, Map, boolean,
 * io.paramspace.study.storage.Storage.TicketRequest)}), and the sampler reads it back from
 * the trial's system attributes in {@link #sampleRelative}.
 *
 * <p>Values are in internal form ({@link Distribution#toInternal}): the float itself, the integer
 * as a double, a categorical's index. A sampler keeps no state that the storage does not have,
 * so that workers sharing a study agree; it must be thread-safe (one instance serves every
 * thread of {@link Study#optimize}). A relative value that is not in its distribution is an
 * error naming the sampler.
 */
public interface Sampler {

  /** The parameters to sample jointly for {@code trial}; none by default. */
  default Map<String, Distribution> inferRelativeSearchSpace(StudyContext study, FrozenTrial trial) {
    return Map.of();
  }

  /** Internal values for some or all of {@code searchSpace}; none by default. */
  default Map<String, Double> sampleRelative(StudyContext study, FrozenTrial trial,
      Map<String, Distribution> searchSpace) {
    return Map.of();
  }

  /** An internal value of {@code distribution} for the parameter {@code name} of {@code trial}. */
  double sampleIndependent(StudyContext study, FrozenTrial trial, String name, Distribution distribution);

  /** Called once a trial of this study has finished (complete, pruned or failed). */
  default void afterTrial(StudyContext study, FrozenTrial trial) {}

  /**
   * The ticket each new trial of this sampler must hold; none by default. When every ticket is
   * drawn, {@link Study#ask} throws {@link SearchExhaustedException} with {@link
   * Ticket#exhausted()} and {@link Study#optimize} stops (an enqueued trial is still taken first,
   * without a ticket).
   */
  default Optional<Ticket> ticket(StudyContext study) {
    return Optional.empty();
  }

  /**
   * A counter the storage draws from as it creates a trial (see {@link
   * io.paramspace.study.storage.Storage#createTrialWithTicket}).
   *
   * @param counter the study system attribute that counts the tickets drawn
   * @param limit tickets are {@code 0 .. limit - 1}
   * @param systemAttributes the system attributes (key to JSON) a trial holding a ticket is created
   *     with: how the sampler finds its ticket again
   * @param exhausted the message when all tickets are drawn: what is exhausted and what to do
   */
  record Ticket(String counter, long limit, LongFunction<Map<String, String>> systemAttributes, String exhausted) {}
}
