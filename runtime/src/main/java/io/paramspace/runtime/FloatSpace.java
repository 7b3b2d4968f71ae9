package io.paramspace.runtime;

/**
 * Real values in {@code [min, max]}: uniform, log-uniform ({@code log}) or on a grid of {@code
 * step} (0 for continuous). The processor has checked the bounds; the constructor checks again
 * for spaces built by hand.
 */
public record FloatSpace(double min, double max, boolean log, double step) implements Space {
  public FloatSpace {
    if (!(min < max) || !Double.isFinite(max - min)) {
      throw new IllegalArgumentException(
          "FloatSpace needs finite min < max with a finite width, got [" + min + ", " + max + "]");
    }
    if (log && (min <= 0 || step != 0)) {
      throw new IllegalArgumentException(
          "a log FloatSpace needs min > 0 and no step, got min " + min + ", step " + step);
    }
    // Tolerance: a range narrowed to two neighbouring grid points can be a hair under one step
    // in doubles (0.7 - 0.6 is 0.09999999999999998), as contains() allows for.
    if (!(step >= 0) || step > (max - min) * (1 + 1e-9) || (step > 0 && !isWholeNumber((max - min) / step))) {
      throw new IllegalArgumentException(
          "FloatSpace step must be 0 or divide max - min, got " + step + " for [" + min + ", " + max + "]");
    }
  }

  public static FloatSpace uniform(double min, double max) {
    return new FloatSpace(min, max, false, 0);
  }

  public static FloatSpace logUniform(double min, double max) {
    return new FloatSpace(min, max, true, 0);
  }

  /** {@code true} if {@code value} lies in the space (on a step when there is one). */
  public boolean contains(double value) {
    if (!(value >= min && value <= max)) {
      return false;
    }
    if (step == 0) {
      return true;
    }
    return isWholeNumber((value - min) / step);
  }

  /**
   * {@code true} if a count of steps is whole up to rounding: within 1e-9 of an integer relative
   * to its size (an absolute bound rejects grid points far from min), as the processor checks.
   */
  private static boolean isWholeNumber(double steps) {
    return Math.abs(steps - Math.rint(steps)) <= 1e-9 * Math.max(1, Math.abs(steps));
  }
}
