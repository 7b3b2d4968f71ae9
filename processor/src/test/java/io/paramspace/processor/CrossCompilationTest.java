package io.paramspace.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.paramspace.processor.Compile.assertError;
import static io.paramspace.processor.Compile.source;
import static io.paramspace.processor.GeneratedClasses.get;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config compiled in one compilation (a jar, in real life) nested in a config of another: its
 * annotations must survive in its class file (CLASS retention) for conditions that reach into it.
 */
class CrossCompilationTest {
  private static final JavaFileObject LIBRARY_CONFIG = source("lib.Optim", """
      package lib;

      import io.paramspace.*;

      @SearchSpace
      public record Optim(
          @Choice({"adam", "sgd"}) String name,
          @When(field = "name", equalsTo = "sgd") @FloatRange(min = 0.0, max = 0.9) Double momentum,
          @IntRange(min = 1, max = 8) int warmup) {}
      """);

  @TempDir
  static Path library;

  @BeforeAll
  static void compileTheLibrary() throws IOException {
    Compilation compilation = Compile.strictly(LIBRARY_CONFIG);
    assertThat(compilation).succeededWithoutWarnings();
    GeneratedClasses.write(compilation, library);
    assertThat(Files.exists(library.resolve("lib/Optim.class"))).isTrue();
    assertThat(Files.exists(library.resolve("lib/OptimSpace.class"))).isTrue();
  }

  @Test
  void conditionsReachIntoAConfigFromTheClassPath() throws IOException {
    JavaFileObject trainer = source("app.Trainer", """
        package app;

        import io.paramspace.*;
        import lib.Optim;

        @SearchSpace
        public record Trainer(
            Optim optim,
            @When(field = "optim.name", equalsTo = "sgd") @IntRange(min = 1, max = 4) Integer restarts,
            @When(field = "optim.momentum", atLeast = 0.5) Boolean nesterov) {}
        """);

    Compilation compilation = Compile.strictlyAgainst(library, trainer);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("app/TrainerSpace");
    assertThat(compilation.generatedSourceFile("lib.OptimSpace")).isEmpty(); // it comes from the class path
    try (URLClassLoader libraryJar = new URLClassLoader(new URL[] {library.toUri().toURL()},
        CrossCompilationTest.class.getClassLoader())) {
      var space = GeneratedClasses.of(compilation, libraryJar).space("app.TrainerSpace");
      int withRestarts = 0;
      for (long seed : LongStream.range(0, 500).toArray()) {
        Object config = space.random(seed);
        boolean sgd = get(config, "optim.name").equals("sgd");
        assertThat(get(config, "restarts") != null).isEqualTo(sgd);
        Double momentum = (Double) get(config, "optim.momentum");
        assertThat(get(config, "nesterov") != null).isEqualTo(momentum != null && momentum >= 0.5);
        withRestarts += sgd ? 1 : 0;
      }
      assertThat(withRestarts).isGreaterThan(0);
      assertThat(space.parameterNames()).contains("Trainer.optim::Optim.momentum::true_branch");
    }
  }

  @Test
  void impossibleValueOfAFieldFromTheClassPathListsItsValues() {
    JavaFileObject trainer = source("app.Trainer", """
        package app;

        import io.paramspace.*;
        import lib.Optim;

        @SearchSpace
        public record Trainer(
            Optim optim,
            @When(field = "optim.name",
                equalsTo = "adamw")
            @IntRange(min = 1, max = 4) Integer restarts,
            @When(field = "optim.warmup",
                equalsTo = "9")
            Boolean longWarmup,
            @When(
                field = "optim.nmae",
                equalsTo = "sgd")
            Boolean typo) {}
        """);

    Compilation compilation = Compile.strictlyAgainst(library, trainer);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(3);
    assertError(compilation, trainer, "ImpossibleWhenValue",
        "optim.name can never be \"adamw\"; it can be \"adam\", \"sgd\"", "equalsTo = \"adamw\"");
    assertError(compilation, trainer, "ImpossibleWhenValue",
        "optim.warmup can never be \"9\"; it can be an int in [1, 8]", "equalsTo = \"9\"");
    assertError(compilation, trainer, "UnknownWhenField", "refers to no field of Optim. Did you mean \"name\"?",
        "field = \"optim.nmae\"");
  }
}
