package io.paramspace.study;

/** Which way an objective is optimized; stored as Optuna's {@code StudyDirection} names. */
public enum Direction {
  MINIMIZE,
  MAXIMIZE;

  /** {@code true} if {@code a} is better than {@code b} in this direction. */
  public boolean isBetter(double a, double b) {
    return this == MINIMIZE ? a < b : a > b;
  }
}
