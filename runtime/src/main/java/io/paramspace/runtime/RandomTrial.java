package io.paramspace.runtime;

import java.math.BigDecimal;
import java.util.List;

/**
 * A Trial that draws every value from a seeded {@link Rng}, one draw sequence per trial: what
 * {@code XxxSpace.random(seed)} uses. Names are ignored; the order of questions (the generated
 * sampling order) decides which draw answers which parameter.
 *
 * <p>The formulas, with {@code u = rng.nextDouble()} uniform in {@code [0, 1)} and {@code
 * k = rng.nextLong(n)} uniform in {@code [0, n)} (both specified in {@link Rng}):
 *
 * <ul>
 *   <li>float, uniform: {@code min + u * (max - min)}, capped at {@code max};
 *   <li>float, log: {@code exp(log(min) + u * (log(max) - log(min)))} with {@link StrictMath}'s
 *       exp and log (bit-identical on every JVM), clamped to {@code [min, max]};
 *   <li>float, step: {@code min + k * step} with {@code n = round((max - min) / step) + 1},
 *       computed in decimal from the shortest digits of {@code min} and {@code step} (as {@link
 *       Literals#formatDouble} writes them) and rounded once to the nearest double, so a grid of
 *       0.1 gives 0.3, not 0.30000000000000004;
 *   <li>int, uniform or step: {@code min + k * step} with {@code n = (max - min) / step + 1}
 *       (unsigned); when {@code n} exceeds {@code Long.MAX_VALUE} (a range of more than 2^63
 *       values), {@code k} is instead the first {@code rng.nextLong()} below {@code n} as an
 *       unsigned number;
 *   <li>int, log: {@code round(exp(log(min - 0.5) + u * (log(max + 0.5) - log(min - 0.5))))}
 *       clamped to {@code [min, max]} (Optuna's formula; for {@code min = 1} the lower end is
 *       {@code log(0.5)});
 *   <li>categorical: with weights {@code w} summing to {@code W}, the first choice {@code i} with
 *       {@code u * W < w[0] + ... + w[i]} (the last choice if rounding leaves none).
 * </ul>
 *
 * <p>Not thread-safe: one trial per sample.
 */
public final class RandomTrial implements Trial {
  private final Rng rng;

  public RandomTrial(long seed) {
    this.rng = new Rng(seed);
  }

  public RandomTrial(Rng rng) {
    this.rng = rng;
  }

  @Override
  public double suggestFloat(String name, FloatSpace space) {
    double min = space.min();
    double max = space.max();
    if (space.step() > 0) {
      long n = Math.round((max - min) / space.step()) + 1;
      return Math.min(max, gridValue(min, space.step(), rng.nextLong(n)));
    }
    double u = rng.nextDouble();
    if (space.log()) {
      double logMin = LogMemo.log(min);
      double value = StrictMath.exp(logMin + u * (LogMemo.log(max) - logMin));
      return Math.max(min, Math.min(max, value));
    }
    return Math.min(max, min + u * (max - min));
  }

  /** {@code min + k * step} in decimal, rounded once: grid values read as they are written. */
  private static double gridValue(double min, double step, long k) {
    BigDecimal decimalMin = new BigDecimal(Literals.formatDouble(min));
    BigDecimal decimalStep = new BigDecimal(Literals.formatDouble(step));
    return decimalMin.add(decimalStep.multiply(BigDecimal.valueOf(k))).doubleValue();
  }

  @Override
  public long suggestInt(String name, IntSpace space) {
    long min = space.min();
    long max = space.max();
    if (space.log()) {
      double logLow = LogMemo.log(min - 0.5);
      double logHigh = LogMemo.log(max + 0.5);
      double value = StrictMath.exp(logLow + rng.nextDouble() * (logHigh - logLow));
      return Math.max(min, Math.min(max, Math.round(value)));
    }
    // No 64-bit division for the usual step of 1.
    long span = (space.step() == 1 ? max - min : Long.divideUnsigned(max - min, space.step())) + 1;
    if (span <= 0) {
      // 2^63 values or more (0 stands for 2^64): draw raw 64 bits until one is below span.
      long k;
      do {
        k = rng.nextLong();
      } while (span != 0 && Long.compareUnsigned(k, span) >= 0);
      return min + k * space.step();
    }
    return min + rng.nextLong(span) * space.step();
  }

  @Override
  public <T> T suggestCategorical(String name, CategoricalSpace<T> space) {
    // Indexed loops: no iterator, and compiled code small enough for the JIT to inline.
    List<T> choices = space.choices();
    List<Double> weights = space.weights();
    int last = weights.size() - 1;
    double total = 0;
    for (int i = 0; i <= last; i++) {
      total += weights.get(i);
    }
    double target = rng.nextDouble() * total;
    double cumulative = 0;
    for (int i = 0; i < last; i++) {
      cumulative += weights.get(i);
      if (target < cumulative) {
        return choices.get(i);
      }
    }
    return choices.get(last);
  }

  /**
   * The index {@link #suggestCategorical} picks among {@code n} choices of weight 1, from the same
   * single draw: the partial sums are then the exact integers 1, 2, ..., n, so the first {@code i}
   * with {@code u * n < i + 1} is {@code floor(u * n)} (the last choice if rounding reaches n).
   * {@link ConfigSampler} uses it for unweighted categoricals, whose spaces it cannot keep constant.
   */
  int unitWeightIndex(int n) {
    return Math.min((int) (rng.nextDouble() * n), n - 1);
  }
}
