package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.ReplayTrial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What generated {@code sample(Trial)} asks: only the active parameters, each once, by a name from
 * {@code parameterNames()}, with categorical answers of their real types; and a replay of the
 * answers gives the same config.
 */
class TrialQuestionsTest {
  private static final String MODEL = "TrainingConfig.model::ModelConfig.";
  private static final String BLOCK = MODEL + "blockConfig";
  private static final String OPTIMIZER = "TrainingConfig.optimizer::OptimizerConfig.";
  private static final int TRIALS = 2_000;

  /** One sampled TrainingConfig and the questions that made it. */
  private record Recorded(long seed, TrainingConfig config, RecordingTrial trial) {}

  private static List<Recorded> recorded;

  @BeforeAll
  static void record() {
    recorded = LongStream.range(0, TRIALS).mapToObj(seed -> {
      RecordingTrial trial = new RecordingTrial(seed);
      return new Recorded(seed, TrainingConfigSpace.sample(trial), trial);
    }).toList();
  }

  @Test
  void asksExactlyTheActiveParametersEachOnce() {
    for (Recorded r : recorded) {
      assertWithMessage("questions for %s", r.config())
          .that(r.trial().names())
          .containsExactlyElementsIn(activeNames(r.config()));
    }
  }

  @Test
  void neverAsksAnInactiveBranch() {
    for (Recorded r : recorded) {
      List<String> names = r.trial().names();
      String optimizer = r.config().optimizer().name();
      if (optimizer.equals("adam")) {
        assertThat(names).doesNotContain(OPTIMIZER + "momentum::true_branch");
      } else {
        assertThat(names).doesNotContain(OPTIMIZER + "beta2::true_branch");
      }
      String other = r.config().model().blockConfig() instanceof DenseConfig ? "::ConvConfig." : "::DenseConfig.";
      assertWithMessage("questions for %s", r.config())
          .that(names.stream().filter(n -> n.contains(other)).toList())
          .isEmpty();
    }
  }

  @Test
  void asksOnlyNamesFromParameterNamesNeverTwice() {
    Set<String> asked = new HashSet<>();
    for (Recorded r : recorded) {
      List<String> names = r.trial().names();
      assertWithMessage("questions for %s", r.config()).that(names).containsNoDuplicates();
      assertThat(TrainingConfigSpace.parameterNames()).containsAtLeastElementsIn(names);
      asked.addAll(names);
    }
    // Over 2,000 trials every parameter is asked at some point.
    assertThat(asked).containsExactlyElementsIn(TrainingConfigSpace.parameterNames());
  }

  @Test
  void asksWithTheDeclaredSpaces() {
    for (Recorded r : recorded) {
      for (RecordingTrial.Question q : r.trial().questions()) {
        if (q.name().equals(OPTIMIZER + "learningRate")) {
          assertThat(q.space()).isEqualTo(FloatSpace.logUniform(1e-5, 1e-2));
        } else if (q.name().equals("TrainingConfig.batchSize")) {
          assertThat(q.space()).isEqualTo(IntSpace.uniform(16, 128));
        } else if (q.name().equals(BLOCK)) {
          assertThat(q.space()).isEqualTo(CategoricalSpace.of("DenseConfig", "ConvConfig"));
        }
      }
    }
  }

  @Test
  void categoricalAnswersKeepTheirRealTypes() {
    Set<Class<?>> seen = new HashSet<>();
    for (Recorded r : recorded) {
      for (RecordingTrial.Question q : r.trial().questions()) {
        if (!(q.space() instanceof CategoricalSpace<?> space)) {
          continue;
        }
        Class<?> expected = expectedAnswerType(q.name());
        assertWithMessage("answer to %s", q.name()).that(q.answer()).isInstanceOf(expected);
        assertWithMessage("choices of %s", q.name()).that(space.choices()).contains(q.answer());
        seen.add(expected);
      }
    }
    assertThat(seen).containsExactly(Boolean.class, Activation.class, String.class);
  }

  @Test
  void intChoicesAreAskedAsIntegers() {
    for (long seed = 0; seed < 200; seed++) {
      RecordingTrial trial = new RecordingTrial(seed);
      WeightedConfig config = WeightedConfigSpace.sample(trial);
      Map<String, Object> answers = trial.answers();
      assertThat(answers.get("WeightedConfig.width")).isInstanceOf(Integer.class);
      assertThat(answers.get("WeightedConfig.width")).isEqualTo(config.width());
      assertThat(answers.get("WeightedConfig.shuffle")).isInstanceOf(Boolean.class);
      assertThat(answers.get("WeightedConfig.activation")).isInstanceOf(Activation.class);
      assertThat(answers.get("WeightedConfig.shape")).isEqualTo(config.shape().getClass().getSimpleName());
    }
  }

  @Test
  void aRecordingTrialGivesTheSameConfigAsRandom() {
    for (Recorded r : recorded) {
      assertThat(r.config()).isEqualTo(TrainingConfigSpace.random(r.seed()));
    }
  }

  @Test
  void replayingTheAnswersGivesTheSameConfig() {
    for (Recorded r : recorded) {
      assertThat(TrainingConfigSpace.sample(new ReplayTrial(r.trial().answers()))).isEqualTo(r.config());
    }
    for (long seed = 0; seed < 200; seed++) {
      RecordingTrial trial = new RecordingTrial(seed);
      WeightedConfig config = WeightedConfigSpace.sample(trial);
      assertThat(WeightedConfigSpace.sample(new ReplayTrial(trial.answers()))).isEqualTo(config);
    }
  }

  /** The parameters a config's values make active, written out by hand from the records. */
  private static List<String> activeNames(TrainingConfig config) {
    List<String> names = new ArrayList<>();
    names.add(BLOCK);
    BlockConfig block = config.model().blockConfig();
    if (block instanceof DenseConfig dense) {
      String prefix = BLOCK + "::DenseConfig.";
      names.addAll(List.of(prefix + "numLayers", prefix + "activation", prefix + "normInput", prefix + "useDropout"));
      if (dense.useDropout()) {
        names.add(prefix + "dropoutRate::true_branch");
      }
    } else if (block instanceof ConvConfig conv) {
      String prefix = BLOCK + "::ConvConfig.";
      names.addAll(List.of(prefix + "numLayers", prefix + "activation", prefix + "kernelSize",
          prefix + "normInput", prefix + "useDropout"));
      if (conv.useDropout()) {
        names.add(prefix + "dropoutRate::true_branch");
      }
    }
    names.add(MODEL + "numBlocks");
    names.add(OPTIMIZER + "name");
    names.add(OPTIMIZER + "learningRate");
    names.add(OPTIMIZER + (config.optimizer().name().equals("sgd") ? "momentum" : "beta2") + "::true_branch");
    names.add("TrainingConfig.batchSize");
    return names;
  }

  private static Class<?> expectedAnswerType(String name) {
    if (name.endsWith(".normInput") || name.endsWith(".useDropout")) {
      return Boolean.class;
    }
    if (name.endsWith(".activation")) {
      return Activation.class;
    }
    if (name.equals(BLOCK) || name.equals(OPTIMIZER + "name")) {
      return String.class;
    }
    throw new AssertionError("no categorical expected at " + name);
  }
}
