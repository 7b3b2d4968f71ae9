package io.paramspace.runtime.sampling;

import io.paramspace.runtime.RandomTrial;
import io.paramspace.runtime.Rng;
import java.util.List;

/**
 * RandomTrial's draw of a weighted choice (the formula is in {@link RandomTrial}'s Javadoc): the
 * index of the first choice whose partial weight sum exceeds {@code u} times the total, with the
 * partial sums added up once. Used for categoricals and for branches. {@link ConfigSampler}
 * keeps one per field, with its choices, and generated {@code random(Rng)} methods hold that one
 * in a constant; {@link RandomTrial#suggestCategorical} makes one per call. Immutable.
 */
public final class ChoiceDraw {
  /** {@code w[0] + ... + w[i]}, added in that order; the last is the total. */
  private final double[] partialSums;
  /** All weights 1: the partial sums are the exact integers 1..n. */
  private final boolean unit;
  /** The values the indexes stand for, or {@code null} where the caller maps indexes itself. */
  private final Object[] choices;

  public ChoiceDraw(List<Double> weights) {
    this(weights, null);
  }

  public ChoiceDraw(List<Double> weights, Object[] choices) {
    this.choices = choices;
    partialSums = new double[weights.size()];
    double sum = 0;
    boolean allOne = true;
    for (int i = 0; i < partialSums.length; i++) {
      double w = weights.get(i);
      sum += w;
      partialSums[i] = sum;
      allOne &= w == 1.0;
    }
    unit = allOne;
  }

  /** The index of the next choice. */
  public int next(Rng rng) {
    int last = partialSums.length - 1;
    double u = rng.nextDouble();
    if (unit) {
      // With sums 1..n, the first i with u * n < i + 1 is floor(u * n), or the last if rounding reaches n.
      return Math.min((int) (u * partialSums.length), last);
    }
    double target = u * partialSums[last];
    for (int i = 0; i < last; i++) {
      if (target < partialSums[i]) {
        return i;
      }
    }
    return last;
  }

  /** The next choice itself. */
  public Object pick(Rng rng) {
    return choices[next(rng)];
  }
}
