package io.paramspace.samplers;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalTest {
  // P(X > t), from CPython's math.erfc: 0.5 * erfc(t / sqrt(2)).
  private static final double[][] TAILS = {
    {0, 0.5},
    {0.1, 0.460172162722971},
    {0.5, 0.3085375387259869},
    {1, 0.15865525393145707},
    {1.5, 0.06680720126885809},
    {2, 0.02275013194817922},
    {3, 0.0013498980316300957},
    {5, 2.866515718791946e-07},
    {8, 6.220960574271819e-16},
    {8.49, 1.0331854986168661e-17},
    {8.51, 8.696667726896101e-18},
    {11.3, 6.560899940904186e-30},
    {15, 3.6709661993128594e-51},
    {20, 2.7536241186063314e-89},
    {22.6, 2.1668590876034872e-113},
    {30, 4.906713927148764e-198},
    {37, 5.725571222525139e-300},
  };

  @Test
  void log1mExpAgreesWithLog1pAcrossTheRange() {
    for (double d = -800; d < -1e-15; d = d < -1 ? d * 0.97 : d * 0.9) {
      double expected = Math.log1p(-Math.exp(d));
      assertThat(Math.abs(Normal.log1mExp(d) - expected)).isAtMost(4e-16 * Math.max(1, Math.abs(expected)));
    }
    assertThat(Normal.log1mExp(Double.NEGATIVE_INFINITY)).isWithin(0).of(0);
  }

  @Test
  void upperTailMatchesReferenceValuesToTwelveDigits() {
    for (double[] row : TAILS) {
      double t = row[0];
      assertThat(relativeError(Normal.upperTail(t), row[1])).isLessThan(1e-12);
      assertThat(relativeError(Normal.cdf(-t), row[1])).isLessThan(1e-12);
      double log = Math.log(row[1]);
      assertThat(Math.abs(Normal.logUpperTail(t) - log)).isLessThan(1e-12 * Math.max(1, -log));
    }
  }

  @Test
  void lowerHalfIsTheComplement() {
    for (double[] row : TAILS) {
      if (row[0] > 0) {
        assertEquals(1 - row[1], Normal.upperTail(-row[0]), 1e-15);
      }
    }
  }

  @Test
  void logTailFarOutFollowsTheAsymptoticSeries() {
    // -t^2/2 - log(t sqrt(2 pi)) + log(1 - 1/t^2 + 3/t^4 - ...), summed in Python.
    assertEquals(-804.6084420137538, Normal.logUpperTail(40), 1e-10);
    assertEquals(-1254.8313611394199, Normal.logUpperTail(50), 1e-10);
    assertEquals(-5005.524208694205, Normal.logUpperTail(100), 1e-9);
    assertEquals(-500007.8266948122, Normal.logUpperTail(1000), 1e-7);
  }

  @Test
  void erfcxIsContinuousAcrossTablePiecesAndIntoTheSeries() {
    for (double x = 0.25; x <= 16; x += 0.25) {
      double below = Normal.erfcx(Math.nextDown(x));
      double at = Normal.erfcx(x);
      assertThat(relativeError(below, at)).isLessThan(1e-13);
    }
  }

  @Test
  void inverseTailRoundTrips() {
    for (double t = 0; t <= 35; t += 0.37) {
      assertEquals(t, Normal.upperTailInverse(Normal.upperTail(t)), 1e-12 * Math.max(1, t));
      assertEquals(-t, Normal.lowerTailInverse(Normal.cdf(-t)), 1e-12 * Math.max(1, t));
    }
    for (double t = -3; t < 0; t += 0.37) { // through 1 - q: as precise as q near 1 is
      assertEquals(t, Normal.upperTailInverse(Normal.upperTail(t)), 1e-12);
    }
    assertThat(Normal.upperTailInverse(0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Normal.upperTailInverse(1)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Normal.upperTailInverse(0.5)).isWithin(1e-15).of(0);
  }

  @Test
  void logMassOfIntervals() {
    assertEquals(Math.log(1 - 2 * 0.15865525393145707), Normal.logMass(-1, 1), 1e-14);
    assertEquals(Math.log(0.15865525393145707 - 0.02275013194817922), Normal.logMass(1, 2), 1e-13);
    assertEquals(Math.log(0.15865525393145707 - 0.02275013194817922), Normal.logMass(-2, -1), 1e-13);
    // Both ends in the far tail: still finite and right.
    double expected = Math.log(2.7536241186063314e-89 - 2.1668590876034872e-113);
    assertEquals(expected, Normal.logMass(20, 22.6), 1e-10);
    assertThat(Normal.logMass(3, 3)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Normal.logMass(-50, 50)).isWithin(0.0).of(0.0);
  }

  @Test
  void truncatedQuantilesStayInsideAndAreMonotone() {
    double[][] intervals = {{-1, 1}, {-0.1, 30}, {-30, 0.2}, {0.5, 3}, {-4, -2}, {-100, 100}, {-0.5, 0.5}};
    for (double[] ab : intervals) {
      double previous = Double.NEGATIVE_INFINITY;
      for (double u = 0; u < 1; u += 0.001) {
        double x = Normal.truncatedQuantile(ab[0], ab[1], u);
        assertThat(x).isAtLeast(ab[0]);
        assertThat(x).isAtMost(ab[1]);
        assertThat(x).isAtLeast(previous - 1e-12);
        previous = x;
        // The quantile: the truncated CDF at x is u.
        double mass = Normal.cdf(ab[1]) - Normal.cdf(ab[0]);
        assertEquals(u, (Normal.cdf(x) - Normal.cdf(ab[0])) / mass, 1e-9);
      }
    }
  }

  private static double relativeError(double a, double b) {
    return Math.abs(a - b) / Math.abs(b);
  }
}
