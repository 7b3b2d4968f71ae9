package io.paramspace.bench;

import io.paramspace.SearchSpace;
import io.paramspace.processor.SearchSpaceProcessor;
import io.paramspace.runtime.Rng;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The JDK's javac, run in-process on a list of source files, timed from creating its file manager
 * to closing it; it also makes the options of every benchmark mode. The class path holds the
 * annotations and the runtime; the processor path, used only when the options name a processor,
 * holds the Paramspace processor and the annotations, or this module's reference processors. All are
 * found where this JVM loaded those classes from (the shaded benchmarks jar, or the reactor's
 * modules). A peer processor's records compile against that peer's jars alone ({@link
 * PeerProcessors}).
 */
final class Javac {
  static final String PROCESSOR = SearchSpaceProcessor.class.getName();
  /** A constant, for the reference processors' {@code @SupportedAnnotationTypes}. */
  static final String SEARCH_SPACE = "io.paramspace.SearchSpace";

  /** What one compilation did: its wall time and its diagnostics. */
  record Result(boolean success, long nanos, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    List<String> messages(Diagnostic.Kind kind) {
      return diagnostics.stream()
          .filter(d -> d.getKind() == kind)
          .map(d -> d.getSource() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
          .collect(Collectors.toList());
    }
  }

  private final JavaCompiler compiler;
  private final String classPath;
  private final String processorPath;
  private final String referencePath;

  Javac() {
    compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
    }
    classPath = pathOf(SearchSpace.class, Rng.class);
    processorPath = pathOf(SearchSpaceProcessor.class, SearchSpace.class);
    referencePath = pathOf(NoopProcessor.class, TrivialProcessor.class);
  }

  /** Options for a plain compile into {@code classes}: annotation processing off. */
  List<String> plain(Path classes) {
    return plain(classPath, classes);
  }

  /** Options for a plain compile of a peer's records, against that peer's annotations. */
  List<String> plainPeer(PeerProcessors peers, ConfigSources.Flavor flavor, Path classes) {
    return plain(peers.classPath(flavor), classes);
  }

  private static List<String> plain(String classPath, Path classes) {
    return List.of("--release", "17", "-proc:none", "-cp", classPath, "-d", classes.toString());
  }

  /**
   * Options that run a peer's processors on its records: its annotations on the class path, its
   * jars alone on the processor path, and no {@code -processor}, so javac finds the processors
   * through their {@code META-INF/services} entries as in a user's build (AutoValue's jar
   * registers several, all of which run).
   */
  List<String> withPeerProcessor(PeerProcessors peers, ConfigSources.Flavor flavor, Path classes, Path generated) {
    return List.of("--release", "17", "-cp", peers.classPath(flavor), "-processorpath", peers.processorPath(flavor),
        "-s", generated.toString(), "-d", classes.toString());
  }

  /** Options that run the Paramspace processor, writing generated sources to {@code generated}. */
  List<String> withProcessor(Path classes, Path generated) {
    return processing(PROCESSOR, processorPath, classes, generated);
  }

  /** Options that run one of the reference processors ({@link NoopProcessor}, {@link TrivialProcessor}). */
  List<String> withReferenceProcessor(Class<? extends Processor> processor, Path classes, Path generated) {
    return processing(processor.getName(), referencePath, classes, generated);
  }

  // -processor names the one processor to run, so the Paramspace processor's META-INF/services
  // entry, in the same jar as the reference processors, is not used.
  private List<String> processing(String processor, String path, Path classes, Path generated) {
    return List.of("--release", "17", "-cp", classPath, "-processorpath", path,
        "-processor", processor, "-s", generated.toString(), "-d", classes.toString());
  }

  /** Options that run only the processor: parse, enter, process; no attribution, no class files. */
  List<String> processorOnly(Path classes, Path generated) {
    List<String> options = new ArrayList<>(withProcessor(classes, generated));
    options.add("-proc:only");
    return options;
  }

  Result compile(List<Path> sources, List<String> options) throws IOException {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long start = System.nanoTime();
    boolean success;
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      success = compiler
          .getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
          .call();
    }
    long nanos = System.nanoTime() - start;
    return new Result(success, nanos, diagnostics.getDiagnostics());
  }

  private static String pathOf(Class<?>... classes) {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> type : classes) {
      try {
        entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException("cannot locate " + type.getName(), e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
