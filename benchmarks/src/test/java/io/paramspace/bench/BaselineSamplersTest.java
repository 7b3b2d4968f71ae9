package io.paramspace.bench;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.sample.ConvConfig;
import io.paramspace.sample.DenseConfig;
import io.paramspace.sample.TrainingConfig;
import io.paramspace.sample.TrainingConfigSpace;
import org.junit.jupiter.api.Test;

/** The sampling benchmark is fair only if the baselines do the same draws for the same configs. */
class BaselineSamplersTest {
  private static final int SEEDS = 1_000;

  @Test
  void returnsTheGeneratedConfigForEverySeed() {
    for (long seed = 0; seed < SEEDS; seed++) {
      assertThat(HandWrittenTrainingSampler.random(seed))
          .isEqualTo(TrainingConfigSpace.random(seed));
    }
  }

  @Test
  void theTrialSamplerReturnsTheGeneratedConfigForEverySeed() {
    for (long seed = 0; seed < SEEDS; seed++) {
      assertThat(TrialTrainingSampler.random(seed)).isEqualTo(TrainingConfigSpace.random(seed));
    }
  }

  @Test
  void theComparedSeedsReachEveryBranch() {
    // Equality on seeds that all took one branch would not show that the others draw alike.
    boolean dense = false;
    boolean conv = false;
    boolean dropout = false;
    boolean noDropout = false;
    boolean adam = false;
    boolean sgd = false;
    boolean checkpoint = false;
    for (long seed = 0; seed < SEEDS; seed++) {
      TrainingConfig config = HandWrittenTrainingSampler.random(seed);
      Double dropoutRate;
      if (config.model().blockConfig() instanceof DenseConfig d) {
        dense = true;
        dropoutRate = d.dropoutRate();
      } else {
        conv = true;
        dropoutRate = ((ConvConfig) config.model().blockConfig()).dropoutRate();
      }
      dropout |= dropoutRate != null;
      noDropout |= dropoutRate == null;
      adam |= config.optimizer().name().equals("adam");
      sgd |= config.optimizer().name().equals("sgd");
      checkpoint |= config.model().useCheckpoint();
    }
    assertThat(new boolean[] {dense, conv, dropout, noDropout, adam, sgd, checkpoint})
        .asList()
        .doesNotContain(false);
  }
}
