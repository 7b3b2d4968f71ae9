package io.paramspace.bench;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.SearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NOOP and TRIVIAL modes are reference points only if their processors run and do what they say. */
class ReferenceProcessorsTest {
  private static final int CONFIGS = 4;

  @TempDir Path work;
  private List<Path> sources;
  private Path classes;
  private Path generated;
  private final Javac javac = new Javac();

  @BeforeEach
  void writeSources() throws Exception {
    sources = CompileTimeBenchmark.write(work.resolve("src"), ConfigSources.generate(CONFIGS, CONFIGS));
    classes = Files.createDirectories(work.resolve("classes"));
    generated = Files.createDirectories(work.resolve("generated"));
  }

  @Test
  void theNoopProcessorRunsAndGeneratesNothing() throws Exception {
    Javac.Result result =
        javac.compile(sources, javac.withReferenceProcessor(NoopProcessor.class, classes, generated));

    assertCleanSuccess(result);
    assertThat(CompileTimeBenchmark.javaFiles(generated)).isEmpty();
    assertThat(Files.exists(classes.resolve("bench/gen/p0/Config003.class"))).isTrue();
  }

  @Test
  void theTrivialProcessorWritesOneCompiledSpacePerRecord() throws Exception {
    Javac.Result result =
        javac.compile(sources, javac.withReferenceProcessor(TrivialProcessor.class, classes, generated));

    assertCleanSuccess(result);
    assertThat(CompileTimeBenchmark.javaFiles(generated)).hasSize(CONFIGS);
    assertThat(Files.readString(generated.resolve("bench/gen/p0/Config003Space.java")))
        .contains("public static Config003 random(long seed)");
    assertThat(Files.exists(classes.resolve("bench/gen/p0/Config003Space.class"))).isTrue();
  }

  @Test
  void aFreshJavacProcessRunsTheTrivialProcessor() throws Exception {
    JavacProcess process = new JavacProcess(work.resolve("process"));

    Javac.Result result =
        process.compile(sources, javac.withReferenceProcessor(TrivialProcessor.class, classes, generated));

    assertThat(result.success()).isTrue();
    assertThat(CompileTimeBenchmark.javaFiles(generated)).hasSize(CONFIGS);
    assertThat(Files.exists(classes.resolve("bench/gen/p0/Config003Space.class"))).isTrue();
  }

  @Test
  void theProcessorsSupportTheAnnotationTheyAreComparedOn() {
    assertThat(Javac.SEARCH_SPACE).isEqualTo(SearchSpace.class.getName());
  }

  private static void assertCleanSuccess(Javac.Result result) {
    assertThat(result.messages(Diagnostic.Kind.ERROR)).isEmpty();
    assertThat(result.messages(Diagnostic.Kind.WARNING)).isEmpty();
    assertThat(result.success()).isTrue();
  }
}
