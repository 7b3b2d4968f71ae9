package io.paramspace.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.Range;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the generator bit for bit. The expected numbers come from an independent SplitMix64 in
 * Python (64-bit masking, state += golden gamma, two xor-shift-multiply rounds); for seed 0 the
 * first output, 0xE220A8397B1DCDAF, is also the one published with the reference C code.
 */
class RngTest {

  @Test
  void seedZeroGivesTheReferenceOutputs() {
    assertThat(firstFive(0))
        .containsExactly(
            0xE220A8397B1DCDAFL, 0x6E789E6AA1B965F4L, 0x06C45D188009454FL, 0xF88BB8A8724C81ECL,
            0x1B39896A51A8749BL)
        .inOrder();
  }

  @Test
  void seed42GivesTheReferenceOutputs() {
    assertThat(firstFive(42))
        .containsExactly(
            0xBDD732262FEB6E95L, 0x28EFE333B266F103L, 0x47526757130F9F52L, 0x581CE1FF0E4AE394L,
            0x09BC585A244823F2L)
        .inOrder();
  }

  @Test
  void seedMinusOneGivesTheReferenceOutputs() {
    assertThat(firstFive(-1))
        .containsExactly(
            0xE4D971771B652C20L, 0xE99FF867DBF682C9L, 0x382FF84CB27281E9L, 0x6D1DB36CCBA982D2L,
            0xB4A0472E578069AEL)
        .inOrder();
  }

  @Test
  void nextDoubleIsTheTop53BitsOverTwoToThe53() {
    Rng rng = new Rng(42);
    assertThat(new double[] {rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), rng.nextDouble()})
        .usingExactEquality()
        .containsExactly(0.7415648787718233, 0.1599103928769201, 0.27860113025513866, 0.34419071652363753)
        .inOrder();
  }

  @Test
  void nextDoubleStaysInUnitIntervalWith53Bits() {
    Rng rng = new Rng(7);
    double min = 1;
    double max = 0;
    for (int i = 0; i < 100_000; i++) {
      double u = rng.nextDouble();
      assertThat(u).isAtLeast(0.0);
      assertThat(u).isLessThan(1.0);
      // A multiple of 2^-53: scaling back gives an integer below 2^53.
      double scaled = u * 0x1.0p53;
      assertThat(scaled).isEqualTo(Math.rint(scaled));
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    assertThat(min).isLessThan(1e-4);
    assertThat(max).isGreaterThan(1 - 1e-4);
  }

  @Test
  void nextLongWithBoundMatchesReference() {
    Rng rng = new Rng(42);
    long[] draws = new long[5];
    for (int i = 0; i < draws.length; i++) {
      draws[i] = rng.nextLong(10);
    }
    assertThat(draws).asList().containsExactly(6L, 5L, 9L, 2L, 5L).inOrder();
  }

  @Test
  void nextLongWithBoundRedrawsInTheIncompleteBlock() {
    // Just over 2^62: half the 63-bit draws fall past the last whole block and are drawn again.
    // The reference skips the first and fourth raw outputs of seed 42.
    Rng rng = new Rng(42);
    long bound = (1L << 62) + 1;
    long[] draws = new long[5];
    for (int i = 0; i < draws.length; i++) {
      draws[i] = rng.nextLong(bound);
    }
    assertThat(draws)
        .asList()
        .containsExactly(
            1474913046063446145L, 2569641874231381929L, 3174599030129127882L, 350766393070981625L,
            2014432356388812462L)
        .inOrder();
  }

  @Test
  void nextLongWithBoundOneIsAlwaysZero() {
    Rng rng = new Rng(3);
    for (int i = 0; i < 100; i++) {
      assertThat(rng.nextLong(1)).isEqualTo(0);
    }
  }

  @Test
  void nextLongWithMaxBoundStaysInRange() {
    Rng rng = new Rng(3);
    for (int i = 0; i < 10_000; i++) {
      assertThat(rng.nextLong(Long.MAX_VALUE)).isIn(Range.closedOpen(0L, Long.MAX_VALUE));
    }
  }

  @Test
  void nextLongWithSmallBoundIsUniform() {
    int bound = 10;
    int draws = 100_000;
    long[] counts = new long[bound];
    Rng rng = new Rng(2024);
    for (int i = 0; i < draws; i++) {
      long k = rng.nextLong(bound);
      assertThat(k).isAtLeast(0L);
      assertThat(k).isLessThan((long) bound);
      counts[(int) k]++;
    }
    // Chi-square with 9 degrees of freedom: mean 9, standard deviation sqrt(18); allow 5 sigma.
    assertThat(chiSquare(counts, draws)).isLessThan(9 + 5 * Math.sqrt(18));
  }

  @Test
  void nextLongWithLargeBoundIsUnbiased() {
    // bound = 3 * 2^61: a plain "u % bound" over 63-bit u would put half the draws in the first
    // third (u and u - bound both land there); the redraw makes each third equally likely.
    long bound = 3L << 61;
    int draws = 90_000;
    long[] thirds = new long[3];
    Rng rng = new Rng(99);
    for (int i = 0; i < draws; i++) {
      long k = rng.nextLong(bound);
      assertThat(k).isAtLeast(0L);
      assertThat(k).isLessThan(bound);
      thirds[(int) (k >>> 61)]++;
    }
    double sigma = Math.sqrt(draws * (1 / 3.0) * (2 / 3.0));
    for (long count : thirds) {
      assertThat((double) count).isWithin(5 * sigma).of(draws / 3.0);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void nextLongRejectsBoundsThatAreNotPositive(long bound) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Rng(1).nextLong(bound));
    assertThat(e).hasMessageThat().isEqualTo("bound must be positive, got " + bound);
  }

  @Test
  void sameSeedSameSequenceOtherSeedOtherSequence() {
    assertThat(firstFive(123)).isEqualTo(firstFive(123));
    assertThat(firstFive(124)).isNotEqualTo(firstFive(123));
  }

  @Test
  void freshSeedsDiffer() {
    assertThat(Rng.freshSeed()).isNotEqualTo(Rng.freshSeed());
  }

  private static List<Long> firstFive(long seed) {
    Rng rng = new Rng(seed);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      out.add(rng.nextLong());
    }
    return out;
  }

  static double chiSquare(long[] counts, long draws) {
    double expected = (double) draws / counts.length;
    double sum = 0;
    for (long c : counts) {
      sum += (c - expected) * (c - expected) / expected;
    }
    return sum;
  }
}
