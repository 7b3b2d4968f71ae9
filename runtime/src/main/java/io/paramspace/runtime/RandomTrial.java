package io.paramspace.runtime;

import io.paramspace.runtime.sampling.ChoiceDraw;
import io.paramspace.runtime.sampling.FloatDraw;
import io.paramspace.runtime.sampling.IntDraw;

/**
 * A Trial that draws every value from a seeded {@link Rng}, one draw sequence per trial. Names are
 * ignored; the order of questions (the generated sampling order) decides which draw answers which
 * parameter. {@code XxxSpace.random(seed)} makes the same draws without a trial: its generated
 * {@code random(Rng)} holds each field's draw in a constant, so {@code random(seed)} equals {@code
 * sample(new RandomTrial(seed))}.
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
 *       io.paramspace.runtime.text.Literals#formatDouble} writes them) and rounded once to the
 *       nearest double, so a grid of 0.1 gives 0.3, not 0.30000000000000004;
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

  // The formulas live in FloatDraw, IntDraw and ChoiceDraw, which ConfigSampler also keeps per
  // field: one copy of each, whichever way a value is asked.

  @Override
  public double suggestFloat(String name, FloatSpace space) {
    return new FloatDraw(space).next(rng);
  }

  @Override
  public long suggestInt(String name, IntSpace space) {
    return new IntDraw(space).next(rng);
  }

  @Override
  public <T> T suggestCategorical(String name, CategoricalSpace<T> space) {
    return space.choices().get(new ChoiceDraw(space.weights()).next(rng));
  }

  /** The generator this trial draws from (ConfigSampler draws from it with the same formulas). */
  public Rng rng() {
    return rng;
  }
}
