package io.paramspace.study;

/**
 * What a study with several objectives evaluates ({@link Study#optimizeMulti}): one value per
 * direction of the study, in the order of {@link Study#directions()}. As with {@link Objective}, an
 * exception fails the trial, {@link TrialPrunedException} prunes it, and a NaN or infinite value, or
 * a wrong number of values, fails it.
 */
@FunctionalInterface
public interface MultiObjective<T> {
  double[] evaluate(T config, StudyTrial<T> trial) throws Exception;
}
