package io.paramspace.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, and asserts its diagnostics. */
final class Compile {
  /** Every lint, and warnings as errors: generated code must compile clean, as in a strict user build. */
  static final String[] STRICT = {"-Xlint:all", "-Werror"};

  private Compile() {}

  /** A source file; {@code qualifiedName} names its top-level type. */
  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /**
   * {@code record Name(components) {}} annotated {@code @SearchSpace} in package {@code test},
   * with the Paramspace annotations imported; components start on line 7.
   */
  static JavaFileObject config(String name, String components) {
    return source("test." + name, """
        package test;

        import io.paramspace.*;

        @SearchSpace
        record %s(
        %s) {}
        """.formatted(name, components.stripTrailing()));
  }

  static Compilation withProcessor(JavaFileObject... sources) {
    return javac().withProcessors(new SearchSpaceProcessor()).compile(sources);
  }

  /** Both of the processor jar's processors, as a build that finds them by their service file runs them. */
  static Compilation strictly(JavaFileObject... sources) {
    return javac().withProcessors(new SearchSpaceProcessor(), new GeneratedClaimer())
        .withOptions((Object[]) STRICT)
        .compile(sources);
  }

  /** Strictly, with {@code classes} on the class path after the test class path. */
  static Compilation strictlyAgainst(Path classes, JavaFileObject... sources) {
    String classPath = System.getProperty("java.class.path") + File.pathSeparator + classes;
    return javac()
        .withProcessors(new SearchSpaceProcessor(), new GeneratedClaimer())
        .withOptions(STRICT[0], STRICT[1], "-classpath", classPath)
        .compile(sources);
  }

  /**
   * Asserts a warning whose message has {@code [Paramspace.tag]} and then {@code phrase}, in
   * {@code source} on the one line containing {@code line}.
   */
  static void assertWarning(Compilation compilation, JavaFileObject source, String tag, String phrase, String line) {
    String pattern = "(?s)" + Pattern.quote("[Paramspace." + tag + "]") + ".*" + Pattern.quote(phrase);
    assertThat(compilation).hadWarningContainingMatch(pattern).inFile(source).onLineContaining(line);
  }

  /**
   * Asserts an error whose message has {@code [Paramspace.tag]} and then {@code phrase}, in
   * {@code source} on the one line containing {@code line}.
   */
  static void assertError(Compilation compilation, JavaFileObject source, String tag, String phrase, String line) {
    String pattern = "(?s)" + Pattern.quote("[Paramspace." + tag + "]") + ".*" + Pattern.quote(phrase);
    assertThat(compilation).hadErrorContainingMatch(pattern).inFile(source).onLineContaining(line);
  }
}
