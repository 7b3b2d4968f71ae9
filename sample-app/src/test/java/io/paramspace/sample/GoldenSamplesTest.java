package io.paramspace.sample;

import org.junit.jupiter.api.Test;

/**
 * Pins what users see of the TrainingConfig space: its tree, its parameter names, and the configs
 * of seeds 42 to 51, which must be the same on every JVM. {@code .ci/run} runs this class again on
 * the Temurin 25 JDK. Rewrite the files with {@code -Dparamspace.updateGolden=true}.
 */
class GoldenSamplesTest {
  @Test
  void tree() {
    GoldenFiles.assertMatches("training-config-tree.txt", TrainingConfigSpace.tree());
  }

  @Test
  void parameterNames() {
    GoldenFiles.assertMatches("training-config-parameter-names.txt",
        String.join("\n", TrainingConfigSpace.parameterNames()) + "\n");
  }

  @Test
  void seededConfigs() {
    StringBuilder configs = new StringBuilder();
    for (long seed = 42; seed <= 51; seed++) {
      configs.append(seed).append(": ").append(PortableText.of(TrainingConfigSpace.random(seed))).append('\n');
    }
    GoldenFiles.assertMatches("training-config-random-42-to-51.txt", configs.toString());
  }
}
