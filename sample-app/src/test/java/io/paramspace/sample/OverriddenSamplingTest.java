package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.Overrides;
import io.paramspace.runtime.RandomTrial;
import io.paramspace.runtime.Trial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** random, sample, tree and parameterNames under overrides. */
class OverriddenSamplingTest {
  private static final int SEEDS = 5_000;

  /** The example: a subset, a fixed choice, a narrowed log range, one branch narrowed. */
  private static TrainingConfigSpace.Builder example() {
    return TrainingConfigSpace.overrides()
        .batchSize(32, 64)
        .optimizer(o -> o.name("adam").learningRateBetween(1e-4, 1e-3))
        .model(m -> m.blockConfig(b -> b.denseConfig(d -> d.numLayers(4))));
  }

  @Test
  void randomSamplesOnlyWithinTheNarrowedSpace() {
    ConfigSpace<?> narrowed = TrainingConfigSpace.space().narrow(example());
    Set<Integer> batchSizes = new HashSet<>();
    int baseOutside = 0;
    for (long seed = 0; seed < SEEDS; seed++) {
      TrainingConfig config = TrainingConfigSpace.space().narrow(example()).random(seed);
      assertThat(narrowed.violations(config)).isEmpty();
      assertThat(config.batchSize()).isAnyOf(32, 64);
      assertThat(config.optimizer().name()).isEqualTo("adam");
      assertThat(config.optimizer().learningRate()).isAtLeast(1e-4);
      assertThat(config.optimizer().learningRate()).isAtMost(1e-3);
      assertThat(config.optimizer().momentum()).isNull();
      assertThat(config.optimizer().beta2()).isNotNull();
      assertThat(config.model().blockConfig()).isInstanceOf(DenseConfig.class);
      assertThat(((DenseConfig) config.model().blockConfig()).numLayers()).isEqualTo(4);
      batchSizes.add(config.batchSize());
      if (!narrowed.violations(TrainingConfigSpace.random(seed)).isEmpty()) {
        baseOutside++;
      }
    }
    assertThat(batchSizes).containsExactly(32, 64);
    // The check above can fail: nearly every config of the base space is outside the narrowed one.
    assertThat(baseOutside).isGreaterThan(SEEDS * 9 / 10);
  }

  @Test
  void randomKeepsTheWeightsOfARestrictedCategorical() {
    Overrides adamOrRmsprop = TuningConfigSpace.overrides().optimizer("adam", "rmsprop");
    int adam = 0;
    for (long seed = 0; seed < SEEDS; seed++) {
      String optimizer = TuningConfigSpace.space().narrow(adamOrRmsprop).random(seed).optimizer();
      assertThat(optimizer).isAnyOf("adam", "rmsprop");
      adam += optimizer.equals("adam") ? 1 : 0;
    }
    // Weights 3 : 2, so adam about 60% of the time (5,000 draws: 3 sigma is about 2%).
    assertThat(adam / (double) SEEDS).isWithin(0.03).of(0.6);
  }

  @Test
  void randomWithoutNarrowingIsPlainRandom() {
    for (long seed = 0; seed < 100; seed++) {
      assertThat(TrainingConfigSpace.space().narrow(Overrides.none()).random(seed)).isEqualTo(TrainingConfigSpace.random(seed));
      assertThat(TuningConfigSpace.space().narrow(TuningConfigSpace.overrides()).random(seed))
          .isEqualTo(TuningConfigSpace.random(seed));
    }
  }

  @Test
  void randomWithSeedReturnsTheSeedThatDrawsTheSameConfigAgain() {
    Set<Long> seeds = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      ConfigSpace.Seeded<TrainingConfig> seeded = TrainingConfigSpace.space().randomWithSeed();
      assertThat(TrainingConfigSpace.space().random(seeded.seed())).isEqualTo(seeded.config());
      assertThat(TrainingConfigSpace.random(seeded.seed())).isEqualTo(seeded.config());
      seeds.add(seeded.seed());

      ConfigSpace<TrainingConfig> narrowed = TrainingConfigSpace.space().narrow(example());
      ConfigSpace.Seeded<TrainingConfig> narrowedSeeded = narrowed.randomWithSeed();
      assertThat(narrowed.random(narrowedSeeded.seed())).isEqualTo(narrowedSeeded.config());
      assertThat(narrowed.violations(narrowedSeeded.config())).isEmpty();
    }
    // Fresh seeds: 100 draws of a 64-bit seed do not repeat.
    assertThat(seeds).hasSize(100);
  }

  @Test
  void sampleNeverAsksAFixedParameter() {
    Overrides overrides = TrainingConfigSpace.overrides()
        .batchSize(32)
        .optimizer(o -> o.name("adam"))
        .model(m -> m.blockConfig(b -> b.denseConfig(d -> d.numLayers(4).useDropout(false))));
    List<String> names = TrainingConfigSpace.space().narrow(overrides).parameterNames();
    Set<String> asked = new HashSet<>();
    for (long seed = 0; seed < 500; seed++) {
      RecordingTrial trial = new RecordingTrial(seed);
      TrainingConfig config = TrainingConfigSpace.space().narrow(overrides).sample(trial);
      assertThat(names).containsAtLeastElementsIn(trial.asked);
      assertThat(trial.asked).containsNoDuplicates();
      assertThat(config.batchSize()).isEqualTo(32);
      asked.addAll(trial.asked);
    }
    assertThat(asked).containsNoneOf(
        "TrainingConfig.batchSize",
        "TrainingConfig.optimizer::OptimizerConfig.name",
        "TrainingConfig.model::ModelConfig.blockConfig",
        "TrainingConfig.model::ModelConfig.blockConfig::DenseConfig.numLayers",
        "TrainingConfig.model::ModelConfig.blockConfig::DenseConfig.useDropout",
        "TrainingConfig.model::ModelConfig.blockConfig::DenseConfig.dropoutRate::true_branch",
        "TrainingConfig.optimizer::OptimizerConfig.momentum::true_branch");
    assertThat(asked).containsExactly(
        "TrainingConfig.model::ModelConfig.blockConfig::DenseConfig.activation",
        "TrainingConfig.model::ModelConfig.blockConfig::DenseConfig.normInput",
        "TrainingConfig.model::ModelConfig.numBlocks",
        "TrainingConfig.optimizer::OptimizerConfig.learningRate",
        "TrainingConfig.optimizer::OptimizerConfig.beta2::true_branch");

    // Without the overrides the same trial is asked the fixed ones.
    RecordingTrial base = new RecordingTrial(1);
    TrainingConfigSpace.sample(base);
    assertThat(base.asked).containsAtLeast("TrainingConfig.batchSize", "TrainingConfig.optimizer::OptimizerConfig.name");
  }

  @Test
  void sampleAsksTheNarrowedSpaces() {
    Overrides overrides = example();
    RecordingTrial trial = new RecordingTrial(5);
    TrainingConfigSpace.space().narrow(overrides).sample(trial);
    assertThat(trial.spaces.get("TrainingConfig.batchSize")).isEqualTo(CategoricalSpace.of(32, 64));
    assertThat(trial.spaces.get("TrainingConfig.optimizer::OptimizerConfig.learningRate"))
        .isEqualTo(FloatSpace.logUniform(1e-4, 1e-3));
  }

  @Test
  void treeShowsTheNarrowing() {
    assertThat(TrainingConfigSpace.space().narrow(example()).tree()).isEqualTo("""
        TrainingConfig
        ├─ model: ModelConfig
        │  ├─ blockConfig: Categorical
        │  │  └─ DenseConfig
        │  │     ├─ numLayers: 4
        │  │     ├─ activation: Categorical
        │  │     │  ├─ SILU
        │  │     │  ├─ MISH
        │  │     │  ├─ RELU
        │  │     │  └─ GELU
        │  │     ├─ normInput: Categorical
        │  │     │  ├─ true
        │  │     │  └─ false
        │  │     ├─ useDropout: Categorical
        │  │     │  ├─ true
        │  │     │  └─ false
        │  │     └─ dropoutRate: Conditional (if useDropout == true)
        │  │        ├─ true: Float([0.05, 0.5], uniform)
        │  │        └─ false: null
        │  ├─ numBlocks: Int([2, 12], uniform)
        │  └─ useCheckpoint: Conditional (if numBlocks > 8)
        │     ├─ true: true
        │     └─ false: false
        ├─ optimizer: OptimizerConfig
        │  ├─ name: 'adam'
        │  ├─ learningRate: Float([0.0001, 0.001], log)
        │  ├─ momentum: null
        │  └─ beta2: Conditional (if name == 'adam'; always holds)
        │     ├─ true: Float([0.9, 0.999], uniform)
        │     └─ false: null
        └─ batchSize: Categorical
           ├─ 32
           └─ 64
        """);
  }

  @Test
  void treeShowsKeptWeightsAndNarrowedSteps() {
    String tree = TuningConfigSpace.space().narrow(TuningConfigSpace.overrides()
        .optimizer("sgd", "rmsprop").widthBetween(16, 64).block(b -> b.convConfig())).tree();
    assertThat(tree).contains("""
        ├─ optimizer: Categorical
        │  ├─ 'sgd' (weight=1.0)
        │  └─ 'rmsprop' (weight=2.0)
        """);
    assertThat(tree).contains("├─ width: Int([16, 64], uniform, step=8)\n");
    assertThat(tree).contains("├─ block: Categorical\n│  └─ ConvConfig\n");
  }

  @Test
  void parameterNamesDropFixedParameters() {
    Overrides overrides = TrainingConfigSpace.overrides()
        .batchSize(32)
        .optimizer(o -> o.name("adam"))
        .model(m -> m.blockConfig(b -> b.denseConfig(d -> d.numLayers(4).useDropout(false))));
    List<String> expected = new ArrayList<>(TrainingConfigSpace.parameterNames());
    expected.removeAll(List.of(
        "TrainingConfig.batchSize",
        "TrainingConfig.optimizer::OptimizerConfig.name",
        // one branch left: no choice of branch, and nothing of ConvConfig
        "TrainingConfig.model::ModelConfig.blockConfig",
        "TrainingConfig.model::ModelConfig.blockConfig::ConvConfig.numLayers",
        "TrainingConfig.model::ModelConfig.blockConfig::ConvConfig.activation",
        "TrainingConfig.model::ModelConfig.blockConfig::ConvConfig.kernelSize",
        "TrainingConfig.model::ModelConfig.blockConfig::ConvConfig.normInput",
        "TrainingConfig.model::ModelConfig.blockConfig::ConvConfig.useDropout",
        "TrainingConfig.model::ModelConfig.blockConfig::ConvConfig.dropoutRate::true_branch",
        "TrainingConfig.model::ModelConfig.blockConfig::DenseConfig.numLayers",
        "TrainingConfig.model::ModelConfig.blockConfig::DenseConfig.useDropout",
        // never active once useDropout is false and name is adam
        "TrainingConfig.model::ModelConfig.blockConfig::DenseConfig.dropoutRate::true_branch",
        "TrainingConfig.optimizer::OptimizerConfig.momentum::true_branch"));
    assertThat(expected).hasSize(5);
    assertThat(TrainingConfigSpace.space().narrow(overrides).parameterNames()).containsExactlyElementsIn(expected).inOrder();
  }

  @Test
  void narrowingARangeKeepsItsParameterName() {
    assertThat(TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides().batchSizeBetween(32, 64)).parameterNames())
        .isEqualTo(TrainingConfigSpace.parameterNames());
    assertThat(TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides().batchSize(32, 64)).parameterNames())
        .isEqualTo(TrainingConfigSpace.parameterNames());
  }

  @Test
  void aNarrowedRangeThatFailsAConditionMakesTheFieldInactive() {
    // numBlocks in [4, 8]: useCheckpoint (numBlocks > 8) can never hold, so it is its inactive value.
    ConfigSpace<TrainingConfig> shallow = TrainingConfigSpace.space().narrow(
        TrainingConfigSpace.overrides().model(m -> m.numBlocksBetween(4, 8)));
    assertThat(shallow.tree()).contains("""
        │  ├─ numBlocks: Int([4, 8], uniform)
        │  └─ useCheckpoint: false
        """);
    for (long seed = 0; seed < 200; seed++) {
      assertThat(shallow.random(seed).model().useCheckpoint()).isFalse();
      assertThat(shallow.violations(shallow.random(seed))).isEmpty();
    }
    // A range that straddles the test leaves it conditional.
    assertThat(TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides().model(m -> m.numBlocksBetween(4, 9))).tree())
        .contains("└─ useCheckpoint: Conditional (if numBlocks > 8)\n");
  }

  @Test
  void aRestrictedCategoricalThatFailsAConditionDropsItsParameter() {
    // momentum is active only for sgd; adam and rmsprop can never make it so.
    ConfigSpace<TuningConfig> noSgd = TuningConfigSpace.space().narrow(TuningConfigSpace.overrides().optimizer("adam", "rmsprop"));
    assertThat(noSgd.tree()).contains("├─ momentum: null\n");
    assertThat(TuningConfigSpace.parameterNames()).contains("TuningConfig.momentum::true_branch");
    List<String> expected = new ArrayList<>(TuningConfigSpace.parameterNames());
    expected.remove("TuningConfig.momentum::true_branch");
    assertThat(noSgd.parameterNames()).containsExactlyElementsIn(expected).inOrder();
    assertThat(noSgd.distributions().keySet()).containsExactlyElementsIn(expected).inOrder();
    for (long seed = 0; seed < 200; seed++) {
      assertThat(noSgd.random(seed).momentum()).isNull();
    }
    // A branch left out decides a test on the branch in the same way.
    ConfigSpace<TrainingConfig> denseOnly = TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides()
        .model(m -> m.blockConfig(b -> b.denseConfig(d -> d.useDropout(false)))));
    assertThat(denseOnly.tree()).contains("│  │     └─ dropoutRate: null\n");
  }

  @Test
  void aConditionThatAlwaysHoldsSaysSoAndKeepsItsParameterName() {
    // Deep models only: useCheckpoint is always active; sgd only: momentum is always active.
    ConfigSpace<TrainingConfig> narrowed = TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides()
        .model(m -> m.numBlocksBetween(9, 12)).optimizer(o -> o.name("sgd")));
    String tree = narrowed.tree();
    assertThat(tree).contains("""
        │  └─ useCheckpoint: Conditional (if numBlocks > 8; always holds)
        │     ├─ true: true
        │     └─ false: false
        """);
    assertThat(tree).contains("""
        │  ├─ momentum: Conditional (if name == 'sgd'; always holds)
        │  │  ├─ true: Float([0.0, 0.99], uniform)
        │  │  └─ false: null
        """);
    // The names a study stored before the narrowing still name the same parameters.
    String momentum = "TrainingConfig.optimizer::OptimizerConfig.momentum::true_branch";
    assertThat(narrowed.parameterNames()).contains(momentum);
    assertThat(narrowed.distributions().get(momentum)).isEqualTo(TrainingConfigSpace.space().distributions().get(momentum));
    List<String> expected = new ArrayList<>(TrainingConfigSpace.parameterNames());
    expected.removeAll(List.of("TrainingConfig.optimizer::OptimizerConfig.name",
        "TrainingConfig.optimizer::OptimizerConfig.beta2::true_branch"));
    assertThat(narrowed.parameterNames()).containsExactlyElementsIn(expected).inOrder();
    RecordingTrial trial = new RecordingTrial(3);
    assertThat(narrowed.sample(trial).optimizer().momentum()).isNotNull();
    assertThat(trial.asked).contains(momentum);
    // The base space decides nothing.
    assertThat(TrainingConfigSpace.tree()).doesNotContain("always holds");
    assertThat(TuningConfigSpace.tree()).doesNotContain("holds");
  }

  @Test
  void aConditionalConfigFollowsTheSameRules() {
    // warmup is active only while shuffle is true.
    ConfigSpace<TuningConfig> never = TuningConfigSpace.space().narrow(TuningConfigSpace.overrides().shuffle(false));
    assertThat(never.parameterNames().stream().filter(n -> n.startsWith("TuningConfig.warmup")).toList()).isEmpty();
    ConfigSpace<TuningConfig> always = TuningConfigSpace.space().narrow(TuningConfigSpace.overrides().shuffle(true));
    assertThat(always.tree()).contains("warmup: Conditional (if shuffle == true; always holds)");
    List<String> warmup = TuningConfigSpace.parameterNames().stream().filter(n -> n.startsWith("TuningConfig.warmup")).toList();
    assertThat(warmup).contains("TuningConfig.warmup::true_branch::OptimizerConfig.name");
    assertThat(always.parameterNames()).containsAtLeastElementsIn(warmup);
  }

  @Test
  void aNarrowedSpaceReadsBackTheTomlItWrites() {
    // TOML leaves out the nulls of fields that can never be active, as of inactive ones.
    ConfigSpace<TrainingConfig> adam = TrainingConfigSpace.space().narrow(TrainingConfigSpace.overrides()
        .optimizer(o -> o.name("adam")).model(m -> m.numBlocksBetween(4, 8)));
    for (long seed = 0; seed < 200; seed++) {
      TrainingConfig config = adam.random(seed);
      assertThat(adam.fromToml(adam.toToml(config))).isEqualTo(config);
      assertThat(adam.fromYaml(adam.toYaml(config))).isEqualTo(config);
      assertThat(adam.fromJson(adam.toJson(config))).isEqualTo(config);
    }
  }

  /** A seeded trial that records what it was asked. */
  private static final class RecordingTrial implements Trial {
    final List<String> asked = new ArrayList<>();
    final java.util.Map<String, Object> spaces = new java.util.HashMap<>();
    private final RandomTrial random;

    RecordingTrial(long seed) {
      random = new RandomTrial(seed);
    }

    @Override
    public double suggestFloat(String name, FloatSpace space) {
      asked.add(name);
      spaces.put(name, space);
      return random.suggestFloat(name, space);
    }

    @Override
    public long suggestInt(String name, IntSpace space) {
      asked.add(name);
      spaces.put(name, space);
      return random.suggestInt(name, space);
    }

    @Override
    public <T> T suggestCategorical(String name, CategoricalSpace<T> space) {
      asked.add(name);
      spaces.put(name, space);
      return random.suggestCategorical(name, space);
    }
  }
}
