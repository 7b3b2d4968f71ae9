package io.paramspace.sweep;

import io.paramspace.runtime.ConfigSpace;

/**
 * {@code n} configs drawn from a space with a seed, each index with its own derived seed, so that
 * {@code get(i)} takes one sample whatever else was drawn, on every JVM.
 *
 * <p>The seed of index {@code i} is the output number {@code i} (from 0) of SplitMix64 started at
 * {@code seed}, computed directly: with {@code z = seed + (i + 1) * 0x9E3779B97F4A7C15} (mod 2^64),
 * {@code z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9}, {@code z = (z ^ (z >>> 27)) *
 * 0x94D049BB133111EB}, {@code seed_i = z ^ (z >>> 31)}; element {@code i} is {@code
 * space.random(seed_i)}. So {@code get(i)} equals the config that {@code new Rng(seed)}'s
 * {@code i + 1}-th {@code nextLong()} seeds.
 *
 * @param <T> the config record
 */
public final class RandomSource<T> implements ConfigSequence<T> {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final ConfigSpace<T> space;
  private final long n;
  private final long seed;

  private RandomSource(ConfigSpace<T> space, long n, long seed) {
    if (n < 0) {
      throw new SweepException("a random source needs n >= 0 configs, got " + n);
    }
    this.space = space;
    this.n = n;
    this.seed = seed;
  }

  /** {@code n} configs of {@code space} (narrowed or not) drawn from {@code seed}. */
  public static <T> RandomSource<T> of(ConfigSpace<T> space, long n, long seed) {
    return new RandomSource<>(space, n, seed);
  }

  /** The seed that index {@code i} of a source seeded with {@code seed} samples with. */
  public static long seedOf(long seed, long index) {
    long z = seed + (index + 1) * GOLDEN_GAMMA;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public ConfigSpace<T> space() {
    return space;
  }

  @Override
  public long size() {
    return n;
  }

  public long seed() {
    return seed;
  }

  @Override
  public T get(long index) {
    ConfigSequence.checkIndex(index, n, "the random source of " + space.typeName());
    return space.random(seedOf(seed, index));
  }

  @Override
  public String toString() {
    return "RandomSource[" + space.typeName() + ", n=" + n + ", seed=" + seed + "]";
  }
}
