package io.paramspace.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.paramspace.processor.GeneratedClasses.get;

import com.google.common.collect.Range;
import com.google.testing.compile.Compilation;
import io.paramspace.processor.GeneratedClasses.SpaceClass;
import io.paramspace.runtime.RandomTrial;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configs in {@code src/test/resources/configs/test} use every feature; their generated
 * classes compile without a warning, are loaded, and sampled for {@value #SEEDS} seeds.
 */
class GeneratedBehaviourTest {
  private static final int SEEDS = 2000;

  private static GeneratedClasses classes;
  private static List<Object> samples;

  @BeforeAll
  static void compileAndSample() {
    Compilation compilation = Configs.compilation();
    assertThat(compilation).succeededWithoutWarnings();
    classes = GeneratedClasses.of(compilation);
    SpaceClass experiment = classes.space("test.ExperimentSpace");
    samples = LongStream.range(0, SEEDS).mapToObj(experiment::random).toList();
  }

  @Test
  void everyConfigGetsItsSpaceAndANestedRecordItsOuterName() {
    Compilation compilation = Configs.compilation();
    for (String space : List.of("ExperimentSpace", "OptimizerSpace", "DenseSpace", "ConvSpace", "IdentitySpace",
        "HeadSpace", "Outer_InnerSpace")) {
      assertThat(compilation).generatedSourceFile("test/" + space);
    }
    assertThat(classes.space("test.Outer_InnerSpace").random(1).getClass().getName()).isEqualTo("test.Outer$Inner");
  }

  /**
   * A user's build with every lint and warnings as errors passes: the @Generated on the spaces is
   * claimed by the processor that wrote them, so -Xlint:processing has nothing unclaimed to report.
   */
  @Test
  void everyLintWithWarningsAsErrorsPasses(@TempDir Path directory) throws IOException {
    DiskCompiler.Result result = DiskCompiler.compileAsAUser(directory, List.of("-Xlint:all", "-Werror"),
        Configs.sources());

    assertWithMessage("%s", result.diagnostics()).that(result.success()).isTrue();
    assertThat(result.diagnostics().stream().map(d -> d.getKind().toString()).toList())
        .containsNoneOf("WARNING", "MANDATORY_WARNING", "ERROR");
    assertThat(result.generated("test/ExperimentSpace.java")).isTrue();
  }

  /** A @Generated the processor did not write is left to others: it claims only its own. */
  @Test
  void generatedOnAClassItDidNotWriteIsNotClaimed() {
    Compilation compilation = javac()
        .withProcessors(new SearchSpaceProcessor(), new GeneratedClaimer())
        .withOptions("-Xlint:all")
        .compile(Compile.source("test.Handwritten", """
            package test;

            @javax.annotation.processing.Generated("elsewhere")
            final class Handwritten {}
            """), Configs.source("Optimizer"));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("No processor claimed any of these annotations");
    assertThat(compilation).hadWarningContaining("javax.annotation.processing.Generated");
  }

  @Test
  void sameSeedGivesTheSameConfig() {
    SpaceClass experiment = classes.space("test.ExperimentSpace");

    assertThat(experiment.random(7)).isEqualTo(experiment.random(7));
    assertThat(samples.stream().distinct().count()).isEqualTo(SEEDS);
  }

  /** random(seed) draws from constants; sample(trial) through the sampler: the same configs. */
  @Test
  void randomOfASeedIsTheSampleOfARandomTrialOfThatSeed() {
    for (String name : List.of("ExperimentSpace", "OptimizerSpace", "DenseSpace", "ConvSpace", "HeadSpace",
        "Outer_InnerSpace")) {
      SpaceClass space = classes.space("test." + name);
      for (long seed = 0; seed < SEEDS; seed++) {
        assertWithMessage("%s, seed %s", name, seed)
            .that(space.random(seed))
            .isEqualTo(space.sample(new RandomTrial(seed)));
      }
    }
  }

  @Test
  void conditionOnANestedField() {
    assertActiveExactlyWhen("optimizer.momentum", s -> get(s, "optimizer.name").equals("sgd"));
    assertActiveExactlyWhen("nesterov", s -> get(s, "optimizer.name").equals("sgd"));
  }

  @Test
  void conditionOnTheBranchTaken() {
    assertActiveExactlyWhen("stride", s -> get(s, "block").getClass().getSimpleName().equals("Conv"));
  }

  @Test
  void anyOfAcrossFields() {
    assertActiveExactlyWhen("labelSmoothing",
        s -> get(s, "activation").toString().equals("GELU") || (boolean) get(s, "augment"));
  }

  @Test
  void repeatedWhenWithABoundOnEachSide() {
    assertActiveExactlyWhen("schedule", s -> {
      long steps = (long) get(s, "steps");
      return steps >= 1000 && steps <= 100_000 && (Boolean) get(s, "shuffle");
    });
  }

  @Test
  void notEqualsToSeveralValues() {
    assertActiveExactlyWhen("heads", s -> get(s, "activation").toString().equals("GELU"));
  }

  @Test
  void conditionalNestedConfigAndAConditionInsideIt() {
    assertActiveExactlyWhen("head", s -> (boolean) get(s, "augment"));
    List<Object> withHead = samples.stream().filter(s -> get(s, "head") != null).toList();
    assertActiveExactlyWhen(withHead, "head.dropout", s -> (int) get(s, "head.layers") >= 2);
  }

  /** The path passes through head, which is null while inactive: the test must not throw. */
  @Test
  void conditionThroughAConditionalNestedConfig() {
    assertActiveExactlyWhen("deepHead", s -> get(s, "head") != null && (int) get(s, "head.layers") >= 2);
  }

  @Test
  void branchWithNoParameters() {
    assertThat(values(samples, "block", s -> true).stream().map(b -> b.getClass().getSimpleName()).distinct().toList())
        .containsExactly("Dense", "Conv", "Identity");
    assertThat(classes.space("test.IdentitySpace").tree()).isEqualTo("Identity\n");
    assertThat(classes.space("test.IdentitySpace").parameterNames()).isEmpty();
  }

  @Test
  void fixedThenAndOtherwise() {
    for (Object sample : samples) {
      assertThat(get(sample, "accumulate")).isEqualTo((Integer) get(sample, "batchSize") > 16);
    }
    List<Object> convs = samples.stream().map(s -> get(s, "block"))
        .filter(b -> b.getClass().getSimpleName().equals("Conv"))
        .toList();
    assertThat(values(convs, "poolSize", b -> (boolean) get(b, "pool"))).containsExactly(2, 3, 4);
    assertThat(values(convs, "poolSize", b -> !(boolean) get(b, "pool"))).containsExactly(1);
  }

  @Test
  void valuesStayInTheirSpaceAndReachEveryChoice() {
    assertThat(values(samples, "optimizer.name")).containsExactly("adam", "sgd", "rmsprop");
    assertThat(values(samples, "headActivation").stream().map(String::valueOf).toList())
        .containsExactly("RELU", "GELU");
    assertThat(values(samples, "batchSize")).containsExactly(16, 32, 64);
    assertThat(values(samples, "mixup")).containsExactly(0.5, 0.25);
    assertThat(values(samples, "budget")).containsExactly(1000L, 100_000L);
    assertThat(values(samples, "trial")).containsExactly("a", "b");
    assertThat(values(samples, "sampler")).containsExactly(0, 1, 2, 3);
    assertThat(values(samples, "inner.warmup")).containsExactly(0, 25, 50, 75, 100);
    assertThat(values(samples, "stride", s -> get(s, "stride") != null)).containsExactly(1, 2, 3);
    List<Object> convs = samples.stream().map(s -> get(s, "block"))
        .filter(b -> b.getClass().getSimpleName().equals("Conv"))
        .toList();
    assertThat(values(convs, "kernel")).containsExactly(1, 3, 5, 7);
    for (Object sample : samples) {
      assertThat((long) get(sample, "steps")).isIn(Range.closed(1L, 1_000_000L));
      assertThat((float) get(sample, "ratio")).isIn(Range.closed(0.25f, 0.75f));
      Double dropout = get(sample, "head") == null ? null : (Double) get(sample, "head.dropout");
      if (dropout != null) {
        assertThat(dropout * 10).isWithin(1e-9).of(Math.rint(dropout * 10));
      }
    }
  }

  /** Bounds of about five standard deviations for {@value #SEEDS} draws; the seeds are fixed. */
  @Test
  void weightsAndLogScaleShowInTheFrequencies() {
    assertThat(share(s -> (boolean) get(s, "augment"))).isWithin(0.05).of(0.75);
    assertThat(share(s -> get(s, "block").getClass().getSimpleName().equals("Conv"))).isWithin(0.05).of(0.6);
    assertThat(share(s -> get(s, "optimizer.name").equals("adam"))).isWithin(0.05).of(0.5);
    assertThat(share(s -> (long) get(s, "steps") < 1000)).isWithin(0.05).of(0.5);
    assertThat(share(s -> (float) get(s, "inner.scale") < 0.01f)).isWithin(0.05).of(0.5);
    assertThat(share(s -> (double) get(s, "optimizer.learningRate") < 1e-3)).isWithin(0.05).of(0.5);
  }

  @Test
  void treeOfAConfigWithWeightsAndAnInCondition() {
    assertThat(classes.space("test.OptimizerSpace").tree()).isEqualTo("""
        Optimizer
        ├─ name: Categorical
        │  ├─ 'adam' (weight=2.0)
        │  ├─ 'sgd' (weight=1.0)
        │  └─ 'rmsprop' (weight=1.0)
        ├─ learningRate: Float([1e-05, 0.1], log)
        └─ momentum: Conditional (if name not in ['adam', 'rmsprop'])
           ├─ true: Float([0.0, 0.9], uniform)
           └─ false: null
        """);
  }

  @Test
  void treeShowsEveryKindOfCondition() {
    List<String> lines = classes.space("test.ExperimentSpace").tree().lines().toList();

    assertThat(lines).containsAtLeast(
        "├─ nesterov: Conditional (if optimizer.name == 'sgd')",
        "├─ stride: Conditional (if block == Conv)",
        "├─ labelSmoothing: Conditional (if activation == GELU or augment == true)",
        "├─ schedule: Conditional (if steps >= 1000 and steps <= 100000 and shuffle == true)",
        "├─ heads: Conditional (if activation not in [RELU, SILU])",
        "├─ head: Conditional (if augment == true)",
        "│  ├─ true: Head",
        "├─ deepHead: Conditional (if head.layers >= 2)",
        "├─ accumulate: Conditional (if batchSize > 16)",
        "├─ inner: Inner",
        "├─ sampler: Int([0, 3], uniform)",
        "└─ rng: Categorical").inOrder();
  }

  @Test
  void parameterNamesSkipFixedValuesAndNameBranches() {
    assertThat(classes.space("test.ExperimentSpace").parameterNames()).containsExactly(
        "Experiment.optimizer::Optimizer.name",
        "Experiment.optimizer::Optimizer.learningRate",
        "Experiment.optimizer::Optimizer.momentum::true_branch",
        "Experiment.block",
        "Experiment.block::Dense.layers",
        "Experiment.block::Conv.kernel",
        "Experiment.block::Conv.pool",
        "Experiment.block::Conv.poolSize::true_branch",
        "Experiment.activation",
        "Experiment.headActivation",
        "Experiment.steps",
        "Experiment.ratio",
        "Experiment.batchSize",
        "Experiment.mixup",
        "Experiment.budget",
        "Experiment.shuffle",
        "Experiment.augment",
        "Experiment.nesterov::true_branch",
        "Experiment.stride::true_branch",
        "Experiment.labelSmoothing::true_branch",
        "Experiment.schedule::true_branch",
        "Experiment.heads::true_branch",
        "Experiment.head::true_branch::Head.layers",
        "Experiment.head::true_branch::Head.dropout::true_branch",
        "Experiment.deepHead::true_branch",
        "Experiment.inner::Inner.scale",
        "Experiment.inner::Inner.warmup",
        "Experiment.trial",
        "Experiment.sampler",
        "Experiment.rng").inOrder();
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static void assertActiveExactlyWhen(String path, Predicate<Object> condition) {
    assertActiveExactlyWhen(samples, path, condition);
  }

  /** {@code path} is non-null exactly when {@code condition} holds, and both happen. */
  private static void assertActiveExactlyWhen(List<Object> configs, String path, Predicate<Object> condition) {
    int active = 0;
    for (Object config : configs) {
      boolean expected = condition.test(config);
      assertWithMessage("%s in %s", path, config).that(get(config, path) != null).isEqualTo(expected);
      active += expected ? 1 : 0;
    }
    assertWithMessage("%s is active in some samples and not in others", path)
        .that(active).isIn(Range.open(0, configs.size()));
  }

  private static Set<Object> values(List<Object> configs, String path) {
    return values(configs, path, c -> true);
  }

  private static Set<Object> values(List<Object> configs, String path, Predicate<Object> filter) {
    return configs.stream().filter(filter).map(c -> get(c, path)).collect(Collectors.toSet());
  }

  private static double share(Predicate<Object> predicate) {
    return samples.stream().filter(predicate).count() / (double) SEEDS;
  }
}
