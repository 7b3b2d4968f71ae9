package io.paramspace.sample;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.study.Best;
import io.paramspace.study.Direction;
import io.paramspace.study.Study;
import io.paramspace.study.StudyTrial;
import io.paramspace.study.sampler.TpeSampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An example study on the embedded SQLite store: TrainingConfig's space, a cheap synthetic
 * objective ({@link SampleApp#score}, a stand-in for a validation score, reported per "epoch"),
 * searched by TPE, 60 trials in total in {@code studies/example.db}. Run it again and it continues the same study
 * to a larger total if you give one ({@code exec.args="120"}); Python's Optuna opens the same file.
 * A second argument names another study file ({@code exec.args="60 runs/my.db"}).
 */
public final class ExampleStudy {
  static final String DEFAULT_FILE = "studies/example.db";
  static final String NAME = "training-config";

  private ExampleStudy() {}

  public static void main(String[] args) {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    Path file = Path.of(args.length > 1 ? args[1] : DEFAULT_FILE);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of " + file.toAbsolutePath(), e);
    }
    String url = "sqlite:" + file;
    ConfigSpace<TrainingConfig> space = TrainingConfigSpace.space();
    // TPE (multivariate along the space's tree) after 10 random startup trials.
    try (Study study = Study.builder(url, NAME).directions(Direction.MAXIMIZE).sampler(new TpeSampler()).open()) {
      int before = study.trialCount();
      study.optimize(space, ExampleStudy::train, total);
      Best<TrainingConfig> best = study.best(space);
      System.out.printf("study '%s' in %s: %d trials (%d new)%n", NAME, url, study.trialCount(),
          study.trialCount() - before);
      System.out.printf("best value %.4f (trial %d)%n", best.value(), best.trial().number());
      System.out.println("best config: " + best.config());
      System.out.print(space.toJson(best.config()));
    }
  }

  /** Five "epochs" that approach the config's score, reported as intermediate values. */
  static double train(TrainingConfig config, StudyTrial<TrainingConfig> trial) {
    double target = SampleApp.score(config);
    double value = 0;
    for (int epoch = 1; epoch <= 5; epoch++) {
      value = target * (1 - Math.pow(0.5, epoch));
      trial.report(epoch, value);
    }
    return value;
  }
}
