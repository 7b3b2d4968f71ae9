package io.paramspace.runtime.sampling;

import static com.google.common.truth.Truth.assertThat;
import static io.paramspace.runtime.TestSpaces.config;
import static io.paramspace.runtime.TestSpaces.field;
import static io.paramspace.runtime.TestSpaces.when;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.Condition;
import io.paramspace.runtime.Condition.Operator;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FixedSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.RecordingTrial;
import io.paramspace.runtime.RecordingTrial.Question;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.TestSpaces;
import io.paramspace.runtime.Trial;
import io.paramspace.runtime.view.ParameterNames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigSamplerTest {

  @Test
  void asksFloatIntAndCategoricalSpacesUnderTheirParameterNames() {
    FloatSpace rate = FloatSpace.logUniform(1e-5, 1e-2);
    IntSpace steps = IntSpace.uniform(1, 10);
    CategoricalSpace<String> name = CategoricalSpace.of("adam", "sgd");
    ConfigSampler sampler = ConfigSampler.of(config("OptimizerConfig", field("rate", rate), field("steps", steps), field("name", name)));
    RecordingTrial trial = new RecordingTrial().answer("OptimizerConfig.rate", 0.001).answer("OptimizerConfig.steps", 7L);

    assertThat(sampler.nextDouble(trial, 0)).isEqualTo(0.001);
    assertThat(sampler.nextInt(trial, 1)).isEqualTo(7);
    String chosen = sampler.nextChoice(trial, 2);
    assertThat(chosen).isEqualTo("sgd");
    assertThat(trial.questions())
        .containsExactly(
            new Question("float", "OptimizerConfig.rate", rate),
            new Question("int", "OptimizerConfig.steps", steps),
            new Question("categorical", "OptimizerConfig.name", name))
        .inOrder();
  }

  @Test
  void fixedValuesAreReturnedWithoutAskingInTheFieldsType() {
    ConfigSampler sampler =
        ConfigSampler.of(
            config(
                "C",
                field("d", FixedSpace.of(0.5)),
                field("dFromInt", FixedSpace.of(3)),
                field("l", FixedSpace.of(7L)),
                field("i", FixedSpace.of(7)),
                field("f", FixedSpace.of(0.25f)),
                field("s", FixedSpace.of("same")),
                field("n", FixedSpace.of(null))));
    RecordingTrial trial = new RecordingTrial();
    assertThat(sampler.nextDouble(trial, 0)).isEqualTo(0.5);
    assertThat(sampler.nextDouble(trial, 1)).isEqualTo(3.0);
    assertThat(sampler.nextLong(trial, 2)).isEqualTo(7L);
    assertThat(sampler.nextInt(trial, 3)).isEqualTo(7);
    assertThat(sampler.nextFloat(trial, 4)).isEqualTo(0.25f);
    String s = sampler.nextChoice(trial, 5);
    assertThat(s).isEqualTo("same");
    Object n = sampler.nextChoice(trial, 6);
    assertThat(n).isNull();
    assertThat(trial.questions()).isEmpty();
  }

  @Test
  void numericFieldsNarrowedToChoicesAskACategoricalAndConvert() {
    // What an override such as "batchSize: [16, 32]" or "rate: [0.1, 0.01]" turns a range into.
    CategoricalSpace<Double> rates = CategoricalSpace.of(0.1, 0.01);
    CategoricalSpace<Integer> sizes = CategoricalSpace.of(16, 32);
    CategoricalSpace<Long> seeds = CategoricalSpace.of(1L, 2L);
    CategoricalSpace<Float> scales = CategoricalSpace.of(0.5f, 2.0f);
    ConfigSampler sampler =
        ConfigSampler.of(
            config("C", field("rate", rates), field("batchSize", sizes), field("seed", seeds), field("scale", scales),
                field("rateFromInts", sizes)));
    RecordingTrial trial = new RecordingTrial().answer("C.rate", 0.1).answer("C.seed", 1L);
    assertThat(sampler.nextDouble(trial, 0)).isEqualTo(0.1);
    assertThat(sampler.nextInt(trial, 1)).isEqualTo(32);
    assertThat(sampler.nextLong(trial, 1)).isEqualTo(32L);
    assertThat(sampler.nextLong(trial, 2)).isEqualTo(1L);
    assertThat(sampler.nextFloat(trial, 3)).isEqualTo(2.0f);
    assertThat(sampler.nextDouble(trial, 4)).isEqualTo(32.0);
    assertThat(trial.names()).containsExactly("C.rate", "C.batchSize", "C.batchSize", "C.seed", "C.scale", "C.rateFromInts").inOrder();
    assertThat(trial.questions().get(0).space()).isSameInstanceAs(rates);
  }

  @Test
  void nextIntRefusesALongThatDoesNotFit() {
    ConfigSampler sampler = ConfigSampler.of(config("C", field("big", IntSpace.uniform(0, 1L << 40))));
    RecordingTrial trial = new RecordingTrial().answer("C.big", 1L << 40);
    assertThrows(ArithmeticException.class, () -> sampler.nextInt(trial, 0));
  }

  @Test
  void aConditionalFieldAsksItsTrueSideUnderItsBranchName() {
    FloatSpace momentum = FloatSpace.uniform(0, 0.99);
    ConfigSampler sampler =
        ConfigSampler.of(
            config(
                "OptimizerConfig",
                field("name", CategoricalSpace.of("adam", "sgd")),
                field("momentum", when(Condition.equalsTo("name", "sgd"), momentum, null)),
                field("useCheckpoint", new ConditionalSpace(Condition.equalsTo("name", "sgd"), FixedSpace.of(true), FixedSpace.of(false)))));
    assertThat(sampler.name(1)).isEqualTo("OptimizerConfig.momentum::true_branch");
    RecordingTrial trial = new RecordingTrial();
    assertThat(sampler.nextDouble(trial, 1)).isEqualTo(0.0);
    // A fixed "then" value is returned, never asked.
    Boolean then = sampler.nextChoice(trial, 2);
    assertThat(then).isTrue();
    assertThat(trial.questions()).containsExactly(new Question("float", "OptimizerConfig.momentum::true_branch", momentum));
  }

  @Test
  void nestedSamplersCarryTheNamePrefix() {
    ConfigSpace<?> inner = config("InnerConfig", field("a", IntSpace.uniform(0, 3)));
    ConfigSpace<?> middle = config("MiddleConfig", field("inner", inner), field("b", FloatSpace.uniform(0, 1)));
    ConfigSampler sampler = ConfigSampler.of(config("OuterConfig", field("x", FixedSpace.of(1)), field("middle", middle)));

    ConfigSampler middleSampler = sampler.nested(1);
    assertThat(middleSampler.space()).isSameInstanceAs(middle);
    assertThat(middleSampler.name(1)).isEqualTo("OuterConfig.middle::MiddleConfig.b");
    RecordingTrial trial = new RecordingTrial();
    middleSampler.nested(0).nextLong(trial, 0);
    assertThat(trial.names()).containsExactly("OuterConfig.middle::MiddleConfig.inner::InnerConfig.a");
    assertThat(sampler.nested(0)).isNull();
  }

  @Test
  void aConditionalConfigsSamplerCarriesTheTrueBranchPrefix() {
    ConfigSpace<?> head = config("HeadConfig", field("layers", IntSpace.uniform(1, 3)));
    ConfigSampler sampler = ConfigSampler.of(config("C", field("head", when(Condition.equalsTo("useHead", true), head, null))));
    assertThat(sampler.nested(0).name(0)).isEqualTo("C.head::true_branch::HeadConfig.layers");
  }

  @Test
  void nextBranchAsksTheChoiceOfBranchNamesWithTheirWeights() {
    PolymorphicSpace blocks = new PolymorphicSpace(List.of(TestSpaces.dense(), TestSpaces.conv()), List.of(1.0, 3.0));
    ConfigSampler sampler = ConfigSampler.of(config("ModelConfig", field("blockConfig", blocks)));
    RecordingTrial trial = new RecordingTrial().answer("ModelConfig.blockConfig", "DenseConfig");

    assertThat(sampler.nextBranch(trial, 0)).isEqualTo("DenseConfig");
    Question question = trial.questions().get(0);
    assertThat(question.name()).isEqualTo("ModelConfig.blockConfig");
    assertThat(question.space()).isEqualTo(CategoricalSpace.weighted(List.of("DenseConfig", "ConvConfig"), 1, 3));
  }

  @Test
  void aSingleBranchIsTakenWithoutAsking() {
    ConfigSampler sampler = ConfigSampler.of(config("C", field("block", PolymorphicSpace.of(TestSpaces.conv()))));
    RecordingTrial trial = new RecordingTrial();
    assertThat(sampler.nextBranch(trial, 0)).isEqualTo("ConvConfig");
    assertThat(trial.questions()).isEmpty();
    assertThat(sampler.branch(0, "ConvConfig").name(0)).isEqualTo("C.block::ConvConfig.kernelSize");
  }

  @Test
  void branchSamplersCarryTheBranchPrefix() {
    ConfigSampler sampler =
        ConfigSampler.of(
            config(
                "ModelConfig",
                field("blockConfig", PolymorphicSpace.of(TestSpaces.dense(), TestSpaces.conv())),
                field("extra", when(Condition.compare("depth", Operator.GREATER_THAN, 1L),
                    PolymorphicSpace.of(TestSpaces.dense(), TestSpaces.conv()), null))));
    ConfigSampler dense = sampler.branch(0, "DenseConfig");
    assertThat(dense.space()).isEqualTo(TestSpaces.dense());
    assertThat(dense.name(0)).isEqualTo("ModelConfig.blockConfig::DenseConfig.numLayers");
    assertThat(sampler.branch(0, "ConvConfig").name(0)).isEqualTo("ModelConfig.blockConfig::ConvConfig.kernelSize");
    assertThat(sampler.name(1)).isEqualTo("ModelConfig.extra::true_branch");
    assertThat(sampler.branch(1, "DenseConfig").name(1)).isEqualTo("ModelConfig.extra::true_branch::DenseConfig.activation");
    assertThat(sampler.branch(0, "NoSuchConfig")).isNull();
  }

  @Test
  void everyNameAskedIsAParameterName() {
    // Walk the space as generated code would, taking each branch in turn: the names asked must be
    // exactly ParameterNames.of (no false sides here, since generated false sides are fixed).
    ConfigSpace<?> head = config("HeadConfig", field("layers", IntSpace.uniform(1, 3)));
    ConfigSpace<?> model =
        config(
            "ModelConfig",
            field("blockConfig", PolymorphicSpace.of(TestSpaces.dense(), TestSpaces.conv())),
            field("numBlocks", IntSpace.uniform(2, 12)),
            field("head", when(Condition.compare("numBlocks", Operator.GREATER_THAN, 8L), head, null)),
            field("seed", FixedSpace.of(0L)));
    ConfigSpace<?> space = config("TrainingConfig", field("model", model), field("rate", FloatSpace.logUniform(1e-5, 1)));
    List<String> asked = new ArrayList<>();
    for (String branch : List.of("DenseConfig", "ConvConfig")) {
      RecordingTrial trial = new RecordingTrial().answer("TrainingConfig.model::ModelConfig.blockConfig", branch);
      walk(ConfigSampler.of(space), trial);
      asked.addAll(trial.names());
    }
    assertThat(asked.stream().distinct().toList()).containsExactlyElementsIn(ParameterNames.of(space));
  }

  @Test
  void aFieldWithoutAValueSpaceIsAClearError() {
    ConfigSampler sampler = ConfigSampler.of(config("C", field("inner", config("InnerConfig"))));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> sampler.nextChoice(new RecordingTrial(), 0));
    assertThat(e).hasMessageThat().isEqualTo("field 'inner' of C has no value space: InnerConfig");
  }

  /** Samples every active field of {@code sampler}'s space, following nested configs and branches. */
  private static void walk(ConfigSampler sampler, Trial trial) {
    for (int i = 0; i < sampler.space().fields().size(); i++) {
      Space space = sampler.space().field(i).space();
      if (space instanceof ConditionalSpace c) {
        space = c.whenTrue();
      }
      if (space instanceof ConfigSpace) {
        walk(sampler.nested(i), trial);
      } else if (space instanceof PolymorphicSpace) {
        walk(sampler.branch(i, sampler.nextBranch(trial, i)), trial);
      } else if (space instanceof FloatSpace) {
        sampler.nextDouble(trial, i);
      } else if (space instanceof IntSpace) {
        sampler.nextLong(trial, i);
      } else {
        sampler.nextChoice(trial, i);
      }
    }
  }
}
