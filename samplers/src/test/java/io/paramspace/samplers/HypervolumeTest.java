package io.paramspace.samplers;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HypervolumeTest {
  private static double[] p(double... x) {
    return x;
  }

  @Test
  void twoObjectivesAreTheUnionOfTheBoxes() {
    // Boxes [1,4]x[3,4], [2,4]x[1.5,4], [3,4]x[1,4]: 3 + 3 + 0.5 by the sweep's strips.
    List<double[]> front = List.of(p(1, 3), p(2, 1.5), p(3, 1));
    assertThat(Hypervolume.of(front, p(4, 4))).isWithin(1e-12).of(6.5);
    // A dominated point, a duplicate and points outside the reference add nothing.
    List<double[]> more = List.of(p(1, 3), p(2, 1.5), p(3, 1), p(3, 3), p(2, 1.5), p(5, 0), p(0, 4));
    assertThat(Hypervolume.of(more, p(4, 4))).isWithin(1e-12).of(6.5);
    assertThat(Hypervolume.of(List.of(), p(4, 4))).isEqualTo(0.0);
  }

  @Test
  void contributionsAreTheExclusiveAreas() {
    double[] c = Hypervolume.contributions(List.of(p(1, 3), p(2, 1.5), p(3, 1), p(3, 3)), p(4, 4));
    assertThat(c[0]).isWithin(1e-12).of(1.0);   // [1,2] x [3,4]
    assertThat(c[1]).isWithin(1e-12).of(1.5);   // [2,3] x [1.5,3]
    assertThat(c[2]).isWithin(1e-12).of(0.5);   // [3,4] x [1,1.5]
    assertThat(c[3]).isWithin(1e-12).of(0.0);   // dominated by (2, 1.5)
  }

  @Test
  void threeAndFourObjectivesByInclusionExclusion() {
    assertThat(Hypervolume.of(List.of(p(0, 0, 0)), p(1, 2, 3))).isWithin(1e-12).of(6.0);
    // |A| + |B| - |A and B| = 4 + 2 - 1.
    assertThat(Hypervolume.of(List.of(p(0, 0, 1), p(1, 1, 0)), p(2, 2, 2))).isWithin(1e-12).of(5.0);
    // Three unit-offset boxes of 4: 12 - 3 * 2 + 1.
    assertThat(Hypervolume.of(List.of(p(1, 0, 0), p(0, 1, 0), p(0, 0, 1)), p(2, 2, 2))).isWithin(1e-12).of(7.0);
    // A flat third objective gives the 2-D area times its depth.
    assertThat(Hypervolume.of(List.of(p(1, 3, 0), p(2, 1.5, 0), p(3, 1, 0)), p(4, 4, 2))).isWithin(1e-12).of(13.0);
    assertThat(Hypervolume.of(List.of(p(0, 0, 0, 0), p(0.5, 0.5, 0.5, 0.5)), p(1, 1, 1, 2))).isWithin(1e-12).of(2.0);
  }

  @Test
  void badPointsAreRejectedAndTheNadirIsPushedOut() {
    assertThrows(IllegalArgumentException.class, () -> Hypervolume.of(List.of(p(1, Double.NaN)), p(2, 2)));
    assertThrows(IllegalArgumentException.class, () -> Hypervolume.of(List.of(p(1, 1, 1)), p(2, 2)));
    double[] reference = Hypervolume.nadirReference(List.of(p(1, -4, 0), p(2, -5, 0)));
    assertThat(reference[0]).isWithin(1e-12).of(2.2);
    assertThat(reference[1]).isWithin(1e-12).of(-3.6);
    assertThat(reference[2]).isEqualTo(1e-12);
  }
}
