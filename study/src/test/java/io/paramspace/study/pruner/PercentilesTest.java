package io.paramspace.study.pruner;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** Against numpy.nanpercentile's values. */
class PercentilesTest {
  @Test
  void linearInterpolationLikeNumpy() {
    assertThat(Percentiles.nanPercentile(new double[] {4, 1, 3, 2}, 50)).isEqualTo(2.5);
    assertThat(Percentiles.nanPercentile(new double[] {1, 2, 3, 4, 10}, 25)).isEqualTo(2.0);
    assertThat(Percentiles.nanPercentile(new double[] {1, 2, 3, 4, 10}, 90)).isWithin(1e-12).of(7.6);
    assertThat(Percentiles.nanPercentile(new double[] {1, 2, 3, 4, 10}, 0)).isEqualTo(1.0);
    assertThat(Percentiles.nanPercentile(new double[] {1, 2, 3, 4, 10}, 100)).isEqualTo(10.0);
    assertThat(Percentiles.nanPercentile(new double[] {7}, 50)).isEqualTo(7.0);
  }

  @Test
  void nansAreIgnoredAndAllNanIsNan() {
    assertThat(Percentiles.nanPercentile(new double[] {1, Double.NaN, 3}, 25)).isEqualTo(1.5);
    assertThat(Percentiles.nanPercentile(new double[] {Double.NaN, Double.NaN}, 50)).isNaN();
    assertThat(Percentiles.nanPercentile(new double[] {}, 50)).isNaN();
  }
}
