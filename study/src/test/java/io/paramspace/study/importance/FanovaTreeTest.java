package io.paramspace.study.importance;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.runtime.Rng;
import org.junit.jupiter.api.Test;

/** The functional ANOVA of trees whose variance decomposition is known. */
class FanovaTreeTest {
  static final double[][] UNIT_SQUARE = {{0, 1}, {0, 1}};

  /** y = 2 [x1 > 0.5] + [x2 > 0.5] on a 4 x 4 grid of the unit square. */
  static RegressionTree additive() {
    double[] v = {0.125, 0.375, 0.625, 0.875};
    double[][] x = new double[16][];
    double[] y = new double[16];
    int[] all = new int[16];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        int r = 4 * i + j;
        x[r] = new double[] {v[i], v[j]};
        y[r] = 2 * (v[i] > 0.5 ? 1 : 0) + (v[j] > 0.5 ? 1 : 0);
        all[r] = r;
      }
    }
    return RegressionTree.fit(x, y, all, 64, 2, 1, new Rng(1));
  }

  @Test
  void theTreeFitsItsTrainingDataAndSplitsHalfWayBetweenValues() {
    RegressionTree tree = additive();
    assertThat(tree.nodeCount).isEqualTo(7); // one split on x1, one on x2 under each side: 4 leaves
    assertThat(tree.threshold[0]).isEqualTo(0.5);
    assertThat(tree.predict(new double[] {0.9, 0.1})).isEqualTo(2.0);
    assertThat(tree.predict(new double[] {0.9, 0.9})).isEqualTo(3.0);
    assertThat(tree.predict(new double[] {0.1, 0.1})).isEqualTo(0.0);
  }

  @Test
  void anAdditiveFunctionSplitsItsVarianceByItsParts() {
    FanovaTree f = new FanovaTree(additive(), UNIT_SQUARE);
    // Var(2 B1 + B2) with independent fair bits: 4 / 4 + 1 / 4 = 1.25.
    assertThat(f.variance()).isWithin(1e-12).of(1.25);
    assertThat(f.marginalVariance(new int[] {0})).isWithin(1e-12).of(1.0);
    assertThat(f.marginalVariance(new int[] {1})).isWithin(1e-12).of(0.25);
    assertThat(f.marginalVariance(new int[] {0, 1})).isWithin(1e-12).of(1.25);
  }

  @Test
  void unevenCellsAreWeightedByTheirVolume() {
    // y = [x1 > 0.25]: a step a quarter of the way along; on [0, 1] it is 1 with probability 3/4.
    double[][] x = {{0.0}, {0.2}, {0.3}, {1.0}};
    double[] y = {0, 0, 1, 1};
    RegressionTree tree = RegressionTree.fit(x, y, new int[] {0, 1, 2, 3}, 64, 2, 1, new Rng(2));
    assertThat(tree.threshold[0]).isWithin(1e-12).of(0.25);
    FanovaTree f = new FanovaTree(tree, new double[][] {{0, 1}});
    assertThat(f.variance()).isWithin(1e-12).of(0.75 * 0.25);
    assertThat(f.marginalVariance(new int[] {0})).isWithin(1e-12).of(0.75 * 0.25);
  }

  @Test
  void maxDepthStopsTheTree() {
    double[][] x = new double[8][];
    double[] y = new double[8];
    int[] all = new int[8];
    for (int i = 0; i < 8; i++) {
      x[i] = new double[] {i};
      y[i] = i * i;
      all[i] = i;
    }
    RegressionTree stump = RegressionTree.fit(x, y, all, 1, 2, 1, new Rng(3));
    assertThat(stump.nodeCount).isEqualTo(3);
  }
}
