package io.paramspace.runtime;

/**
 * {@link StrictMath#log} of the numbers that recur as the bounds of log-scale spaces, remembered.
 * Every log-scale draw needs the logs of both bounds, which never change, and on JDK 17 {@code
 * StrictMath.log} is a native call of some 15 ns. The value is StrictMath's own, so seeded samples
 * stay what they were. Thread-safe: entries are immutable (final fields publish them safely) and a
 * lost race or a collision only costs a recomputation.
 */
final class LogMemo {
  private static final int SLOT_BITS = 6;
  private static final Entry[] SLOTS = new Entry[1 << SLOT_BITS];

  private record Entry(long bits, double log) {}

  private LogMemo() {}

  static double log(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - SLOT_BITS));
    Entry entry = SLOTS[slot];
    if (entry != null && entry.bits() == bits) {
      return entry.log();
    }
    double log = StrictMath.log(x);
    SLOTS[slot] = new Entry(bits, log);
    return log;
  }
}
