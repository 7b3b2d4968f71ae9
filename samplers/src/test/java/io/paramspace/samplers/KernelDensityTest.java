package io.paramspace.samplers;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paramspace.runtime.Rng;
import io.paramspace.samplers.spaces.Issue5299Space;
import io.paramspace.samplers.spaces.MixedSpace;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kernel, prior and marginal is a normalized density (or mass function), and draws follow it. */
class KernelDensityTest {
  private static final Map<String, Param> MIXED = Param.of(MixedSpace.space().distributions());

  private static ParamKernels kernels(String name, double... values) {
    return kernels(name, true, values);
  }

  private static ParamKernels kernels(String name, boolean goodSet, double... values) {
    Param p = MIXED.get("Mixed." + name);
    int[] obs = new int[values.length];
    double[] weights = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      obs[i] = i;
      weights[i] = 1 + i; // unequal, so the marginal's weights matter
    }
    Tpe d = Tpe.defaults();
    double clip = goodSet ? d.magicClipExponent() : d.badClipExponent();
    return new ParamKernels(p, values, obs, new int[0], weights, 1.0, d, 1, clip);
  }

  /** Kernels near the ends, in the middle, and clustered (narrow, clipped bandwidths). */
  @Test
  void continuousKernelsIntegrateToOne() {
    ParamKernels k = kernels("plain", -1.0, -0.9, 0.4, 0.41, 0.42, 2.9, 3.0);
    Param p = k.param;
    for (int j = -1; j <= k.m; j++) {
      final int kernel = j;
      double integral = simpson(p.low, p.high, 20_000, v -> Math.exp(density(k, kernel, v)));
      assertEquals(1.0, integral, 1e-8, "kernel " + j);
    }
  }

  /** A log float's kernels are densities of log(v): with the Jacobian 1/v they integrate to one over v. */
  @Test
  void logFloatKernelsIntegrateToOneOverTheValue() {
    ParamKernels k = kernels("logFloat", 1e-4, 3e-4, 0.01, 0.5, 1.0);
    Param p = k.param;
    for (int j = -1; j <= k.m; j++) {
      final int kernel = j;
      // v = exp(y): integral of f(v) dv / v over v is integral of f(exp(y)) dy over y.
      double integral = simpson(Math.log(p.low), Math.log(p.high), 20_000,
          y -> Math.exp(density(k, kernel, Math.exp(y))));
      assertEquals(1.0, integral, 1e-8, "kernel " + j);
    }
  }

  @Test
  void discreteKernelsSumToOneOverTheGrid() {
    ParamKernels[] all = {
      kernels("plainInt", -3, -3, 0, 6, 7),
      kernels("logInt", 1, 2, 10, 99, 100),
      kernels("steppedInt", 0, 4, 20),
      kernels("steppedFloat", 0.0, 0.3, 0.3, 1.0),
    };
    for (ParamKernels k : all) {
      for (int j = -1; j <= k.m; j++) {
        double sum = 0;
        for (long g = 0; g < k.param.count; g++) {
          sum += Math.exp(density(k, j, k.param.gridValue(g)));
        }
        assertEquals(1.0, sum, 1e-12, k.param.name + " kernel " + j);
      }
    }
  }

  @Test
  void categoricalKernelsSumToOneAndFollowTheChoiceWeights() {
    ParamKernels k = kernels("choice", 0, 2, 2);
    for (int j = -1; j <= k.m; j++) {
      double sum = 0;
      for (int c = 0; c < 3; c++) {
        sum += Math.exp(density(k, j, c));
      }
      assertEquals(1.0, sum, 1e-12);
    }
    // The prior is the space's weights 1:2:5; a kernel puts most of its mass on its choice.
    double[] cell = new double[2];
    assertEquals(5.0 / 8, Math.exp(k.logPrior(2, cell)), 1e-12);
    assertThat(Math.exp(k.logKernel(0, 0, cell))).isGreaterThan(0.5);
    // Optuna's kernel with equal weights: (a + 1) / (3a + 1) on the observed choice, a = 1 / (m + 1).
    ParamKernels shape = kernels("shape", 1, 1, 0);
    double a = 1.0 / 4;
    assertEquals((a + 1) / (3 * a + 1), Math.exp(shape.logKernel(0, 1, cell)), 1e-12);
    assertEquals(a / (3 * a + 1), Math.exp(shape.logKernel(0, 2, cell)), 1e-12);
  }

  /** Draws from a kernel have the frequencies its mass function gives (so l is what is sampled). */
  @Test
  void discreteAndCategoricalDrawsFollowTheirMass() {
    ParamKernels[] all = {
      kernels("logInt", 1, 3, 40), kernels("steppedInt", 8), kernels("steppedFloat", 0.2, 0.9), kernels("choice", 1, 2)
    };
    Rng rng = new Rng(7);
    int draws = 200_000;
    for (ParamKernels k : all) {
      for (int j = -1; j < k.m; j++) {
        int count = (int) k.param.count;
        int[] seen = new int[count];
        for (int d = 0; d < draws; d++) {
          double v = k.sample(j, rng);
          seen[(int) Math.round((v - k.param.low) / k.param.step)]++;
        }
        for (int g = 0; g < count; g++) {
          double p = Math.exp(density(k, j, k.param.gridValue(g)));
          double sd = Math.sqrt(p * (1 - p) / draws);
          assertThat(Math.abs(seen[g] / (double) draws - p)).isAtMost(5 * sd + 1e-9);
        }
      }
    }
  }

  @Test
  void continuousDrawsFollowTheirDensity() {
    ParamKernels k = kernels("plain", -0.95, 1.0, 2.99);
    Rng rng = new Rng(11);
    int draws = 100_000;
    int bins = 40;
    for (int j = -1; j < k.m; j++) {
      final int kernel = j;
      int[] seen = new int[bins];
      for (int d = 0; d < draws; d++) {
        double v = k.sample(j, rng);
        seen[Math.min(bins - 1, (int) ((v - k.param.low) / (k.param.high - k.param.low) * bins))]++;
      }
      double width = (k.param.high - k.param.low) / bins;
      for (int b = 0; b < bins; b++) {
        double from = k.param.low + b * width;
        double p = simpson(from, from + width, 200, v -> Math.exp(density(k, kernel, v)));
        double sd = Math.sqrt(p * (1 - p) / draws);
        assertThat(Math.abs(seen[b] / (double) draws - p)).isAtMost(5 * sd + 1e-9);
      }
    }
  }

  /**
   * The joint estimator over the tree of optuna#5299: sum over the branch, integral over the shared
   * t and the branch's own float, is one; with observations from both branches (so A's component
   * falls back to the marginal of z, and B's to that of y).
   */
  @Test
  void jointDensityOverTheTreeIntegratesToOne() {
    Param[] params = Param.array(Param.of(Issue5299Space.space().distributions()));
    double nan = Double.NaN;
    double[][] obs = {
      {0, 1.2, 1.25, nan}, {0, 1.9, 1.7, nan}, {1, -1.5, nan, -1.4}, {1, 0.3, nan, 0.2}, {1, 0.31, nan, 0.35},
    };
    Parzen parzen = new Parzen(params, obs, new double[] {1, 2, 1, 1, 3}, 0.7, Tpe.defaults(), true);
    Parzen.Scratch s = parzen.scratch();
    double total = 0;
    for (int branch = 0; branch < 2; branch++) {
      int own = branch == 0 ? 2 : 3;
      Param ownParam = params[own];
      int[] active = {0, 1, own};
      final int b = branch;
      total += simpson(params[1].low, params[1].high, 400, t -> simpson(ownParam.low, ownParam.high, 400, w -> {
        double[] x = {b, t, nan, nan};
        x[own] = w;
        return Math.exp(parzen.logDensity(x, active, 3, s));
      }));
    }
    assertEquals(1.0, total, 1e-6);
  }

  /** The marginal of a parameter (the fallback for components that lack it) is a density too. */
  @Test
  void marginalIntegratesToOne() {
    ParamKernels k = kernels("plain", 0.1, 0.2, 2.5);
    double[] cell = new double[2];
    double[] scratch = new double[k.m];
    assertEquals(1.0, simpson(k.param.low, k.param.high, 20_000, v -> Math.exp(k.logMarginal(v, cell, scratch))), 1e-8);
    ParamKernels i = kernels("logInt", 5, 6, 7);
    double sum = 0;
    for (long g = 0; g < i.param.count; g++) {
      sum += Math.exp(i.logMarginal(i.param.gridValue(g), cell, new double[i.m]));
    }
    assertEquals(1.0, sum, 1e-12);
  }

  /**
   * Discrete kernels of one centre share their masses, and the masses and the marginal of a grid
   * value are remembered once scored: asked again, in any order, each is still every kernel's own.
   */
  @Test
  void sharedAndRememberedDiscreteMassesAreEachKernelsOwn() {
    ParamKernels k = kernels("logInt", 5, 5, 6, 7, 7, 7);
    double[] cell = new double[2];
    double total = 1.0; // the prior's weight, then the kernels' 1 + i
    for (int i = 0; i < k.m; i++) {
      total += 1 + i;
    }
    java.util.List<Long> order = new java.util.ArrayList<>();
    for (long g = 0; g < k.param.count; g++) {
      order.add(g);
    }
    for (int round = 0; round < 2; round++) {
      java.util.Collections.reverse(order); // the second round asks the remembered values in the other order
      for (long g : order) {
        double v = k.param.gridValue(g);
        double[] acc = new double[k.m];
        k.addLogKernels(v, acc, cell);
        double mixture = Math.exp(k.logPrior(v, cell)) / total;
        for (int i = 0; i < k.m; i++) {
          double own = k.logKernel(i, v, cell);
          assertEquals(own, acc[i], 1e-12);
          mixture += (1 + i) / total * Math.exp(own);
        }
        assertEquals(Math.log(mixture), k.logMarginal(v, cell, new double[k.m]), 1e-12);
      }
    }
  }

  @Test
  void bandwidthsFollowOptunasNeighbourRuleAndMagicClip() {
    Tpe optuna = Tpe.builder().optunaSettings().build();
    // Centres in [0, 10]; Optuna clips to [10 / min(100, m + 2), 10] = [10/7, 10] for m = 5.
    double[] sigma = ParamKernels.bandwidths(new double[] {5, 0.5, 9, 5.5, 2}, 0, 10, optuna, 1, 1.0);
    // Sorted 0.5, 2, 5, 5.5, 9: gaps 1.5, 3, 0.5, 3.5; ends use their inner gap.
    assertThat(Arrays.stream(sigma).boxed().toList()).containsExactly(3.0, 1.5, 3.5, 3.5, 3.0).inOrder();
    double[] tight = ParamKernels.bandwidths(new double[] {5, 5.01, 5.02}, 0, 10, optuna, 1, 1.0);
    assertThat(Arrays.stream(tight).boxed().toList()).containsExactly(2.0, 2.0, 2.0);
    // The default clip shrinks faster: 10 * (3 + 2)^-1.5; and never below 1% of the range.
    double[] sharper = ParamKernels.bandwidths(new double[] {5, 5.01, 5.02}, 0, 10, Tpe.defaults(), 1, 1.5);
    assertThat(sharper[0]).isWithin(1e-12).of(10 * Math.pow(5, -1.5));
    assertThat(ParamKernels.magicClip(10, 500, 1.5)).isWithin(1e-15).of(0.1);
    assertThat(ParamKernels.magicClip(10, 500, 1.0)).isWithin(1e-15).of(0.1);
    Tpe endpoints = Tpe.builder().considerEndpoints(true).considerMagicClip(false).build();
    double[] ends = ParamKernels.bandwidths(new double[] {1, 4}, 0, 10, endpoints, 1, 1.5);
    assertThat(Arrays.stream(ends).boxed().toList()).containsExactly(3.0, 6.0).inOrder();
  }

  /** The bad set's continuous kernels stay wider: their clip falls as (m + 2)^-0.75, the rest as (m + 2)^-1.5. */
  @Test
  void badSetClipsItsContinuousKernelsMoreGently() {
    double[] clustered = {1.0, 1.001, 1.002, 1.003, 1.004, 1.005, 1.006}; // m = 7, range 4
    assertThat(kernels("plain", true, clustered).sigma[3]).isWithin(1e-12).of(4 * Math.pow(9, -1.5));
    assertThat(kernels("plain", false, clustered).sigma[3]).isWithin(1e-12).of(4 * Math.pow(9, -0.75));
    // A discrete parameter keeps one rule for both sets (a wide g over a grid cost TrainingConfig).
    double[] ints = {2, 2, 2, 2, 2, 2, 2}; // range of the kernel coordinate: [-3.5, 7.5]
    double good = kernels("plainInt", true, ints).sigma[0];
    assertThat(kernels("plainInt", false, ints).sigma[0]).isEqualTo(good);
    assertThat(good).isWithin(1e-12).of(11 * Math.pow(9, -1.5));
  }

  /** The linear-time gaps agree with the sorted ones after the clip, for spread, clustered and tied centres. */
  @Test
  void bucketGapsEqualSortedGapsOnceClipped() {
    Rng rng = new Rng(9);
    for (int round = 0; round < 200; round++) {
      int m = 64 + (int) rng.nextLong(3000);
      double[] mu = new double[m];
      for (int i = 0; i < m; i++) {
        double u = rng.nextDouble();
        mu[i] = switch (round % 4) {
          case 0 -> u;
          case 1 -> 0.3 + 0.01 * u; // one tight cluster
          case 2 -> (rng.nextLong(3) == 0 ? 0.9 : 0.1) + 0.05 * u; // two clusters, empty middle
          default -> Math.floor(u * 20) / 20; // many ties
        };
      }
      mu[0] = round % 5 == 0 ? 0 : mu[0]; // a centre on the low end now and then
      mu[m - 1] = round % 7 == 0 ? 1 : mu[m - 1];
      for (boolean ends : new boolean[] {false, true}) {
        for (double floor : new double[] {0.01, 0.024, 0.2}) {
          double[] sorted = new double[m];
          double[] buckets = new double[m];
          ParamKernels.neighbourGapsBySorting(mu, 0, 1, ends, sorted);
          ParamKernels.neighbourGapsByBuckets(mu, 0, 1, floor, ends, buckets);
          for (int i = 0; i < m; i++) {
            assertEquals(Math.min(1, Math.max(floor, sorted[i])), Math.min(1, Math.max(floor, buckets[i])), 1e-12);
          }
        }
      }
    }
  }

  @Test
  void radixOrderMatchesASort() {
    Rng rng = new Rng(3);
    double[] values = new double[5000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 7 == 0 ? values[i / 2] : (rng.nextDouble() - 0.3) * 1e3 * (i % 3 == 0 ? 1e-9 : 1);
    }
    int[] order = ParamKernels.sortedOrder(values);
    for (int r = 1; r < order.length; r++) {
      double a = values[order[r - 1]];
      double b = values[order[r]];
      assertThat(a <= b).isTrue();
      if (a == b) {
        assertThat(order[r - 1]).isLessThan(order[r]); // stable
      }
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Kernel {@code j}'s log density; {@code -1} is the prior, {@code m} the marginal mixture. */
  private static double density(ParamKernels k, int j, double v) {
    double[] cell = new double[2];
    if (j < 0) {
      return k.logPrior(v, cell);
    }
    if (j == k.m) {
      return k.logMarginal(v, cell, new double[k.m]);
    }
    return k.logKernel(j, v, cell);
  }

  /** Composite Simpson's rule with {@code n} (even) intervals. */
  private static double simpson(double a, double b, int n, java.util.function.DoubleUnaryOperator f) {
    double h = (b - a) / n;
    double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
    for (int i = 1; i < n; i++) {
      sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
    }
    return sum * h / 3;
  }
}
