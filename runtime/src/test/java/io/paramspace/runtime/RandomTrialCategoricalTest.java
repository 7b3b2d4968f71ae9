package io.paramspace.runtime;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The categorical draw follows the documented formula, including where rounding decides. */
class RandomTrialCategoricalTest {
  private static final int SEEDS = 20_000;

  @Test
  void picksTheFirstChoiceWhosePartialSumExceedsTheScaledDraw() {
    List<CategoricalSpace<String>> spaces = List.of(
        CategoricalSpace.of("a", "b"),
        CategoricalSpace.of("a", "b", "c", "d"),
        CategoricalSpace.weighted(List.of("a", "b", "c"), 0.1, 0.2, 0.3),
        CategoricalSpace.weighted(List.of("a", "b", "c", "d", "e"), 3, 1e-9, 0.7, 1, 2.5));
    for (CategoricalSpace<String> space : spaces) {
      for (long seed = 0; seed < SEEDS; seed++) {
        String expected = documentedFormula(space, new Rng(seed).nextDouble());
        assertThat(new RandomTrial(seed).suggestCategorical("x", space)).isEqualTo(expected);
      }
    }
  }

  /** RandomTrial's Javadoc, written out: the first i with u * W < w[0] + ... + w[i]. */
  private static String documentedFormula(CategoricalSpace<String> space, double u) {
    double total = 0;
    for (double w : space.weights()) {
      total += w;
    }
    double target = u * total;
    double cumulative = 0;
    for (int i = 0; i < space.choices().size(); i++) {
      cumulative += space.weights().get(i);
      if (target < cumulative) {
        return space.choices().get(i);
      }
    }
    return space.choices().get(space.choices().size() - 1);
  }
}
