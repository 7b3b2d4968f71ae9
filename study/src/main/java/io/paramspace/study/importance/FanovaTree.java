package io.paramspace.study.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The functional ANOVA of one regression tree (Hutter, Hoos and Leyton-Brown, "An Efficient
 * Approach for Assessing Hyperparameter Importance", ICML 2014), as Optuna's {@code _FanovaTree}
 * computes it. The tree's prediction is a function over the box {@code bounds} (one {@code [low,
 * high]} per encoded column), uniform over it; its total variance is the weighted variance of its
 * leaves (weights: their cells' volumes); the marginal of a set of columns is the prediction
 * averaged over the other columns, a step function whose steps lie between the tree's split
 * thresholds; its variance over the box, divided by the total, is the fraction of the variance
 * those columns explain alone.
 */
final class FanovaTree {
  private final RegressionTree tree;
  private final double[][] bounds;
  private final int nFeatures;
  /** Per node: the volume-weighted mean prediction of its cell, and the cell's volume. */
  private final double[] statValue;
  private final double[] statWeight;
  private final double[][] midpoints;
  private final double[][] sizes;
  private final boolean[][] subtreeFeatures;
  private final double variance;

  FanovaTree(RegressionTree tree, double[][] bounds) {
    this.tree = tree;
    this.bounds = bounds;
    this.nFeatures = bounds.length;
    int n = tree.nodeCount;
    statValue = new double[n];
    statWeight = new double[n];
    precomputeStatistics();
    midpoints = new double[nFeatures][];
    sizes = new double[nFeatures][];
    precomputeMidpoints();
    subtreeFeatures = new boolean[n][nFeatures];
    for (int node = n - 1; node >= 0; node--) {
      int f = tree.feature[node];
      if (f >= 0) {
        subtreeFeatures[node][f] = true;
        for (int child : new int[] {tree.left[node], tree.right[node]}) {
          for (int k = 0; k < nFeatures; k++) {
            subtreeFeatures[node][k] |= subtreeFeatures[child][k];
          }
        }
      }
    }
    variance = leafVariance();
  }

  double variance() {
    return variance;
  }

  private void precomputeStatistics() {
    int n = tree.nodeCount;
    double[][][] cells = new double[n][][];
    cells[0] = bounds;
    for (int node = 0; node < n; node++) {
      double[][] cell = cells[node];
      if (tree.feature[node] < 0) {
        statValue[node] = tree.value[node];
        statWeight[node] = cardinality(cell);
      } else {
        cells[tree.left[node]] = sub(cell, tree.feature[node], 1, tree.threshold[node]);
        cells[tree.right[node]] = sub(cell, tree.feature[node], 0, tree.threshold[node]);
      }
    }
    for (int node = n - 1; node >= 0; node--) {
      if (tree.feature[node] >= 0) {
        int l = tree.left[node];
        int r = tree.right[node];
        double w = statWeight[l] + statWeight[r];
        statValue[node] = (statValue[l] * statWeight[l] + statValue[r] * statWeight[r]) / w;
        statWeight[node] = w;
      }
    }
  }

  private void precomputeMidpoints() {
    List<TreeSet<Double>> splits = new ArrayList<>();
    for (int f = 0; f < nFeatures; f++) {
      splits.add(new TreeSet<>());
    }
    for (int node = 0; node < tree.nodeCount; node++) {
      if (tree.feature[node] >= 0) {
        splits.get(tree.feature[node]).add(tree.threshold[node]);
      }
    }
    for (int f = 0; f < nFeatures; f++) {
      double[] edges = new double[splits.get(f).size() + 2];
      edges[0] = bounds[f][0];
      int k = 1;
      for (double s : splits.get(f)) {
        edges[k++] = s;
      }
      edges[k] = bounds[f][1];
      midpoints[f] = new double[edges.length - 1];
      sizes[f] = new double[edges.length - 1];
      for (int i = 0; i + 1 < edges.length; i++) {
        midpoints[f][i] = 0.5 * (edges[i + 1] + edges[i]);
        sizes[f][i] = edges[i + 1] - edges[i];
      }
    }
  }

  private double leafVariance() {
    double sumW = 0;
    double sumWV = 0;
    for (int node = 0; node < tree.nodeCount; node++) {
      if (tree.feature[node] < 0) {
        sumW += statWeight[node];
        sumWV += statWeight[node] * statValue[node];
      }
    }
    double mean = sumWV / sumW;
    double v = 0;
    for (int node = 0; node < tree.nodeCount; node++) {
      if (tree.feature[node] < 0) {
        double d = statValue[node] - mean;
        v += statWeight[node] * d * d;
      }
    }
    return v / sumW;
  }

  /** The variance of the marginal of {@code columns} (Optuna's {@code get_marginal_variance}). */
  double marginalVariance(int[] columns) {
    int m = columns.length;
    int[] counters = new int[m];
    double[] sample = new double[nFeatures];
    List<Double> values = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    while (true) {
      Arrays.fill(sample, Double.NaN);
      double size = 1;
      for (int k = 0; k < m; k++) {
        sample[columns[k]] = midpoints[columns[k]][counters[k]];
        size *= sizes[columns[k]][counters[k]];
      }
      double[] stat = marginalized(sample);
      values.add(stat[0]);
      weights.add(stat[1] * size);
      int k = m - 1;
      while (k >= 0 && ++counters[k] == midpoints[columns[k]].length) {
        counters[k] = 0;
        k--;
      }
      if (k < 0) {
        break;
      }
    }
    double sumW = 0;
    double sumWV = 0;
    for (int i = 0; i < values.size(); i++) {
      sumW += weights.get(i);
      sumWV += weights.get(i) * values.get(i);
    }
    double mean = sumWV / sumW;
    double v = 0;
    for (int i = 0; i < values.size(); i++) {
      double d = values.get(i) - mean;
      v += weights.get(i) * d * d;
    }
    return Math.max(0, v / sumW);
  }

  /** The mean prediction and weight over the cells consistent with the non-NaN entries of {@code sample}. */
  private double[] marginalized(double[] sample) {
    boolean[] active = new boolean[nFeatures];
    double[][] start = new double[nFeatures][];
    for (int f = 0; f < nFeatures; f++) {
      active[f] = !Double.isNaN(sample[f]);
      start[f] = active[f] ? bounds[f].clone() : new double[] {0, 1};
    }
    List<Integer> nodes = new ArrayList<>();
    List<double[][]> cells = new ArrayList<>();
    nodes.add(0);
    cells.add(start);
    List<Integer> reached = new ArrayList<>();
    List<Double> cardinalities = new ArrayList<>();
    while (!nodes.isEmpty()) {
      int node = nodes.remove(nodes.size() - 1);
      double[][] cell = cells.remove(cells.size() - 1);
      int f = tree.feature[node];
      if (f >= 0) {
        double response = sample[f];
        if (!Double.isNaN(response)) {
          if (response <= tree.threshold[node]) {
            nodes.add(tree.left[node]);
            cells.add(sub(cell, f, 1, tree.threshold[node]));
          } else {
            nodes.add(tree.right[node]);
            cells.add(sub(cell, f, 0, tree.threshold[node]));
          }
          continue;
        }
        boolean splitsActive = false;
        for (int k = 0; k < nFeatures; k++) {
          if (active[k] && subtreeFeatures[node][k]) {
            splitsActive = true;
            break;
          }
        }
        if (splitsActive) {
          nodes.add(tree.left[node]);
          cells.add(cell);
          nodes.add(tree.right[node]);
          cells.add(cell);
          continue;
        }
      }
      reached.add(node);
      cardinalities.add(cardinality(cell));
    }
    double sumW = 0;
    double sumWV = 0;
    for (int i = 0; i < reached.size(); i++) {
      double w = statWeight[reached.get(i)] / cardinalities.get(i);
      sumW += w;
      sumWV += w * statValue[reached.get(i)];
    }
    return new double[] {sumWV / sumW, sumW};
  }

  private static double cardinality(double[][] cell) {
    double c = 1;
    for (double[] b : cell) {
      c *= b[1] - b[0];
    }
    return c;
  }

  private static double[][] sub(double[][] cell, int feature, int column, double threshold) {
    double[][] copy = cell.clone();
    copy[feature] = cell[feature].clone();
    copy[feature][column] = threshold;
    return copy;
  }
}
