package io.paramspace.runtime;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class LogMemoTest {
  @Test
  void givesStrictMathsLogBitForBitFirstAndAgain() {
    // More values than slots, so some share a slot and replace each other.
    double[] values = new double[500];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 2 == 0 ? Math.pow(10, -i / 50.0) : i - 0.5;
    }
    for (int round = 0; round < 3; round++) {
      for (double x : values) {
        assertThat(Double.doubleToRawLongBits(LogMemo.log(x)))
            .isEqualTo(Double.doubleToRawLongBits(StrictMath.log(x)));
      }
    }
  }

  @Test
  void tellsApartNumbersThatOnlyDifferInTheLastBit() {
    double x = 1e-5;
    double next = Math.nextUp(x);
    assertThat(LogMemo.log(x)).isEqualTo(StrictMath.log(x));
    assertThat(LogMemo.log(next)).isEqualTo(StrictMath.log(next));
    assertThat(LogMemo.log(x)).isEqualTo(StrictMath.log(x));
  }
}
