package io.paramspace.runtime;

/**
 * A source of parameter values, asked define-by-run as Optuna's {@code Trial} is: generated
 * {@code XxxSpace.sample(trial)} asks one question per active parameter, named by its
 * hierarchical parameter name ({@code TrainingConfig.optimizer::OptimizerConfig.learningRate}).
 * Inactive branches and fixed values are never asked.
 *
 * <p>Implementations: {@link RandomTrial} (seeded sampling), {@link ReplayTrial} (values from a
 * map), and later the study engine's trials.
 */
public interface Trial {
  /** A value in {@code space}, for the parameter {@code name}. */
  double suggestFloat(String name, FloatSpace space);

  /** A value in {@code space}, for the parameter {@code name}. */
  long suggestInt(String name, IntSpace space);

  /** One of {@code space.choices()}, of its real type, for the parameter {@code name}. */
  <T> T suggestCategorical(String name, CategoricalSpace<T> space);
}
