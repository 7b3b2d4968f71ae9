package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Distribution.CategoricalDistribution;
import io.paramspace.runtime.Distribution.FloatDistribution;
import io.paramspace.runtime.Distribution.IntDistribution;
import io.paramspace.runtime.InputProblem;
import io.paramspace.runtime.InvalidConfigException;
import io.paramspace.runtime.Overrides;
import io.paramspace.runtime.ReplayTrial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The handle's bridge between configs and parameters: distributions(), parameters(config), fromParameters(map). */
class ParametersTest {
  static Stream<ConfigSpace<?>> spaces() throws IOException {
    return Stream.of(TrainingConfigSpace.space(), TuningConfigSpace.space(), WeightedConfigSpace.space(),
        SteppedConfigSpace.space(), FloatChoiceConfigSpace.space(), refined(),
        TuningConfigSpace.space().narrow(TuningConfigSpace.overrides().width(8, 16).shuffle(true)
            .block(b -> b.convConfig())));
  }

  static ConfigSpace<TrainingConfig> refined() throws IOException {
    try (InputStream in = SampleApp.class.getResourceAsStream("refine.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return TrainingConfigSpace.space().narrow(Overrides.parse(yaml, io.paramspace.runtime.InputFormat.YAML, "refine.yaml"));
    }
  }

  @ParameterizedTest
  @MethodSource("spaces")
  void parametersAreTheInverseOfSample(ConfigSpace<?> space) {
    roundTrips(space);
  }

  private static <T> void roundTrips(ConfigSpace<T> space) {
    Map<String, Distribution> distributions = space.distributions();
    assertThat(List.copyOf(distributions.keySet())).isEqualTo(space.parameterNames());
    for (long seed = 0; seed < 10_000; seed++) {
      T config = space.random(seed);
      Map<String, Object> parameters = space.parameters(config);
      assertThat(space.sample(new ReplayTrial(parameters))).isEqualTo(config);
      assertThat(space.fromParameters(parameters)).isEqualTo(config);
      // Exactly the questions sampling asks, each value inside its distribution.
      RecordingTrial asked = new RecordingTrial(seed);
      space.sample(asked);
      assertThat(parameters.keySet()).containsExactlyElementsIn(
          asked.questions().stream().map(RecordingTrial.Question::name).toList()).inOrder();
      parameters.forEach((name, value) -> assertThat(distributions.get(name).contains(value)).isTrue());
    }
  }

  @Test
  void distributionsOfEveryKind() {
    Map<String, Distribution> d = TuningConfigSpace.space().distributions();
    assertThat(d.get("TuningConfig.learningRate")).isEqualTo(new FloatDistribution(1e-5, 1e-1, true, null));
    assertThat(d.get("TuningConfig.dropout")).isEqualTo(new FloatDistribution(0.0, 1.0, false, 0.1));
    assertThat(d.get("TuningConfig.width")).isEqualTo(new IntDistribution(8, 128, false, 8));
    assertThat(d.get("TuningConfig.steps")).isEqualTo(new IntDistribution(1, 1024, true, 1));
    assertThat(d.get("TuningConfig.decay")).isEqualTo(new FloatDistribution(0.0, 0.1, false, null));
    assertThat(d.get("TuningConfig.batchSize"))
        .isEqualTo(new CategoricalDistribution(List.of(16L, 32L, 64L), List.of(1.0, 1.0, 1.0)));
    assertThat(d.get("TuningConfig.optimizer"))
        .isEqualTo(new CategoricalDistribution(List.of("adam", "sgd", "rmsprop"), List.of(3.0, 1.0, 2.0)));
    assertThat(d.get("TuningConfig.shuffle"))
        .isEqualTo(new CategoricalDistribution(List.of(true, false), List.of(3.0, 1.0)));
    assertThat(d.get("TuningConfig.activation"))
        .isEqualTo(new CategoricalDistribution(List.of("RELU", "GELU", "SILU"), List.of(1.0, 2.0, 3.0)));
    assertThat(d.get("TuningConfig.block"))
        .isEqualTo(new CategoricalDistribution(List.of("DenseConfig", "ConvConfig"), List.of(3.0, 1.0)));
    assertThat(d.get("TuningConfig.momentum::true_branch")).isEqualTo(new FloatDistribution(0.0, 0.99, false, null));
    assertThat(d).containsKey("TuningConfig.warmup::true_branch::OptimizerConfig.learningRate");
    assertThat(d).containsKey("TuningConfig.block::DenseConfig.numLayers");
    assertThat(d).containsKey("TuningConfig.block::ConvConfig.kernelSize");
    assertThat(FloatChoiceConfigSpace.space().distributions().get("FloatChoiceConfig.scale"))
        .isEqualTo(new CategoricalDistribution(List.of(0.1, 8.110916E8, 3.912614E10), List.of(1.0, 1.0, 1.0)));
  }

  @Test
  void narrowingChangesDistributionsNotNames() {
    ConfigSpace<TuningConfig> narrowed = TuningConfigSpace.space().narrow(
        TuningConfigSpace.overrides().width(8, 16).learningRateBetween(1e-4, 1e-3).optimizer("adam"));
    Map<String, Distribution> d = narrowed.distributions();
    assertThat(d.get("TuningConfig.width"))
        .isEqualTo(new CategoricalDistribution(List.of(8L, 16L), List.of(1.0, 1.0)));
    assertThat(d.get("TuningConfig.learningRate")).isEqualTo(new FloatDistribution(1e-4, 1e-3, true, null));
    assertThat(d).doesNotContainKey("TuningConfig.optimizer");
    assertThat(d).doesNotContainKey("TuningConfig.momentum::true_branch"); // can never be active for adam
    assertThat(d.keySet()).containsAtLeast("TuningConfig.decay", "TuningConfig.steps");
  }

  @Test
  void enumsAndBranchesTravelByName() {
    TuningConfig config = TuningConfigSpace.random(7);
    Map<String, Object> parameters = TuningConfigSpace.space().parameters(config);
    assertThat(parameters.get("TuningConfig.activation")).isEqualTo(config.activation().name());
    assertThat(parameters.get("TuningConfig.block")).isEqualTo(config.block().getClass().getSimpleName());
    assertThat(parameters.get("TuningConfig.batchSize")).isEqualTo((long) config.batchSize());
  }

  @Test
  void fromParametersReportsEveryProblem() {
    ConfigSpace<TuningConfig> space = TuningConfigSpace.space();
    TuningConfig config = space.random(3);
    Map<String, Object> parameters = new HashMap<>(space.parameters(config));
    parameters.put("optimizer", "adam");                     // not a parameter name
    parameters.put("TuningConfig.optimizer", "adam");         // momentum becomes inactive...
    parameters.put("TuningConfig.momentum::true_branch", 0.5); // ...yet given
    parameters.remove("TuningConfig.decay");                  // missing
    parameters.put("TuningConfig.width", 12L);                // off its step grid
    parameters.put("TuningConfig.learningRate", 2.0);         // outside
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> space.fromParameters(parameters));
    Map<String, String> byName = new HashMap<>();
    for (InputProblem p : e.problems()) {
      byName.put(p.path(), p.message());
    }
    assertThat(byName.keySet()).containsExactly("optimizer", "TuningConfig.momentum::true_branch",
        "TuningConfig.decay", "TuningConfig.width", "TuningConfig.learningRate");
    assertThat(byName.get("optimizer")).contains("Did you mean \"TuningConfig.optimizer\"?");
    assertThat(byName.get("TuningConfig.momentum::true_branch")).contains("not active");
    assertThat(byName.get("TuningConfig.decay")).contains("is missing");
    assertThat(byName.get("TuningConfig.width")).contains("12 is outside Int([8, 128], uniform, step=8)");
    assertThat(byName.get("TuningConfig.learningRate")).contains("2.0 is outside Float([1e-05, 0.1], log)");
  }

  @Test
  void fromParametersAcceptsRealValuesToo() {
    TuningConfig config = TuningConfigSpace.random(11);
    Map<String, Object> parameters = new HashMap<>(TuningConfigSpace.space().parameters(config));
    parameters.put("TuningConfig.activation", config.activation());
    parameters.put("TuningConfig.batchSize", config.batchSize());
    assertThat(TuningConfigSpace.space().fromParameters(parameters)).isEqualTo(config);
  }

  @Test
  void parametersOfAConfigOutsideTheSpaceIsAnError() {
    TuningConfig config = TuningConfigSpace.random(5);
    TuningConfig outside = new TuningConfig(config.optimizer(), 5.0, config.dropout(), config.width(), config.steps(),
        config.decay(), config.batchSize(), config.shuffle(), config.activation(), config.block(), config.momentum(),
        config.warmup());
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> TuningConfigSpace.space().parameters(outside));
    assertThat(e).hasMessageThat().contains("learningRate");
  }
}
