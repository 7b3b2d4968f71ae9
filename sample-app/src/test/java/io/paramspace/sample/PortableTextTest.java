package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers in trees and golden files are written alike on every JDK. */
class PortableTextTest {
  @Test
  void floatChoicesInATreeUseTheShortestFloatDigitsOnEveryJdk() {
    // JDK 17's Float.toString writes 8.1109158E8 and 3.9126139E10; JDK 19+ writes the shortest.
    assertThat(FloatChoiceConfigSpace.tree())
        .isEqualTo("""
            FloatChoiceConfig
            └─ scale: Categorical
               ├─ 0.1
               ├─ 811091600.0
               └─ 39126140000.0
            """);
  }

  @Test
  void recordsAreWrittenWithTheirComponentsAndPortableNumbers() {
    WeightedConfig config = new WeightedConfig("small", Activation.GELU, new Shape.Circle(1.25), 16, true);

    assertThat(PortableText.of(config))
        .isEqualTo("WeightedConfig[size='small', activation=GELU, shape=Circle[radius=1.25], width=16, shuffle=true]");
    assertThat(PortableText.of(new FloatChoiceConfig(8.110916E8f))).isEqualTo("FloatChoiceConfig[scale=811091600.0]");
    // Double.toString differs here: 8.6247725252223212E18 on JDK 17, 8.624772525222321E18 on 19+.
    assertThat(PortableText.of(8.624772525222321E18)).isEqualTo("8.624772525222321e+18");
    assertThat(PortableText.of(1e-5)).isEqualTo("1e-05");
    // The fewest digits, as Python's repr: 16 here, though the nearest 16-digit rounding misses.
    assertThat(PortableText.of(0x1.0p-24)).isEqualTo("5.960464477539063e-08");
  }
}
