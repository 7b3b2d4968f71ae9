package io.paramspace.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.TestSpaces.Activation;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayTrialTest {
  private static final FloatSpace RATE = FloatSpace.logUniform(1e-5, 1e-2);
  private static final IntSpace BLOCKS = IntSpace.uniform(2, 12);
  private static final CategoricalSpace<String> NAME = CategoricalSpace.of("adam", "sgd");

  @Test
  void answersFromTheMap() {
    ReplayTrial trial =
        new ReplayTrial(
            Map.of(
                "C.rate", 0.001,
                "C.rateAsInt", 1,
                "C.blocks", 8,
                "C.blocksAsLong", 9L,
                "C.name", "sgd",
                "C.activation", Activation.GELU,
                "C.batch", 32));
    assertThat(trial.suggestFloat("C.rate", RATE)).isEqualTo(0.001);
    assertThat(trial.suggestFloat("C.rateAsInt", FloatSpace.uniform(0, 2))).isEqualTo(1.0);
    assertThat(trial.suggestInt("C.blocks", BLOCKS)).isEqualTo(8L);
    assertThat(trial.suggestInt("C.blocksAsLong", BLOCKS)).isEqualTo(9L);
    assertThat(trial.suggestCategorical("C.name", NAME)).isEqualTo("sgd");
    assertThat(trial.suggestCategorical("C.activation", CategoricalSpace.of(Activation.RELU, Activation.GELU)))
        .isEqualTo(Activation.GELU);
    assertThat(trial.suggestCategorical("C.batch", CategoricalSpace.of(16, 32))).isEqualTo(32);
  }

  @Test
  void answersTheSameValueEveryTimeItIsAsked() {
    ReplayTrial trial = new ReplayTrial(Map.of("C.blocks", 8));
    assertThat(trial.suggestInt("C.blocks", BLOCKS)).isEqualTo(trial.suggestInt("C.blocks", BLOCKS));
  }

  @Test
  void aMissingNameIsAnErrorListingTheKnownNames() {
    ReplayTrial trial = new ReplayTrial(Map.of("C.b", 1, "C.a", 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trial.suggestInt("C.blocks", BLOCKS));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo("ReplayTrial has no value for parameter 'C.blocks'; it has [C.a, C.b]");
  }

  @Test
  void aFloatOutsideItsSpaceIsAnErrorNamingParameterValueAndSpace() {
    ReplayTrial trial = new ReplayTrial(Map.of("C.rate", 0.5));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trial.suggestFloat("C.rate", RATE));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo("ReplayTrial value 0.5 for parameter 'C.rate' is not in its space Float([1e-05, 0.01], log)");
  }

  @Test
  void aFloatOffItsStepIsAnError() {
    ReplayTrial trial = new ReplayTrial(Map.of("C.p", 0.15));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> trial.suggestFloat("C.p", new FloatSpace(0, 1, false, 0.1)));
    assertThat(e).hasMessageThat().contains("'C.p'");
    assertThat(e).hasMessageThat().contains("0.15");
    assertThat(e).hasMessageThat().contains("Float([0.0, 1.0], uniform, step=0.1)");
  }

  @Test
  void aFloatThatIsNotANumberIsAnError() {
    ReplayTrial trial = new ReplayTrial(Map.of("C.rate", "0.001"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trial.suggestFloat("C.rate", RATE));
    assertThat(e).hasMessageThat().contains("value '0.001' for parameter 'C.rate'");
  }

  @Test
  void anIntOutsideItsSpaceIsAnErrorNamingParameterValueAndSpace() {
    ReplayTrial trial = new ReplayTrial(Map.of("C.blocks", 13));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trial.suggestInt("C.blocks", BLOCKS));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo("ReplayTrial value 13 for parameter 'C.blocks' is not in its space Int([2, 12], uniform)");
  }

  @Test
  void anIntOffItsStepOrWithAFractionIsAnError() {
    IntSpace stepped = new IntSpace(16, 128, false, 16);
    IllegalArgumentException offStep =
        assertThrows(IllegalArgumentException.class, () -> new ReplayTrial(Map.of("C.batch", 20)).suggestInt("C.batch", stepped));
    assertThat(offStep).hasMessageThat().contains("value 20 for parameter 'C.batch' is not in its space Int([16, 128], uniform, step=16)");
    IllegalArgumentException fraction =
        assertThrows(IllegalArgumentException.class, () -> new ReplayTrial(Map.of("C.blocks", 8.0)).suggestInt("C.blocks", BLOCKS));
    assertThat(fraction).hasMessageThat().contains("value 8.0 for parameter 'C.blocks'");
  }

  @Test
  void aChoiceOutsideItsSpaceIsAnErrorNamingParameterAndValue() {
    ReplayTrial trial = new ReplayTrial(Map.of("C.name", "rmsprop"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trial.suggestCategorical("C.name", NAME));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo("ReplayTrial value 'rmsprop' for parameter 'C.name' is not in its space Categorical of ['adam', 'sgd']");
  }

  @Test
  void aChoiceOfAnotherTypeIsNotAccepted() {
    // Choices keep their real types: the string "true" is not the boolean true.
    ReplayTrial trial = new ReplayTrial(Map.of("C.flag", "true"));
    assertThrows(
        IllegalArgumentException.class, () -> trial.suggestCategorical("C.flag", CategoricalSpace.of(true, false)));
  }

  @Test
  void theMapIsCopied() {
    HashMap<String, Object> values = new HashMap<>(Map.of("C.blocks", 8));
    ReplayTrial trial = new ReplayTrial(values);
    values.put("C.blocks", 9);
    assertThat(trial.suggestInt("C.blocks", BLOCKS)).isEqualTo(8L);
  }
}
