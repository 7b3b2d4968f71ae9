package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.InputFormat;
import io.paramspace.runtime.InvalidOverridesException;
import io.paramspace.runtime.Overrides;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A narrowed space's template applied to the base space gives the narrowed space again (sweep
 * manifests rely on it), also when the narrowing decided a condition with fixed sides.
 */
class TemplateOfNarrowedSpaceTest {
  @Test
  void aConditionDecidedByANarrowedRangeRoundTripsThroughTheTemplate() {
    ConfigSpace<TrainingConfig> narrowed = TrainingConfigSpace.space()
        .narrow(TrainingConfigSpace.overrides().model(m -> m.numBlocksBetween(4, 8)));
    for (InputFormat format : InputFormat.values()) {
      String template = narrowed.overrideTemplate(format);
      ConfigSpace<TrainingConfig> again = TrainingConfigSpace.space().narrow(Overrides.parse(template, format, "t"));
      assertThat(again).isEqualTo(narrowed);
      assertThat(again.hash()).isEqualTo(narrowed.hash());
    }
  }

  @Test
  void theInactiveValueOfAFieldThatCanStillBeActiveIsAProblem() {
    InvalidOverridesException e = assertThrows(InvalidOverridesException.class, () -> TrainingConfigSpace.space()
        .narrow(Overrides.fromMap(Map.of("model", Map.of("useCheckpoint", false)))));
    assertThat(e).hasMessageThat().contains("model.useCheckpoint: is false, its value while inactive, but it can"
        + " still be active (if numBlocks > 8), where it is fixed to true");
  }
}
