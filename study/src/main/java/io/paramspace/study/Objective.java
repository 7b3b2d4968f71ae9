package io.paramspace.study;

/**
 * What {@link Study#optimize} evaluates: the typed config of a trial, and the trial itself for
 * {@link StudyTrial#report}, {@link StudyTrial#shouldPrune} and user attributes. It returns the
 * value to minimize or maximize. An exception marks the trial failed (and {@link
 * TrialPrunedException} pruned); so does a NaN or infinite value.
 */
@FunctionalInterface
public interface Objective<T> {
  double evaluate(T config, StudyTrial<T> trial) throws Exception;
}
