package io.paramspace.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * javac with the processor writing to a directory: unlike compile-testing, it shows what was
 * generated when the compilation failed.
 */
final class DiskCompiler {
  private DiskCompiler() {}

  record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path generatedSources) {
    List<String> errors() {
      return diagnostics.stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> d.getMessage(Locale.ROOT))
          .toList();
    }

    boolean generated(String relativePath) {
      return Files.exists(generatedSources.resolve(relativePath));
    }
  }

  static Result compile(Path directory, JavaFileObject... sources) throws IOException {
    return compile(directory, List.of(), true, sources);
  }

  /**
   * As a user's build compiles: the processors are found by their service files on the processor
   * path (the test class path, which holds the processor's classes), not handed to javac.
   */
  static Result compileAsAUser(Path directory, List<String> options, JavaFileObject... sources) throws IOException {
    return compile(directory, options, false, sources);
  }

  private static Result compile(Path directory, List<String> options, boolean explicitProcessor,
      JavaFileObject... sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path classes = Files.createDirectories(directory.resolve("classes"));
    Path generated = Files.createDirectories(directory.resolve("generated"));
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      List<String> arguments = new java.util.ArrayList<>(options);
      arguments.addAll(List.of("-classpath", System.getProperty("java.class.path")));
      if (!explicitProcessor) {
        arguments.addAll(List.of("-processorpath", System.getProperty("java.class.path")));
      }
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, arguments, null, List.of(sources));
      if (explicitProcessor) {
        task.setProcessors(List.of(new SearchSpaceProcessor()));
      }
      boolean success = task.call();
      return new Result(success, diagnostics.getDiagnostics(), generated);
    }
  }
}
