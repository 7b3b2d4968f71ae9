package io.paramspace.bench.search;

import io.paramspace.runtime.Rng;
import io.paramspace.sample.ConvConfig;
import io.paramspace.sample.DenseConfig;
import io.paramspace.sample.TrainingConfig;
import io.paramspace.sample.TrainingConfigSpace;
import io.paramspace.samplers.Direction;
import io.paramspace.samplers.Observation;
import io.paramspace.samplers.Proposal;
import io.paramspace.samplers.Tpe;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TPE on SpaX's TrainingConfig space (the sample app's: a polymorphic block, conditional dropout,
 * momentum and beta2, 18 parameter names, 11 active per config on average) against random search,
 * with a synthetic objective whose best region differs by branch, and the time of one propose +
 * sample at 1,000 complete trials (random configs).
 *
 * <p>The objective (minimized, 0 at best): the learning rate's distance from 3e-4 in decades,
 * squared; the batch size's from 64; for a dense block, the layers' distance from 8 and a GELU
 * activation; for a convolutional block, the kernel's distance from 5, the layers' from 3 and
 * dropout near 0.2; and a convolutional block is 0.05 better than the best dense one, so a search
 * must learn both which branch and that branch's own parameters.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.paramspace.bench.search.TrainingConfigTpeBenchmark [--seeds 20] [--trials 100] [--timing-only]
 * </pre>
 */
public final class TrainingConfigTpeBenchmark {
  private TrainingConfigTpeBenchmark() {}

  static double objective(TrainingConfig c) {
    double lr = Math.log10(c.optimizer().learningRate() / 3e-4);
    double loss = lr * lr + Math.abs(c.batchSize() - 64) / 128.0;
    if (c.model().blockConfig() instanceof DenseConfig d) {
      loss += 0.05 + Math.abs(d.numLayers() - 8) * 0.03 + (d.activation().name().equals("GELU") ? 0 : 0.05);
    } else if (c.model().blockConfig() instanceof ConvConfig conv) {
      loss += Math.abs(conv.kernelSize() - 5) * 0.01 + Math.abs(conv.numLayers() - 3) * 0.03
          + (conv.useDropout() ? Math.abs(conv.dropoutRate() - 0.2) : 0.1);
    }
    return loss;
  }

  public static void main(String[] args) {
    int seeds = 20;
    int trials = 100;
    boolean timingOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seeds" -> seeds = Integer.parseInt(args[++i]);
        case "--trials" -> trials = Integer.parseInt(args[++i]);
        case "--timing-only" -> timingOnly = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; use --seeds N, --trials N, --timing-only");
      }
    }
    if (timingOnly) {
      timing();
      return;
    }
    double[] tpe = new double[seeds];
    double[] random = new double[seeds];
    int wins = 0;
    for (int s = 0; s < seeds; s++) {
      tpe[s] = bestTpe(Tpe.builder().seed(s).build(), trials);
      random[s] = bestRandom(s, trials);
      if (tpe[s] < random[s]) {
        wins++;
      }
    }
    System.out.printf(Locale.ROOT, "TrainingConfig, best after %d trials, seeds 0-%d: TPE %s, random %s;"
        + " TPE better on %d of %d seeds%n", trials, seeds - 1, TpeBenchmark.summary(tpe), TpeBenchmark.summary(random), wins, seeds);
    timing();
  }

  static double bestTpe(Tpe tpe, int trials) {
    List<Observation> history = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    for (int t = 0; t < trials; t++) {
      Proposal p = tpe.propose(TrainingConfigSpace.space(), history, Direction.MINIMIZE);
      double v = objective(p.config(TrainingConfigSpace.space()));
      history.add(Observation.complete(p.params(), v));
      best = Math.min(best, v);
    }
    return best;
  }

  static double bestRandom(long seed, int trials) {
    Rng rng = new Rng(seed);
    double best = Double.POSITIVE_INFINITY;
    for (int t = 0; t < trials; t++) {
      best = Math.min(best, objective(TrainingConfigSpace.space().random(rng)));
    }
    return best;
  }

  /** Propose + build the config at 1,000 complete trials (random configs with their values). */
  static void timing() {
    Rng rng = new Rng(12345);
    Tpe tpe = Tpe.builder().seed(7).build();
    List<Observation> history = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      // With no history TPE draws from the prior: random configs, with their parameters in internal form.
      Proposal p = tpe.propose(TrainingConfigSpace.space(), List.of(), Direction.MINIMIZE, rng);
      history.add(Observation.complete(p.params(), objective(p.config(TrainingConfigSpace.space()))));
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 2_000; i++) { // warm-up: fewer calls left the JIT's result varying by 20% between runs
      tpe.propose(TrainingConfigSpace.space(), history, Direction.MINIMIZE).config(TrainingConfigSpace.space());
    }
    double[] wall = new double[1_000];
    double[] cpu = new double[1_000];
    for (int i = 0; i < wall.length; i++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      tpe.propose(TrainingConfigSpace.space(), history, Direction.MINIMIZE).config(TrainingConfigSpace.space());
      wall[i] = (System.nanoTime() - w0) / 1e6;
      cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
    }
    System.out.printf(Locale.ROOT, "TrainingConfig, propose + sample at 1,000 complete trials: median %.3f ms wall,"
        + " %.3f ms CPU%n", TpeBenchmark.median(wall), TpeBenchmark.median(cpu));
  }

}
