package io.paramspace.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.paramspace.processor.Compile.assertError;
import static io.paramspace.processor.Compile.config;
import static io.paramspace.processor.Compile.withProcessor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One compilation with errors in several fields of several configs: every error is reported, a
 * valid config is still generated, and a config nesting a failing one is skipped quietly.
 */
class ErrorRecoveryTest {
  private static final JavaFileObject BROKEN = config("Broken", """
      @FloatRange(min = 1e-5, max = 1e-2, log = true) double learningRate,
      @When(field = "learnignRate", atLeast = 1e-3)
      @IntRange(min = 0, max = 10) Integer warmup,
      @IntRange(min = 12, max = 2) int layers,
      @Choice({}) String optimizer
      """);
  private static final JavaFileObject ALSO_BROKEN = config("AlsoBroken", """
      @Choice({"1", "two"}) int shards,
      boolean useDropout,
      @When(field = "useDropout", equalsTo = "true")
      @FloatRange(min = 0, max = 0.5) double dropout
      """);
  private static final JavaFileObject VALID = config("Valid", """
      @Choice({"adam", "sgd"}) String optimizer,
      @When(field = "optimizer", equalsTo = "sgd") @FloatRange(min = 0, max = 0.9) Double momentum
      """);
  private static final JavaFileObject USES_VALID = config("UsesValid", """
      Valid valid,
      @IntRange(min = 1, max = 4) int repeats
      """);
  private static final JavaFileObject USES_BROKEN = config("UsesBroken", """
      Valid valid,
      Broken broken
      """);

  private static final JavaFileObject[] ALL = {BROKEN, ALSO_BROKEN, VALID, USES_VALID, USES_BROKEN};

  @Test
  void everyErrorIsReportedWhereItIs() {
    Compilation compilation = withProcessor(ALL);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(5);
    assertError(compilation, BROKEN, "UnknownWhenField", "Did you mean \"learningRate\"?", "field = \"learnignRate\"");
    assertError(compilation, BROKEN, "InvertedRange", "'layers' has min 12 greater than max 2", "min = 12");
    assertError(compilation, BROKEN, "EmptyChoice", "'optimizer' lists no values", "@Choice({})");
    assertError(compilation, ALSO_BROKEN, "BadChoiceLiteral", "\"two\" is not an int", "\"two\"");
    assertError(compilation, ALSO_BROKEN, "PrimitiveWithoutOtherwise", "'dropout' is a conditional double",
        "@When(field = \"useDropout\"");
  }

  @Test
  void validConfigsAreGeneratedAndOnesNestingAFailingConfigAreNot(@TempDir Path directory) throws IOException {
    DiskCompiler.Result result = DiskCompiler.compile(directory, ALL);

    assertThat(result.success()).isFalse();
    assertThat(result.errors()).hasSize(5);
    assertThat(result.errors().stream().filter(e -> !e.startsWith("[Paramspace.")).toList()).isEmpty();
    assertThat(result.generated("test/ValidSpace.java")).isTrue();
    assertThat(result.generated("test/UsesValidSpace.java")).isTrue();
    assertThat(result.generated("test/BrokenSpace.java")).isFalse();
    assertThat(result.generated("test/AlsoBrokenSpace.java")).isFalse();
    assertThat(result.generated("test/UsesBrokenSpace.java")).isFalse();
  }
}
