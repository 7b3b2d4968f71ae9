package io.paramspace.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated sources of representative configs, compared as exact text with
 * {@code src/test/resources/golden}. After an intended change to the generated code, rewrite them
 * with {@code mvn -o test -pl processor -am -Dparamspace.updateGolden=true} and review the diff.
 */
class GoldenFilesTest {
  private static final boolean UPDATE = Boolean.getBoolean("paramspace.updateGolden");
  private static final Path GOLDEN = Path.of(System.getProperty("basedir", "."), "src/test/resources/golden");

  /**
   * Everything at once; a flat config with weights and a not-in condition; a branch of a sealed
   * type with a fixed otherwise; a nested record.
   */
  @ParameterizedTest
  @ValueSource(strings = {"ExperimentSpace", "OptimizerSpace", "ConvSpace", "Outer_InnerSpace"})
  void generatedSourceIsTheGoldenFile(String spaceClass) throws IOException {
    Compilation compilation = Configs.compilation();
    String generated = compilation.generatedSourceFile("test." + spaceClass)
        .orElseThrow(() -> new AssertionError("test." + spaceClass + " was not generated"))
        .getCharContent(true)
        .toString();
    Path golden = GOLDEN.resolve(spaceClass + ".java");
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, generated, StandardCharsets.UTF_8);
      return;
    }
    assertWithMessage("golden file %s is missing; write it with -Dparamspace.updateGolden=true", golden.toAbsolutePath())
        .that(Files.exists(golden))
        .isTrue();
    assertThat(compilation).generatedSourceFile("test/" + spaceClass)
        .contentsAsUtf8String()
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
