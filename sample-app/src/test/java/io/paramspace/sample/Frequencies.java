package io.paramspace.sample;

import static com.google.common.truth.Truth.assertWithMessage;

/** Checks an observed count against a binomial expectation. */
final class Frequencies {
  private Frequencies() {}

  /**
   * Asserts that {@code count} successes in {@code trials} are within 5 standard deviations of
   * {@code trials * p}: a correct sampler fails this about once in 1.7 million checks, and the
   * seeds are fixed, so a failure means the distribution is wrong.
   */
  static void assertBinomial(String what, long count, long trials, double p) {
    double expected = trials * p;
    double sigma = Math.sqrt(trials * p * (1 - p));
    assertWithMessage("%s: %s of %s, expected %s ± 5σ (σ = %s)", what, count, trials, expected, sigma)
        .that((double) count)
        .isWithin(5 * sigma)
        .of(expected);
  }
}
