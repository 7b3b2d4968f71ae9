package io.paramspace.runtime;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ConfigSampler draws equally weighted categoricals of a RandomTrial itself; the answer must be
 * the one RandomTrial.suggestCategorical gives for the same seed, and other trials must still be
 * asked.
 */
class ConfigSamplerShortcutTest {
  private static final int SEEDS = 20_000;

  private static final ConfigSpace DENSE = new ConfigSpace(Object.class, "Dense", List.of());
  private static final ConfigSpace CONV = new ConfigSpace(Object.class, "Conv", List.of());
  private static final ConfigSpace RNN = new ConfigSpace(Object.class, "Rnn", List.of());
  private static final ConfigSpace SPACE = new ConfigSpace(Object.class, "Config", List.of(
      new FieldSpace("flag", boolean.class, CategoricalSpace.of(true, false)),
      new FieldSpace("three", String.class, CategoricalSpace.of("a", "b", "c")),
      new FieldSpace("seven", Integer.class, CategoricalSpace.of(1, 2, 3, 4, 5, 6, 7)),
      new FieldSpace("weighted", String.class, CategoricalSpace.weighted(List.of("x", "y", "z"), 1, 2, 1)),
      new FieldSpace("block", Object.class, PolymorphicSpace.of(DENSE, CONV, RNN)),
      new FieldSpace("weightedBlock", Object.class,
          new PolymorphicSpace(List.of(DENSE, CONV), List.of(3.0, 1.0)))));

  @Test
  void choicesAreWhatRandomTrialPicksForTheSameSeed() {
    ConfigSampler sampler = ConfigSampler.of(SPACE);
    for (int field = 0; field < 4; field++) {
      CategoricalSpace<?> space = (CategoricalSpace<?>) SPACE.field(field).space();
      for (long seed = 0; seed < SEEDS; seed++) {
        Object expected = new RandomTrial(seed).suggestCategorical("x", space);
        Object actual = sampler.nextChoice(new RandomTrial(seed), field);
        assertThat(actual).isEqualTo(expected);
      }
    }
  }

  @Test
  void branchesAreWhatRandomTrialPicksForTheSameSeed() {
    ConfigSampler sampler = ConfigSampler.of(SPACE);
    for (int field = 4; field < 6; field++) {
      CategoricalSpace<String> choice = ((PolymorphicSpace) SPACE.field(field).space()).choice();
      for (long seed = 0; seed < SEEDS; seed++) {
        String expected = new RandomTrial(seed).suggestCategorical("x", choice);
        assertThat(sampler.nextBranch(new RandomTrial(seed), field)).isEqualTo(expected);
      }
    }
  }

  @Test
  void otherTrialsAreStillAskedByName() {
    List<String> asked = new ArrayList<>();
    Trial firstChoice = new Trial() {
      @Override
      public double suggestFloat(String name, FloatSpace space) {
        throw new AssertionError(name);
      }

      @Override
      public long suggestInt(String name, IntSpace space) {
        throw new AssertionError(name);
      }

      @Override
      public <T> T suggestCategorical(String name, CategoricalSpace<T> space) {
        asked.add(name);
        return space.choices().get(space.choices().size() - 1);
      }
    };
    ConfigSampler sampler = ConfigSampler.of(SPACE);

    Object three = sampler.nextChoice(firstChoice, 1);
    String block = sampler.nextBranch(firstChoice, 4);

    assertThat(three).isEqualTo("c");
    assertThat(block).isEqualTo("Rnn");
    assertThat(asked).containsExactly("Config.three", "Config.block").inOrder();
  }
}
