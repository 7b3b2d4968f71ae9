package io.paramspace.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Gradle compiles incrementally only with processors that declare their kind. Paramspace is
 * isolating: each generated class comes from one record (its only originating element), and
 * no file aggregates several records (ConfigSpace.forName finds spaces without a registry).
 */
class GradleIncrementalTest {
  @Test
  void theProcessorDeclaresItselfIsolating() throws Exception {
    try (InputStream in = SearchSpaceProcessor.class.getResourceAsStream(
        "/META-INF/gradle/incremental.annotation.processors")) {
      assertThat(in).isNotNull();
      String declaration = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      assertThat(declaration).isEqualTo(SearchSpaceProcessor.class.getName() + ",isolating");
    }
  }
}
