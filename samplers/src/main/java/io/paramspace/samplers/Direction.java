package io.paramspace.samplers;

/** Whether a study minimizes or maximizes its objective. */
public enum Direction {
  MINIMIZE,
  MAXIMIZE;

  /** The factor that turns an objective value into a loss (smaller is better). */
  double sign() {
    return this == MINIMIZE ? 1 : -1;
  }
}
