package io.paramspace.sample;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.InputFormat;
import io.paramspace.runtime.InvalidInputException;
import io.paramspace.runtime.Overrides;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.LongStream;

/**
 * The TrainingConfig space end to end: its tree, its parameter names and five seeded configs; then
 * the refinement loop: a broad round of random configs scored by a toy objective, an override file
 * that narrows the space, the narrowed tree and a narrowed round.
 *
 * <p>Run with no argument for the bundled {@code refine.yaml}, or with the path of your own
 * override file (JSON, YAML or TOML).
 */
public final class SampleApp {
  private static final String BUNDLED_OVERRIDES = "refine.yaml";

  private SampleApp() {}

  public static void main(String[] args) {
    ConfigSpace<TrainingConfig> space = TrainingConfigSpace.space();
    // Read and check the override file first: a bad file is reported before anything is printed.
    ConfigSpace<TrainingConfig> narrowed;
    Overrides overrides;
    try {
      overrides = args.length > 0 ? Overrides.fromFile(Path.of(args[0])) : bundledOverrides();
      narrowed = space.narrow(overrides);
    } catch (InvalidInputException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }

    System.out.println("== The space ==");
    System.out.print(TrainingConfigSpace.tree());
    System.out.println();
    System.out.println("== Parameter names ==");
    TrainingConfigSpace.parameterNames().forEach(System.out::println);
    System.out.println();
    System.out.println("== Five seeded configs (seeds 42 to 46) ==");
    for (long seed = 42; seed < 47; seed++) {
      System.out.println(seed + ": " + TrainingConfigSpace.random(seed));
    }
    System.out.println();

    System.out.println("== Round 1: broad search, 200 random configs ==");
    System.out.println("space hash " + space.hash());
    TrainingConfig broadBest = best(LongStream.range(0, 200).mapToObj(space::random));
    System.out.printf("best score %.4f: %s%n%n", score(broadBest), broadBest);

    System.out.println("== Round 2: narrowed by " + overrides.source() + " ==");
    System.out.print(narrowed.tree());
    System.out.println("space hash " + narrowed.hash());
    System.out.println("parameters still searched: " + narrowed.parameterNames().size()
        + " of " + space.parameterNames().size());
    TrainingConfig narrowBest = best(LongStream.range(0, 200).mapToObj(narrowed::random));
    System.out.printf("best score %.4f: %s%n", score(narrowBest), narrowBest);
    System.out.println();
    System.out.println("As JSON, ready to save with the run:");
    System.out.print(space.toJson(narrowBest));
  }

  private static Overrides bundledOverrides() {
    try (InputStream in = SampleApp.class.getResourceAsStream(BUNDLED_OVERRIDES)) {
      if (in == null) {
        throw new IllegalStateException(BUNDLED_OVERRIDES + " is missing from the sample app's resources");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Overrides.parse(text, InputFormat.YAML, "sample-app/src/main/resources/io/paramspace/sample/"
          + BUNDLED_OVERRIDES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TrainingConfig best(java.util.stream.Stream<TrainingConfig> configs) {
    return configs.max(Comparator.comparingDouble(SampleApp::score)).orElseThrow();
  }

  /**
   * A toy stand-in for a validation score: best near a learning rate of 3e-4 with Adam, a batch
   * of 64 and six dense layers.
   */
  static double score(TrainingConfig config) {
    double lr = Math.log10(config.optimizer().learningRate()) + 3.5;
    double score = 1 - lr * lr - Math.abs(config.batchSize() - 64) / 256.0;
    if (config.optimizer().name().equals("adam")) {
      score += 0.1;
    }
    if (config.model().blockConfig() instanceof DenseConfig dense) {
      score += 0.1 - Math.abs(dense.numLayers() - 6) * 0.02;
    }
    return score;
  }
}
