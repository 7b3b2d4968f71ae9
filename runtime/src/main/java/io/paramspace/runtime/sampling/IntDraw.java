package io.paramspace.runtime.sampling;

import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.RandomTrial;
import io.paramspace.runtime.Rng;

/**
 * RandomTrial's draw of an {@link IntSpace} (the formulas are in {@link RandomTrial}'s Javadoc),
 * with what depends only on the space worked out once: the number of values (a 64-bit division
 * unless the step is 1) and the logs of the widened bounds of a log space. {@link ConfigSampler}
 * keeps one per field (generated {@code random(Rng)} methods hold it in a constant); {@link
 * RandomTrial#suggestInt} makes one per call. Immutable.
 */
public final class IntDraw {
  private final long min;
  private final long max;
  private final long step;
  /** Values in the space, unsigned; 0 or negative for 2^63 values or more (0 is 2^64). */
  private final long span;
  private final boolean log;
  private final double logLow;
  private final double logWidth;

  public IntDraw(IntSpace space) {
    min = space.min();
    max = space.max();
    step = space.step();
    span = (step == 1 ? max - min : Long.divideUnsigned(max - min, step)) + 1;
    log = space.log();
    logLow = log ? StrictMath.log(min - 0.5) : 0;
    logWidth = log ? StrictMath.log(max + 0.5) - logLow : 0;
  }

  /** The next value drawn from {@code rng}. */
  public long next(Rng rng) {
    if (log) {
      double value = StrictMath.exp(logLow + rng.nextDouble() * logWidth);
      return Math.max(min, Math.min(max, Math.round(value)));
    }
    if (span <= 0) {
      return min + wideIndex(rng) * step;
    }
    return min + rng.nextLong(span) * step;
  }

  /** 2^63 values or more: raw 64 bits until one is below span as an unsigned number. */
  private long wideIndex(Rng rng) {
    long k;
    do {
      k = rng.nextLong();
    } while (span != 0 && Long.compareUnsigned(k, span) >= 0);
    return k;
  }
}
