package io.paramspace.samplers;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The ask/tell engine on its own: convergence, population, weights, bounds, termination. */
class CmaEsOptimizerTest {

  /** Runs {@code generations} generations from the centre and returns the best loss seen. */
  private static double run(int n, int generations, long seed, ToDoubleFunction<double[]> f) {
    CmaEsOptimizer cma = new CmaEsOptimizer(centre(n), 1.0 / 6, 0);
    Rng rng = new Rng(seed);
    double best = Double.POSITIVE_INFINITY;
    for (int g = 0; g < generations; g++) {
      List<double[]> xs = new ArrayList<>();
      double[] fs = new double[cma.populationSize()];
      for (int k = 0; k < fs.length; k++) {
        double[] x = cma.ask(rng);
        xs.add(x);
        fs[k] = f.applyAsDouble(x);
        best = Math.min(best, fs[k]);
      }
      cma.tell(xs, fs);
    }
    return best;
  }

  private static double[] centre(int n) {
    double[] m = new double[n];
    Arrays.fill(m, 0.5);
    return m;
  }

  private static double sphere(double[] x) {
    double s = 0;
    for (double v : x) {
      s += (v - 0.3) * (v - 0.3);
    }
    return s;
  }

  /** Rosenbrock on [-2, 2]^2 (cube coordinate u is 4u - 2); minimum 0 at (1, 1), u = 0.75. */
  private static double rosenbrock(double[] u) {
    double a = 4 * u[0] - 2;
    double b = 4 * u[1] - 2;
    return 100 * (b - a * a) * (b - a * a) + (1 - a) * (1 - a);
  }

  @Test
  void convergesOnASphere() {
    // 5-D, lambda 8: 150 generations (1,200 evaluations) take a random search nowhere near 1e-10.
    for (long seed = 0; seed < 3; seed++) {
      assertThat(run(5, 150, seed, CmaEsOptimizerTest::sphere)).isLessThan(1e-10);
    }
  }

  @Test
  void convergesOnRosenbrock2d() {
    // lambda 6: 300 generations, 1,800 evaluations, along the curved valley to (1, 1).
    for (long seed = 0; seed < 3; seed++) {
      assertThat(run(2, 300, seed, CmaEsOptimizerTest::rosenbrock)).isLessThan(1e-8);
    }
  }

  @Test
  void defaultPopulationIsFourPlusThreeLogN() {
    assertThat(CmaEsOptimizer.defaultPopulationSize(1)).isEqualTo(4);
    assertThat(CmaEsOptimizer.defaultPopulationSize(2)).isEqualTo(6);
    assertThat(CmaEsOptimizer.defaultPopulationSize(6)).isEqualTo(9);
    assertThat(CmaEsOptimizer.defaultPopulationSize(10)).isEqualTo(10);
    assertThat(new CmaEsOptimizer(centre(6), 0.2, 0).populationSize()).isEqualTo(9);
    assertThat(new CmaEsOptimizer(centre(6), 0.2, 20).populationSize()).isEqualTo(20);
  }

  @Test
  void positiveWeightsSumToOneAndDecreaseByRank() {
    double[] w = new CmaEsOptimizer(centre(6), 0.2, 0).weights();
    double positive = 0;
    for (int i = 0; i < 4; i++) {
      positive += w[i];
      assertThat(w[i]).isGreaterThan(w[i + 1]);
    }
    assertThat(positive).isWithin(1e-12).of(1.0);
    assertThat(w[4]).isEqualTo(0.0); // ln(5) - ln(5): the middle rank of nine
    assertThat(w[8]).isLessThan(0.0);
  }

  @Test
  void aGenerationIsExactlyLambdaPoints() {
    CmaEsOptimizer cma = new CmaEsOptimizer(centre(2), 0.2, 0);
    Rng rng = new Rng(1);
    List<double[]> five = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      five.add(cma.ask(rng));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cma.tell(five, new double[5]));
    assertThat(e).hasMessageThat().contains("a generation has 6 points");
    assertThat(cma.generation()).isEqualTo(0);
  }

  @Test
  void askedPointsStayInTheCube() {
    // A mean at a corner and a wide step: most draws fall outside and are resampled or clipped.
    CmaEsOptimizer cma = new CmaEsOptimizer(new double[] {0, 1, 0}, 0.9, 0);
    Rng rng = new Rng(3);
    for (int k = 0; k < 500; k++) {
      for (double v : cma.ask(rng)) {
        assertThat(v).isAtLeast(0.0);
        assertThat(v).isAtMost(1.0);
      }
    }
  }

  @Test
  void aFlatObjectiveStopsByTolFun() {
    CmaEsOptimizer cma = new CmaEsOptimizer(centre(2), 1.0 / 6, 0);
    Rng rng = new Rng(5);
    int generations = 0;
    while (cma.stop().isEmpty()) {
      List<double[]> xs = new ArrayList<>();
      for (int k = 0; k < cma.populationSize(); k++) {
        xs.add(cma.ask(rng));
      }
      cma.tell(xs, new double[cma.populationSize()]);
      generations++;
      assertThat(generations).isLessThan(1000);
    }
    assertThat(cma.stop()).hasValue(CmaEsOptimizer.Stop.TOL_FUN);
    // 10 + ceil(30 n / lambda) = 20 generations of history must be full first.
    assertThat(generations).isEqualTo(21);
  }

  @Test
  void aConvergedRunStopsByTolX() {
    CmaEsOptimizer cma = new CmaEsOptimizer(centre(2), 1.0 / 6, 0);
    Rng rng = new Rng(9);
    // A sphere whose values differ (no TOL_FUN) until sigma is below 1e-12 sigma0.
    int generations = 0;
    while (cma.stop().isEmpty() && generations < 3000) {
      List<double[]> xs = new ArrayList<>();
      double[] fs = new double[cma.populationSize()];
      for (int k = 0; k < fs.length; k++) {
        double[] x = cma.ask(rng);
        xs.add(x);
        fs[k] = Math.log(sphere(x) + 1e-300);
      }
      cma.tell(xs, fs);
      generations++;
    }
    // sigma and C share the scale: the standard deviations sigma sqrt(C_ii) are what fall below 1e-12 sigma0.
    assertThat(cma.stop()).hasValue(CmaEsOptimizer.Stop.TOL_X);
    assertThat(cma.sigma() * Math.sqrt(cma.covariance()[0][0])).isLessThan(1e-12 / 6);
  }

  @Test
  void badArgumentsNameTheArgument() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> new CmaEsOptimizer(new double[] {0.5, 2}, 0.1, 0)))
        .hasMessageThat().contains("coordinate 1 is 2.0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> new CmaEsOptimizer(centre(2), 0, 0)))
        .hasMessageThat().contains("sigma");
    assertThat(assertThrows(IllegalArgumentException.class, () -> new CmaEsOptimizer(centre(2), 0.1, 1)))
        .hasMessageThat().contains("populationSize");
  }
}
