package io.paramspace.runtime.sampling;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.Condition;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FixedSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.Overrides;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.RandomTrial;
import io.paramspace.runtime.RecordingTrial;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ConfigSampler draws from a RandomTrial's Rng itself, with draws it built once per field; the
 * values must be the ones RandomTrial's suggest methods give for the same seed, for every kind of
 * space, and any other trial must still be asked by name.
 */
class ConfigSamplerShortcutTest {
  private static final int SEEDS = 20_000;

  private static final ConfigSpace<?> DENSE = new ConfigSpace<>(Object.class, "Dense", List.of());
  private static final ConfigSpace<?> CONV = new ConfigSpace<>(Object.class, "Conv", List.of());
  private static final ConfigSpace<?> RNN = new ConfigSpace<>(Object.class, "Rnn", List.of());

  /** One field of every kind of space, in the order {@link #sampleAll} asks them. */
  private static final ConfigSpace<?> SPACE = new ConfigSpace<>(Object.class, "Config", List.of(
      new FieldSpace("flag", boolean.class, CategoricalSpace.of(true, false)),
      new FieldSpace("three", String.class, CategoricalSpace.of("a", "b", "c")),
      new FieldSpace("seven", Integer.class, CategoricalSpace.of(1, 2, 3, 4, 5, 6, 7)),
      new FieldSpace("weighted", String.class, CategoricalSpace.weighted(List.of("x", "y", "z"), 1, 2, 1)),
      new FieldSpace("oddWeights", String.class,
          CategoricalSpace.weighted(List.of("a", "b", "c", "d", "e"), 3, 1e-9, 0.7, 1, 2.5)),
      new FieldSpace("block", Object.class, PolymorphicSpace.of(DENSE, CONV, RNN)),
      new FieldSpace("weightedBlock", Object.class,
          new PolymorphicSpace(List.of(DENSE, CONV), List.of(3.0, 1.0))),
      new FieldSpace("uniform", double.class, FloatSpace.uniform(0.9, 0.999)),
      new FieldSpace("log", double.class, FloatSpace.logUniform(1e-5, 1e-2)),
      new FieldSpace("stepped", double.class, new FloatSpace(0.0, 1.0, false, 0.1)),
      new FieldSpace("int", int.class, IntSpace.uniform(16, 128)),
      new FieldSpace("steppedInt", long.class, new IntSpace(-30, 70, false, 25)),
      new FieldSpace("logInt", long.class, new IntSpace(1, 1_000_000, true, 1)),
      new FieldSpace("wideInt", long.class, IntSpace.uniform(Long.MIN_VALUE, Long.MAX_VALUE)),
      new FieldSpace("halfWideInt", long.class, IntSpace.uniform(-1, Long.MAX_VALUE)),
      new FieldSpace("mixup", double.class, CategoricalSpace.of(0.5, 0.25)),
      new FieldSpace("size", long.class, CategoricalSpace.of(1000L, 100000L)),
      new FieldSpace("gated", double.class, new ConditionalSpace(
          Condition.equalsTo("flag", true), FloatSpace.uniform(0.0, 0.3), FixedSpace.of(null)))));

  /** The same space narrowed: other bounds, fewer choices and branches, so other draws. */
  private static final ConfigSpace<?> NARROWED = SPACE.narrow(Overrides.fromMap(Map.of(
      "three", List.of("a", "c"),
      "seven", List.of(2, 3, 5),
      "weighted", List.of("y", "z"),
      "block", Map.of("Dense", Map.of(), "Rnn", Map.of()),
      "uniform", Map.of("min", 0.95, "max", 0.99),
      "log", Map.of("min", 1e-4, "max", 1e-3),
      "stepped", Map.of("min", 0.3, "max", 0.7),
      "int", Map.of("min", 20, "max", 40),
      "logInt", Map.of("min", 10, "max", 100))));

  @Test
  void everyKindOfSpaceGivesWhatRandomTrialSuggestsForTheSameSeed() {
    for (ConfigSpace<?> space : List.of(SPACE, NARROWED)) {
      ConfigSampler sampler = ConfigSampler.of(space);
      for (long seed = 0; seed < SEEDS; seed++) {
        List<Object> direct = sampleAll(sampler, new RandomTrial(seed));
        List<Object> asked = sampleAll(sampler, new Delegating(new RandomTrial(seed)));
        assertThat(direct).containsExactlyElementsIn(asked).inOrder();
      }
    }
  }

  @Test
  void eachFieldDrawsWhatRandomTrialsFormulaGives() {
    // Field by field against suggestX on the field's own space: catches a draw built from the
    // wrong space (the false side of a conditional, another field's bounds).
    ConfigSampler sampler = ConfigSampler.of(NARROWED);
    for (int field = 0; field < NARROWED.fields().size(); field++) {
      Space space = NARROWED.field(field).space();
      if (space instanceof ConditionalSpace c) {
        space = c.whenTrue();
      }
      for (long seed = 0; seed < 2_000; seed++) {
        Object expected = suggest(new RandomTrial(seed), space, NARROWED.field(field).type());
        Object actual = sampleOne(sampler, new RandomTrial(seed), field);
        assertThat(actual).isEqualTo(expected);
      }
    }
  }

  @Test
  void theNarrowedSpaceIsReallyNarrowed() {
    // Guards the test above: overrides that changed nothing would test nothing new.
    assertThat(NARROWED).isNotEqualTo(SPACE);
    assertThat(NARROWED.field(NARROWED.indexOf("log")).space()).isEqualTo(FloatSpace.logUniform(1e-4, 1e-3));
    assertThat(((PolymorphicSpace) NARROWED.field(NARROWED.indexOf("block")).space()).branches())
        .containsExactly(DENSE, RNN).inOrder();
  }

  @Test
  void branchSamplersAreFoundByNameEvenWithoutTheSameStringInstance() {
    ConfigSampler sampler = ConfigSampler.of(SPACE);
    int block = SPACE.indexOf("block");
    ConfigSampler conv = sampler.branch(block, "Conv");
    assertThat(conv.space()).isEqualTo(CONV);
    assertThat(sampler.branch(block, new String("Conv".toCharArray()))).isSameInstanceAs(conv);
    assertThat(sampler.branch(block, "Rnn").space()).isEqualTo(RNN);
    assertThat(sampler.branch(block, "Lstm")).isNull();
  }

  @Test
  void otherTrialsAreStillAskedByName() {
    RecordingTrial recording = new RecordingTrial();
    ConfigSampler sampler = ConfigSampler.of(SPACE);

    List<Object> values = sampleAll(sampler, recording);

    assertThat(recording.names()).containsExactly(
        "Config.flag", "Config.three", "Config.seven", "Config.weighted", "Config.oddWeights",
        "Config.block", "Config.weightedBlock", "Config.uniform", "Config.log", "Config.stepped",
        "Config.int", "Config.steppedInt", "Config.logInt", "Config.wideInt", "Config.halfWideInt",
        "Config.mixup", "Config.size", "Config.gated::true_branch").inOrder();
    // RecordingTrial answers the last choice or the minimum.
    assertThat(values.subList(0, 8)).containsExactly(false, "c", 7, "z", "e", "Rnn", "Conv", 0.9).inOrder();
  }

  /** Every field in order, as generated code asks them (the conditional one while it holds). */
  private static List<Object> sampleAll(ConfigSampler sampler, Trial trial) {
    List<Object> values = new ArrayList<>();
    for (int field = 0; field < sampler.space().fields().size(); field++) {
      values.add(sampleOne(sampler, trial, field));
    }
    return values;
  }

  private static Object sampleOne(ConfigSampler sampler, Trial trial, int field) {
    Class<?> type = sampler.space().field(field).type();
    if (sampler.space().field(field).space() instanceof PolymorphicSpace) {
      return sampler.nextBranch(trial, field);
    }
    if (type == double.class) {
      return sampler.nextDouble(trial, field);
    }
    if (type == int.class) {
      return sampler.nextInt(trial, field);
    }
    if (type == long.class) {
      return sampler.nextLong(trial, field);
    }
    return sampler.nextChoice(trial, field);
  }

  /** RandomTrial's answer for {@code space}, in the Java type sampleOne returns for {@code type}. */
  private static Object suggest(RandomTrial trial, Space space, Class<?> type) {
    Object value;
    if (space instanceof FloatSpace f) {
      value = trial.suggestFloat("x", f);
    } else if (space instanceof IntSpace i) {
      value = trial.suggestInt("x", i);
    } else if (space instanceof PolymorphicSpace p) {
      value = trial.suggestCategorical("x", p.choice());
    } else {
      value = trial.suggestCategorical("x", (CategoricalSpace<?>) space);
    }
    if (type == double.class) {
      return ((Number) value).doubleValue();
    }
    if (type == int.class) {
      return Math.toIntExact(((Number) value).longValue());
    }
    if (type == long.class) {
      return ((Number) value).longValue();
    }
    return value;
  }

  /** Not a RandomTrial, so ConfigSampler asks it by name; it passes the question on. */
  private record Delegating(Trial inner) implements Trial {
    @Override
    public double suggestFloat(String name, FloatSpace space) {
      return inner.suggestFloat(name, space);
    }

    @Override
    public long suggestInt(String name, IntSpace space) {
      return inner.suggestInt(name, space);
    }

    @Override
    public <T> T suggestCategorical(String name, CategoricalSpace<T> space) {
      return inner.suggestCategorical(name, space);
    }
  }
}
