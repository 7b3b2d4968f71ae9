package io.paramspace.bench;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compile-time benchmark measures something only if its configs are valid spaces. */
class ConfigSourcesTest {
  // Three packages, the last one short; each has blocks, leaves and composites.
  private static final int CONFIGS = 14;
  private static final int PER_PACKAGE = 6;

  @Test
  void everyConfigCompilesWithTheProcessorIntoASpace(@TempDir Path work) throws Exception {
    List<Path> sources =
        CompileTimeBenchmark.write(work.resolve("src"), ConfigSources.generate(CONFIGS, PER_PACKAGE));
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path generated = Files.createDirectories(work.resolve("generated"));
    Javac javac = new Javac();

    Javac.Result result = javac.compile(sources, javac.withProcessor(classes, generated));

    assertThat(result.messages(Diagnostic.Kind.ERROR)).isEmpty();
    assertThat(result.messages(Diagnostic.Kind.WARNING)).isEmpty();
    assertThat(result.success()).isTrue();
    assertThat(CompileTimeBenchmark.javaFiles(generated)).hasSize(CONFIGS);
    assertThat(Files.exists(classes.resolve("bench/gen/p2/Config013Space.class"))).isTrue();
  }

  @Test
  void theConfigsUseEveryKindOfSpace() {
    String all = String.join("\n",
        ConfigSources.generate(CONFIGS, PER_PACKAGE).stream().map(ConfigSources.Source::text).toList());
    assertThat(all).contains("log = true");
    assertThat(all).contains("step = ");
    assertThat(all).contains("weights = ");
    assertThat(all).contains(" Mode mode");
    assertThat(all).contains("@WhenAny");
    assertThat(all).contains("then = \"true\"");
    assertThat(all).contains("field = \"encoder.optimizer\"");
    assertThat(all).contains("implements Block");
    assertThat(all).contains("Block block");
    assertThat(all).contains("Config002 head");
  }

  @Test
  void theSameArgumentsGiveTheSameSources() {
    assertThat(ConfigSources.generate(CONFIGS, PER_PACKAGE))
        .isEqualTo(ConfigSources.generate(CONFIGS, PER_PACKAGE));
  }
}
