package io.paramspace.runtime;

/**
 * The portable random number generator behind every seeded sample: SplitMix64 (Steele, Lea and
 * Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014), written out here so that
 * a seed gives the same numbers on every JVM and release; {@code java.util.Random} and the JDK's
 * {@code RandomGenerator} implementations are not pinned that way.
 *
 * <p>State: one 64-bit {@code long}, initialised to the seed. Each step:
 *
 * <pre>
 * state += 0x9E3779B97F4A7C15
 * z = state
 * z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9
 * z = (z ^ (z >>> 27)) * 0x94D049BB133111EB
 * return z ^ (z >>> 31)
 * </pre>
 *
 * <p>{@link #nextDouble()} is {@code (nextLong() >>> 11) * 2^-53}, uniform in {@code [0, 1)}.
 * {@link #nextLong(long)} draws {@code u = nextLong() >>> 1} and returns {@code u % bound},
 * drawing again while {@code u - u % bound + bound - 1} overflows (so every value is equally
 * likely). Not thread-safe: one instance per sampling thread.
 */
public final class Rng {
  private long state;

  public Rng(long seed) {
    this.state = seed;
  }

  /** A seed for a sample nobody needs to repeat: different on every call. */
  public static long freshSeed() {
    return java.util.concurrent.ThreadLocalRandom.current().nextLong();
  }

  /** The next 64 random bits. */
  public long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform double in {@code [0, 1)} with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /**
   * A uniform long in {@code [0, bound)}.
   *
   * @throws IllegalArgumentException if {@code bound <= 0}
   */
  public long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    long m = bound - 1;
    long u = nextLong() >>> 1;
    long r = u % bound;
    while (u - r + m < 0) {
      u = nextLong() >>> 1;
      r = u % bound;
    }
    return r;
  }
}
