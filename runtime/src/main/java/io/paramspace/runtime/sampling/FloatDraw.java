package io.paramspace.runtime.sampling;

import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.RandomTrial;
import io.paramspace.runtime.Rng;
import io.paramspace.runtime.text.Literals;
import java.math.BigDecimal;

/**
 * RandomTrial's draw of a {@link FloatSpace} (the formulas are in {@link RandomTrial}'s Javadoc),
 * with what depends only on the space worked out once: the logs of the bounds ({@code
 * StrictMath.log} is a native call of some 15 ns on JDK 17), the grid size and its decimal
 * bounds. {@link ConfigSampler} keeps one per field (generated {@code random(Rng)} methods hold
 * it in a constant); {@link RandomTrial#suggestFloat} makes one
 * per call, so both run this code. Immutable.
 */
public final class FloatDraw {
  private final double min;
  private final double max;
  private final double width;
  private final boolean log;
  private final double logMin;
  private final double logWidth;
  /** Grid points of a stepped space; 0 for a continuous one. */
  private final long gridSize;
  private final BigDecimal decimalMin;
  private final BigDecimal decimalStep;

  public FloatDraw(FloatSpace space) {
    min = space.min();
    max = space.max();
    width = max - min;
    log = space.log();
    logMin = log ? StrictMath.log(min) : 0;
    logWidth = log ? StrictMath.log(max) - logMin : 0;
    if (space.step() > 0) {
      gridSize = Math.round((max - min) / space.step()) + 1;
      // Shortest digits, as Literals.formatDouble writes them: a grid of 0.1 gives 0.3.
      decimalMin = new BigDecimal(Literals.formatDouble(min));
      decimalStep = new BigDecimal(Literals.formatDouble(space.step()));
    } else {
      gridSize = 0;
      decimalMin = null;
      decimalStep = null;
    }
  }

  /** The next value drawn from {@code rng}. */
  public double next(Rng rng) {
    if (gridSize > 0) {
      return Math.min(max, gridValue(rng.nextLong(gridSize)));
    }
    double u = rng.nextDouble();
    if (log) {
      return Math.max(min, Math.min(max, StrictMath.exp(logMin + u * logWidth)));
    }
    return Math.min(max, min + u * width);
  }

  /** {@code min + k * step} in decimal, rounded once: grid values read as they are written. */
  private double gridValue(long k) {
    return decimalMin.add(decimalStep.multiply(BigDecimal.valueOf(k))).doubleValue();
  }
}
