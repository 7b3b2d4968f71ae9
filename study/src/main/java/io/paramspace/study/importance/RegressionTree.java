package io.paramspace.study.importance;

import io.paramspace.runtime.Rng;
import java.util.Arrays;

/**
 * A CART regression tree as scikit-learn's {@code DecisionTreeRegressor} grows it for a random
 * forest: squared error, the best split over every feature (visited in a random order, the first
 * best kept), thresholds half-way between neighbouring distinct values, a node split while it has
 * at least {@code minSamplesSplit} samples, impurity above machine epsilon and depth below {@code
 * maxDepth}, each child keeping at least {@code minSamplesLeaf} samples. A leaf predicts the mean of
 * its samples. Nodes are numbered depth first, a parent before its children (what {@link
 * FanovaTree} relies on); {@code feature[node] < 0} marks a leaf.
 */
final class RegressionTree {
  private static final double EPSILON = Math.ulp(1.0);

  int nodeCount;
  int[] feature = new int[16];
  double[] threshold = new double[16];
  int[] left = new int[16];
  int[] right = new int[16];
  double[] value = new double[16];

  private final double[][] x;
  private final double[] y;
  private final int maxDepth;
  private final int minSamplesSplit;
  private final int minSamplesLeaf;
  private final Rng rng;

  private RegressionTree(double[][] x, double[] y, int maxDepth, int minSamplesSplit, int minSamplesLeaf, Rng rng) {
    this.x = x;
    this.y = y;
    this.maxDepth = maxDepth;
    this.minSamplesSplit = minSamplesSplit;
    this.minSamplesLeaf = minSamplesLeaf;
    this.rng = rng;
  }

  /** A tree over the rows {@code samples} of {@code x} (repeats allowed: a bootstrap sample). */
  static RegressionTree fit(double[][] x, double[] y, int[] samples, int maxDepth, int minSamplesSplit,
      int minSamplesLeaf, Rng rng) {
    RegressionTree tree = new RegressionTree(x, y, maxDepth, minSamplesSplit, minSamplesLeaf, rng);
    tree.grow(samples.clone(), 0, samples.length, 0);
    return tree;
  }

  int features() {
    return x.length == 0 ? 0 : x[0].length;
  }

  /** The prediction for one row. */
  double predict(double[] row) {
    int node = 0;
    while (feature[node] >= 0) {
      node = row[feature[node]] <= threshold[node] ? left[node] : right[node];
    }
    return value[node];
  }

  private int grow(int[] idx, int start, int end, int depth) {
    int node = newNode();
    int n = end - start;
    double sum = 0;
    double sumSq = 0;
    for (int i = start; i < end; i++) {
      double v = y[idx[i]];
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / n;
    double impurity = sumSq / n - mean * mean;
    value[node] = mean;
    feature[node] = -1;
    if (n < minSamplesSplit || n < 2 * minSamplesLeaf || depth >= maxDepth || impurity <= EPSILON) {
      return node;
    }
    int d = features();
    int[] order = permutation(d);
    int bestFeature = -1;
    double bestProxy = Double.NEGATIVE_INFINITY;
    double bestThreshold = 0;
    Integer[] sorted = new Integer[n];
    for (int f : order) {
      for (int i = 0; i < n; i++) {
        sorted[i] = idx[start + i];
      }
      final int column = f;
      Arrays.sort(sorted, (a, b) -> Double.compare(x[a][column], x[b][column]));
      if (x[sorted[0]][f] >= x[sorted[n - 1]][f]) {
        continue; // constant in this node
      }
      double leftSum = 0;
      for (int i = 0; i < n - 1; i++) {
        leftSum += y[sorted[i]];
        int nLeft = i + 1;
        int nRight = n - nLeft;
        double here = x[sorted[i]][f];
        double next = x[sorted[i + 1]][f];
        if (here >= next || nLeft < minSamplesLeaf || nRight < minSamplesLeaf) {
          continue;
        }
        double rightSum = sum - leftSum;
        // Maximizing this maximizes the decrease of the squared error (scikit-learn's proxy).
        double proxy = leftSum * leftSum / nLeft + rightSum * rightSum / nRight;
        if (proxy > bestProxy) {
          bestProxy = proxy;
          bestFeature = f;
          double mid = here / 2 + next / 2;
          bestThreshold = mid >= next || mid == Double.POSITIVE_INFINITY ? here : mid;
        }
      }
    }
    if (bestFeature < 0) {
      return node;
    }
    // Partition in place: rows at or below the threshold first.
    int i = start;
    int j = end - 1;
    while (i <= j) {
      if (x[idx[i]][bestFeature] <= bestThreshold) {
        i++;
      } else {
        int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        j--;
      }
    }
    feature[node] = bestFeature;
    threshold[node] = bestThreshold;
    int l = grow(idx, start, i, depth + 1);
    left[node] = l;
    int r = grow(idx, i, end, depth + 1);
    right[node] = r;
    return node;
  }

  private int[] permutation(int d) {
    int[] p = new int[d];
    for (int i = 0; i < d; i++) {
      p[i] = i;
    }
    for (int i = d - 1; i > 0; i--) {
      int k = (int) rng.nextLong(i + 1);
      int t = p[i];
      p[i] = p[k];
      p[k] = t;
    }
    return p;
  }

  private int newNode() {
    if (nodeCount == feature.length) {
      int size = nodeCount * 2;
      feature = Arrays.copyOf(feature, size);
      threshold = Arrays.copyOf(threshold, size);
      left = Arrays.copyOf(left, size);
      right = Arrays.copyOf(right, size);
      value = Arrays.copyOf(value, size);
    }
    return nodeCount++;
  }
}
