package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.runtime.RandomTrial;
import io.paramspace.runtime.Rng;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 100,000 TrainingConfigs from one fixed seed: conditionals, ranges, coverage and log-uniformity. */
class TrainingConfigSamplesTest {
  private static final int SAMPLES = 100_000;
  private static List<TrainingConfig> configs;

  @BeforeAll
  static void sample() {
    Rng rng = new Rng(20240607);
    configs = Stream.generate(() -> TrainingConfigSpace.sample(new RandomTrial(rng))).limit(SAMPLES).toList();
  }

  @Test
  void conditionalsAreNeverViolated() {
    List<String> violations = new ArrayList<>();
    for (TrainingConfig config : configs) {
      OptimizerConfig optimizer = config.optimizer();
      check(violations, config, "momentum iff sgd", (optimizer.momentum() != null) == optimizer.name().equals("sgd"));
      check(violations, config, "beta2 iff adam", (optimizer.beta2() != null) == optimizer.name().equals("adam"));
      check(violations, config, "useCheckpoint iff numBlocks > 8",
          config.model().useCheckpoint() == config.model().numBlocks() > 8);
      BlockConfig block = config.model().blockConfig();
      if (block instanceof DenseConfig dense) {
        check(violations, config, "dropoutRate iff useDropout", (dense.dropoutRate() != null) == dense.useDropout());
      } else if (block instanceof ConvConfig conv) {
        check(violations, config, "dropoutRate iff useDropout", (conv.dropoutRate() != null) == conv.useDropout());
      } else {
        violations.add("no block: " + config);
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyValueIsInItsDeclaredRange() {
    List<String> violations = new ArrayList<>();
    for (TrainingConfig config : configs) {
      OptimizerConfig optimizer = config.optimizer();
      check(violations, config, "batchSize in [16, 128]", in(config.batchSize(), 16, 128));
      check(violations, config, "numBlocks in [2, 12]", in(config.model().numBlocks(), 2, 12));
      check(violations, config, "name in {adam, sgd}", Set.of("adam", "sgd").contains(optimizer.name()));
      check(violations, config, "learningRate in [1e-5, 1e-2]", in(optimizer.learningRate(), 1e-5, 1e-2));
      check(violations, config, "momentum in [0, 0.99]",
          optimizer.momentum() == null || in(optimizer.momentum(), 0, 0.99));
      check(violations, config, "beta2 in [0.9, 0.999]", optimizer.beta2() == null || in(optimizer.beta2(), 0.9, 0.999));
      BlockConfig block = config.model().blockConfig();
      if (block instanceof DenseConfig dense) {
        check(violations, config, "numLayers in [2, 12]", in(dense.numLayers(), 2, 12));
        check(violations, config, "an activation", dense.activation() != null);
        check(violations, config, "dropoutRate in [0.05, 0.5]",
            dense.dropoutRate() == null || in(dense.dropoutRate(), 0.05, 0.5));
      } else if (block instanceof ConvConfig conv) {
        check(violations, config, "numLayers in [2, 12]", in(conv.numLayers(), 2, 12));
        check(violations, config, "kernelSize in [1, 64]", in(conv.kernelSize(), 1, 64));
        check(violations, config, "an activation", conv.activation() != null);
        check(violations, config, "dropoutRate in [0.05, 0.5]",
            conv.dropoutRate() == null || in(conv.dropoutRate(), 0.05, 0.5));
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyBranchAndChoiceIsReached() {
    List<DenseConfig> dense = blocks(DenseConfig.class);
    List<ConvConfig> conv = blocks(ConvConfig.class);
    assertThat(dense).isNotEmpty();
    assertThat(conv).isNotEmpty();

    assertThat(values(dense, DenseConfig::activation)).containsExactlyElementsIn(EnumSet.allOf(Activation.class));
    assertThat(values(conv, ConvConfig::activation)).containsExactlyElementsIn(EnumSet.allOf(Activation.class));
    assertThat(values(dense, DenseConfig::normInput)).containsExactly(true, false);
    assertThat(values(dense, DenseConfig::useDropout)).containsExactly(true, false);
    assertThat(values(conv, ConvConfig::normInput)).containsExactly(true, false);
    assertThat(values(conv, ConvConfig::useDropout)).containsExactly(true, false);
    assertThat(values(dense, DenseConfig::numLayers)).containsExactlyElementsIn(IntStream.rangeClosed(2, 12).boxed().toList());
    assertThat(values(conv, ConvConfig::numLayers)).containsExactlyElementsIn(IntStream.rangeClosed(2, 12).boxed().toList());
    assertThat(values(conv, ConvConfig::kernelSize)).containsExactlyElementsIn(IntStream.rangeClosed(1, 64).boxed().toList());

    assertThat(values(configs, c -> c.optimizer().name())).containsExactly("adam", "sgd");
    assertThat(values(configs, c -> c.model().useCheckpoint())).containsExactly(true, false);
    assertThat(values(configs, c -> c.model().numBlocks())).containsExactlyElementsIn(IntStream.rangeClosed(2, 12).boxed().toList());
    assertThat(values(configs, TrainingConfig::batchSize)).containsExactlyElementsIn(IntStream.rangeClosed(16, 128).boxed().toList());
  }

  @Test
  void learningRateIsLogUniform() {
    // Log-uniform on [1e-5, 1e-2]: each of the three decades gets a third. (A uniform sampler
    // would put 0.9% below 1e-4.)
    long belowOneInTenThousand = count(c -> c.optimizer().learningRate() < 1e-4);
    Frequencies.assertBinomial("learningRate < 1e-4", belowOneInTenThousand, SAMPLES, 1.0 / 3);

    double[] edges = {1e-5, 1e-4, 1e-3, 1e-2};
    for (int decade = 0; decade < 3; decade++) {
      double low = edges[decade];
      double high = edges[decade + 1];
      boolean last = decade == 2;
      long inDecade = count(c -> {
        double rate = c.optimizer().learningRate();
        return rate >= low && (rate < high || last && rate == high);
      });
      Frequencies.assertBinomial("learningRate in decade [" + low + ", " + high + ")", inDecade, SAMPLES, 1.0 / 3);
    }
    // Finer: each half decade is a sixth.
    for (int half = 0; half < 6; half++) {
      double low = Math.pow(10, -5 + half / 2.0);
      double high = Math.pow(10, -5 + (half + 1) / 2.0);
      boolean last = half == 5;
      long inHalf = count(c -> {
        double rate = c.optimizer().learningRate();
        return rate >= low && (rate < high || last);
      });
      Frequencies.assertBinomial("learningRate in [" + low + ", " + high + ")", inHalf, SAMPLES, 1.0 / 6);
    }
  }

  private static void check(List<String> violations, TrainingConfig config, String rule, boolean holds) {
    if (!holds && violations.size() < 20) {
      violations.add(rule + ": " + config);
    }
  }

  private static boolean in(double value, double min, double max) {
    return value >= min && value <= max;
  }

  private static long count(Predicate<TrainingConfig> test) {
    return configs.stream().filter(test).count();
  }

  private static <B extends BlockConfig> List<B> blocks(Class<B> type) {
    return configs.stream().map(c -> c.model().blockConfig()).filter(type::isInstance).map(type::cast).toList();
  }

  private static <T, V> Set<V> values(List<T> items, Function<T, V> value) {
    return items.stream().map(value).collect(Collectors.toCollection(HashSet::new));
  }
}
