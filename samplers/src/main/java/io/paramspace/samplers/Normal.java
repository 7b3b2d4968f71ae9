package io.paramspace.samplers;

/**
 * The standard normal distribution to near double precision, as the truncated-Gaussian kernels
 * need it: tail probabilities {@link #upperTail Q(t) = P(X > t)}, their logarithms far into the
 * tails, the log-mass of an interval, the inverse of the tail, and draws from a truncated normal by
 * inversion (one uniform per draw, so draws are reproducible).
 *
 * <p>Everything goes through the scaled complementary error function {@code erfcx(x) = exp(x^2)
 * erfc(x)}, which is smooth and slowly varying on {@code x >= 0}. On {@code [0, 16)} it is a table
 * of piecewise Chebyshev expansions (64 pieces of width 1/4, degree 16), built once when the class
 * is loaded from a slow but accurate evaluation: the power series of {@code erf} (all terms
 * positive) below 2, the continued fraction of {@code erfc} above. Beyond 16 the asymptotic series
 * {@code erfcx(x) = 1/(x sqrt(pi)) sum_k (-1)^k (2k-1)!! / (2x^2)^k} is summed to 14 terms (the
 * next term is below 1e-18). Relative accuracy is about 1e-14 or better everywhere.
 */
final class Normal {
  private Normal() {}

  static final double SQRT2 = Math.sqrt(2.0);
  static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double SQRT_PI = Math.sqrt(Math.PI);
  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
  private static final double LN2 = Math.log(2.0);

  private static final double PIECE = 0.25;
  private static final int PIECES = 64; // [0, 16)
  private static final int DEGREE = 16;
  private static final double TABLE_END = PIECE * PIECES;
  /** Chebyshev coefficients of erfcx on each piece, DEGREE + 1 per piece. */
  private static final double[] COEFFICIENTS = buildTable();

  // ---- erfcx --------------------------------------------------------------------------------

  /** {@code exp(x^2) erfc(x)} for {@code x >= 0} (NaN for NaN). */
  static double erfcx(double x) {
    if (x < TABLE_END) {
      if (!(x >= 0)) {
        if (Double.isNaN(x)) {
          return x;
        }
        throw new IllegalArgumentException("erfcx here needs x >= 0, got " + x);
      }
      int piece = (int) (x * (1 / PIECE));
      double t = 2 * (x - piece * PIECE) / PIECE - 1; // in [-1, 1]
      int base = piece * (DEGREE + 1);
      // Clenshaw's recurrence for sum c_k T_k(t), with the c_0 term halved.
      double b1 = 0;
      double b2 = 0;
      double t2 = 2 * t;
      for (int k = DEGREE; k >= 1; k--) {
        double b0 = t2 * b1 - b2 + COEFFICIENTS[base + k];
        b2 = b1;
        b1 = b0;
      }
      return t * b1 - b2 + 0.5 * COEFFICIENTS[base];
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 0;
    }
    double r = 1 / (2 * x * x);
    double term = 1;
    double sum = 1;
    for (int k = 1; k <= 14; k++) {
      term *= -(2 * k - 1) * r;
      sum += term;
    }
    return sum / (x * SQRT_PI);
  }

  /**
   * {@code sqrt(pi) erfcx(x)} by the continued fraction {@code 1/(x + (1/2)/(x + 1/(x + (3/2)/(x +
   * ...))))}, evaluated with Lentz's method; for {@code x >= 2}.
   */
  private static double continuedFraction(double x) {
    final double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0;
    for (int k = 1; k < 100_000; k++) {
      double a = 0.5 * k;
      d = x + a * d;
      if (d == 0) {
        d = tiny;
      }
      c = x + a / c;
      if (c == 0) {
        c = tiny;
      }
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-17) {
        break;
      }
    }
    return 1 / f;
  }

  /** erfcx at build time: the series of erf below 2 (no cancellation in the sum), the fraction above. */
  private static double erfcxSlow(double x) {
    if (x >= 2) {
      return continuedFraction(x) / SQRT_PI;
    }
    // erf(x) = 2/sqrt(pi) exp(-x^2) sum_n x^(2n+1) 2^n / (2n+1)!!
    double term = x;
    double sum = x;
    double twoX2 = 2 * x * x;
    for (int n = 1; n < 500; n++) {
      term *= twoX2 / (2 * n + 1);
      sum += term;
      if (term < 1e-18 * sum) {
        break;
      }
    }
    double erf = 2 / SQRT_PI * Math.exp(-x * x) * sum;
    return Math.exp(x * x) * (1 - erf);
  }

  private static double[] buildTable() {
    double[] table = new double[PIECES * (DEGREE + 1)];
    int nodes = DEGREE + 1;
    double[] values = new double[nodes];
    for (int piece = 0; piece < PIECES; piece++) {
      double left = piece * PIECE;
      for (int j = 0; j < nodes; j++) {
        double t = Math.cos(Math.PI * (j + 0.5) / nodes);
        values[j] = erfcxSlow(left + (t + 1) * PIECE / 2);
      }
      for (int k = 0; k < nodes; k++) {
        double c = 0;
        for (int j = 0; j < nodes; j++) {
          c += values[j] * Math.cos(Math.PI * k * (j + 0.5) / nodes);
        }
        table[piece * nodes + k] = 2.0 * c / nodes;
      }
    }
    return table;
  }

  // ---- tails --------------------------------------------------------------------------------

  /** {@code P(X > t)} for a standard normal X. */
  static double upperTail(double t) {
    if (t >= 0) {
      if (t > 40) {
        return 0; // below Double.MIN_VALUE
      }
      return 0.5 * Math.exp(-0.5 * t * t) * erfcx(t / SQRT2);
    }
    if (t < -40) {
      return 1;
    }
    if (t != t) {
      return t;
    }
    return 1 - upperTail(-t);
  }

  /** {@code P(X <= z)}. */
  static double cdf(double z) {
    return upperTail(-z);
  }

  /** {@code log P(X > t)}, accurate far into the upper tail. */
  static double logUpperTail(double t) {
    if (t >= 0) {
      if (t == Double.POSITIVE_INFINITY) {
        return Double.NEGATIVE_INFINITY;
      }
      return -0.5 * t * t + Math.log(erfcx(t / SQRT2)) - LN2;
    }
    return Math.log1p(-upperTail(-t));
  }

  /** The inverse Mills ratio {@code phi(t) / Q(t)} for {@code t >= 0}. */
  private static double millsInverse(double t) {
    return SQRT_2_OVER_PI / erfcx(t / SQRT2);
  }

  /**
   * The {@code t} with {@code P(X > t) = q}: {@code +inf} for {@code q <= 0}, {@code -inf} for
   * {@code q >= 1}. Accurate for tiny {@code q}; for {@code q} near 1 pass the lower tail to {@link
   * #lowerTailInverse} instead.
   */
  static double upperTailInverse(double q) {
    if (!(q > 0)) {
      return q == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    if (q >= 1) {
      return q == 1 ? Double.NEGATIVE_INFINITY : Double.NaN;
    }
    if (q > 0.5) {
      return -upperTailInverse(1 - q);
    }
    // Newton's method on log Q(t) = log q. log Q is concave and decreasing and the start lies at
    // or right of the root (Q(t) < phi(t)/t), so the iterates decrease monotonically to it.
    double target = Math.log(q);
    double t = Math.sqrt(-2 * target);
    for (int i = 0; i < 100; i++) {
      double step = (logUpperTail(t) - target) / millsInverse(t);
      t = Math.max(0, t + step); // the root is >= 0; rounding must not step below it
      if (Math.abs(step) <= 1e-15 * Math.max(1, t)) {
        break;
      }
    }
    return t;
  }

  /** The {@code z} with {@code P(X <= z) = p}. */
  static double lowerTailInverse(double p) {
    return -upperTailInverse(p);
  }

  // ---- intervals ----------------------------------------------------------------------------

  /** {@code log P(a < X < b)} for {@code a <= b}, accurate when both ends are in one far tail. */
  static double logMass(double a, double b) {
    if (!(a < b)) {
      return Double.NEGATIVE_INFINITY;
    }
    if (a >= 0) {
      return logTailDifference(a, b);
    }
    if (b <= 0) {
      return logTailDifference(-b, -a);
    }
    // Tails beyond 8.5 sigma (< 1e-17) cannot change log1p(-tails) in double precision.
    double tails = (a > -8.5 ? upperTail(-a) : 0) + (b < 8.5 ? upperTail(b) : 0);
    if (tails < 1e-4) {
      // log1p(-x) = -x - x^2/2 - x^3/3 - ...: four terms leave an error below x^5/5 < 2e-21.
      return -tails * (1 + tails * (0.5 + tails * (1.0 / 3 + tails * 0.25)));
    }
    // 1 - tails is exact to a rounding here, and log (an intrinsic) is much faster than log1p.
    return Math.log(1 - tails);
  }

  /** {@code log(Q(a) - Q(b))} for {@code 0 <= a < b}. */
  private static double logTailDifference(double a, double b) {
    double la = logUpperTail(a);
    double lb = logUpperTail(b);
    if (lb == Double.NEGATIVE_INFINITY) {
      return la;
    }
    return la + log1mExp(lb - la);
  }

  /**
   * {@code log(1 - e^d)} for {@code d <= 0}, as {@code log1p(-e^d)} without {@code log1p}, which
   * is no intrinsic and was most of a discrete kernel's mass: for {@code r = e^d} below 1e-4 a
   * series, else {@code log(1 - r)}, where {@code 1 - r} is exact for {@code r >= 0.5} and within
   * half an ulp of 1 below (an error under 3e-16 in the log).
   */
  static double log1mExp(double d) {
    double r = Math.exp(d);
    if (r < 1e-4) {
      // log1p(-r) = -r - r^2/2 - r^3/3 - ...: four terms leave an error below r^5/5 < 2e-21.
      return -r * (1 + r * (0.5 + r * (1.0 / 3 + r * 0.25)));
    }
    return Math.log(1 - r);
  }

  /** The log-density of the standard normal at {@code z}. */
  static double logPdf(double z) {
    return -0.5 * z * z - LOG_SQRT_2PI;
  }

  /**
   * The {@code u}-quantile ({@code u} in {@code [0, 1)}) of the standard normal truncated to {@code
   * [a, b]}, so a uniform {@code u} gives a draw. Works in whichever tail keeps the precision.
   */
  static double truncatedQuantile(double a, double b, double u) {
    double x;
    if (a >= 0) {
      double qa = upperTail(a);
      double qb = upperTail(b);
      x = upperTailInverse(qa - u * (qa - qb));
    } else if (b <= 0) {
      double pa = upperTail(-a);
      double pb = upperTail(-b);
      x = lowerTailInverse(pa + u * (pb - pa));
    } else {
      double pa = upperTail(-a); // P(X <= a)
      double qb = upperTail(b); // P(X > b)
      double mass = 1 - pa - qb;
      double p = pa + u * mass;
      if (p <= 0.5) {
        x = lowerTailInverse(p);
      } else {
        x = upperTailInverse(qb + (1 - u) * mass);
      }
    }
    if (!(x >= a)) {
      return a;
    }
    return Math.min(x, b);
  }
}
