package io.paramspace.runtime;

/**
 * Integers in {@code [min, max]}: uniform, log-uniform ({@code log}) or every {@code step}. The
 * width {@code max - min} is taken as an unsigned number, so ranges wider than {@code
 * Long.MAX_VALUE} work.
 */
public record IntSpace(long min, long max, boolean log, long step) implements Space {
  public IntSpace {
    if (min >= max) {
      throw new IllegalArgumentException("IntSpace needs min < max, got [" + min + ", " + max + "]");
    }
    if (log && (min <= 0 || step != 1)) {
      throw new IllegalArgumentException(
          "a log IntSpace needs min > 0 and step 1, got min " + min + ", step " + step);
    }
    if (step < 1 || Long.remainderUnsigned(max - min, step) != 0) {
      throw new IllegalArgumentException(
          "IntSpace step must divide max - min, got " + step + " for [" + min + ", " + max + "]");
    }
  }

  public static IntSpace uniform(long min, long max) {
    return new IntSpace(min, max, false, 1);
  }

  /** {@code true} if {@code value} lies in the space (on a step when there is one). */
  public boolean contains(long value) {
    return value >= min && value <= max && Long.remainderUnsigned(value - min, step) == 0;
  }
}
