package io.paramspace.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;

/**
 * How much the Paramspace processor adds to javac: generated {@code @SearchSpace} records
 * ({@link ConfigSources}) compiled in-process again and again, with and without the processor,
 * after warm-up rounds; the order of the modes rotates from round to round so that drift hits
 * them alike. With the processor javac also compiles the generated {@code XxxSpace} sources:
 * that is part of what a user pays, so it is part of the measured cost. Two more modes say where
 * the difference goes: the records plus the already generated sources with processing off (the
 * cost of compiling the generated code alone), and {@code -proc:only} (parsing and the
 * processor's own work, no attribution or class files). Two reference processors show what any
 * processor costs, so that Paramspace's figure can be read against it: {@link NoopProcessor}
 * (generates nothing) and {@link TrivialProcessor} (one tiny class per record).
 *
 * <p>With {@code --fresh-jvm} every compile is a new {@code javac} process, timed by wall clock,
 * as a command-line or cold build runs it; the defaults are then 1 warm-up and 5 measured rounds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.paramspace.bench.CompileTimeBenchmark \
 *     [--configs 500] [--per-package 50] [--warmups 3] [--runs 7] [--fresh-jvm] [--keep]
 * </pre>
 */
public final class CompileTimeBenchmark {
  enum Mode {
    WITHOUT("without processor (-proc:none)", false),
    NOOP("no-op processor: the floor of any processor", false),
    TRIVIAL("trivial generator: one tiny class per record", true),
    WITH("with processor (records + generated)", true),
    PREGENERATED("records + generated sources, -proc:none", false),
    PROC_ONLY("processor only (-proc:only)", true);

    final String label;
    /** Whether the mode writes one source per record, checked after every compile. */
    final boolean generates;

    Mode(String label, boolean generates) {
      this.label = label;
      this.generates = generates;
    }
  }

  /** Runs javac on sources with options: in this JVM, or as a new process. */
  private interface Compiler {
    Javac.Result compile(List<Path> sources, List<String> options) throws IOException;
  }

  private final Javac javac = new Javac();
  private final Compiler compiler;
  private final boolean freshJvm;
  private final Path work;
  /** The records with their enums and sealed interfaces: what every mode compiles. */
  private final List<Path> inputs;
  private final int configs;
  private List<Path> generated = List.of();
  private int outputs;

  private CompileTimeBenchmark(Path work, List<Path> inputs, int configs, boolean freshJvm) {
    this.work = work;
    this.inputs = inputs;
    this.configs = configs;
    this.freshJvm = freshJvm;
    compiler = freshJvm ? new JavacProcess(work.resolve("javac-process"))::compile : javac::compile;
  }

  public static void main(String[] args) throws IOException {
    int configs = 500;
    int perPackage = 50;
    int warmups = -1;
    int runs = -1;
    boolean freshJvm = false;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--configs" -> configs = Integer.parseInt(args[++i]);
        case "--per-package" -> perPackage = Integer.parseInt(args[++i]);
        case "--warmups" -> warmups = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--fresh-jvm" -> freshJvm = true;
        case "--keep" -> keep = true;
        default -> {
          System.err.println("usage: CompileTimeBenchmark [--configs N] [--per-package N]"
              + " [--warmups N] [--runs N] [--fresh-jvm] [--keep]");
          System.exit(2);
        }
      }
    }
    // A fresh process has no JIT state to warm, and each compile pays JVM start-up: fewer rounds.
    if (warmups < 0) {
      warmups = freshJvm ? 1 : 3;
    }
    if (runs < 0) {
      runs = freshJvm ? 5 : 7;
    }
    Path work = Files.createTempDirectory("paramspace-javac-bench");
    try {
      List<Path> sources = write(work.resolve("src"), ConfigSources.generate(configs, perPackage));
      List<Path> records = sources.stream()
          .filter(p -> p.getFileName().toString().startsWith("Config"))
          .toList();
      System.out.printf(Locale.ROOT,
          "%d @SearchSpace records (%d source files with the enums and sealed interfaces) in %s%n",
          records.size(), sources.size(), work);
      System.out.printf(Locale.ROOT, "java %s, %d processors available; %d warm-up and %d measured rounds; %s%n%n",
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), warmups, runs,
          freshJvm ? "a new javac process per compile" : "javac in-process, warm");
      new CompileTimeBenchmark(work, sources, records.size(), freshJvm).run(warmups, runs);
    } finally {
      if (keep) {
        System.out.println("sources kept in " + work);
      } else {
        delete(work);
      }
    }
  }

  private void run(int warmups, int runs) throws IOException {
    generated = generateOnce();
    Map<Mode, List<Double>> millis = new EnumMap<>(Mode.class);
    Mode[] modes = Mode.values();
    for (int round = 0; round < warmups + runs; round++) {
      boolean warmup = round < warmups;
      StringBuilder line = new StringBuilder(warmup ? "warm-up " : "round   ").append(round).append(':');
      for (int k = 0; k < modes.length; k++) {
        Mode mode = modes[(round + k) % modes.length];
        System.gc();
        double ms = compile(mode) / 1e6;
        line.append(String.format(Locale.ROOT, "  %s %.0f ms", mode, ms));
        if (!warmup) {
          millis.computeIfAbsent(mode, m -> new ArrayList<>()).add(ms);
        }
      }
      System.out.println(line);
    }
    report(millis);
  }

  /**
   * A first compile with the processor, whose generated sources the PREGENERATED mode reuses;
   * in-process in either way of running, as it is not measured.
   */
  private List<Path> generateOnce() throws IOException {
    Path classes = Files.createDirectories(work.resolve("pregenerated-classes"));
    Path sources = Files.createDirectories(work.resolve("pregenerated-sources"));
    check(Mode.WITH, javac.compile(inputs, javac.withProcessor(classes, sources)));
    List<Path> spaces = javaFiles(sources);
    if (spaces.size() != configs) {
      throw new IllegalStateException("expected " + configs + " generated spaces, got " + spaces.size());
    }
    delete(classes);
    return spaces;
  }

  private long compile(Mode mode) throws IOException {
    Path out = Files.createDirectories(work.resolve("out" + outputs++));
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path sources = Files.createDirectories(out.resolve("generated"));
    Javac.Result result = switch (mode) {
      case WITHOUT -> compiler.compile(inputs, javac.plain(classes));
      case NOOP -> compiler.compile(inputs, javac.withReferenceProcessor(NoopProcessor.class, classes, sources));
      case TRIVIAL -> compiler.compile(inputs, javac.withReferenceProcessor(TrivialProcessor.class, classes, sources));
      case WITH -> compiler.compile(inputs, javac.withProcessor(classes, sources));
      case PREGENERATED -> compiler.compile(concat(inputs, generated), javac.plain(classes));
      case PROC_ONLY -> compiler.compile(inputs, javac.processorOnly(classes, sources));
    };
    check(mode, result);
    int spaces = javaFiles(sources).size();
    if (spaces != (mode.generates ? configs : 0)) {
      throw new IllegalStateException(mode + " generated " + spaces + " spaces for " + configs + " configs");
    }
    delete(out);
    return result.nanos();
  }

  private static void check(Mode mode, Javac.Result result) {
    List<String> errors = result.messages(Diagnostic.Kind.ERROR);
    if (!result.success() || !errors.isEmpty()) {
      throw new IllegalStateException(mode + " failed:\n" + String.join("\n", errors));
    }
  }

  private void report(Map<Mode, List<Double>> millis) {
    double baseline = median(millis.get(Mode.WITHOUT));
    System.out.printf(Locale.ROOT, "%n%-46s %10s %10s %10s %10s%n",
        freshJvm ? "javac process wall time" : "javac wall time (in-process)",
        "median ms", "min ms", "max ms", "/ without");
    for (Mode mode : Mode.values()) {
      List<Double> times = millis.get(mode);
      System.out.printf(Locale.ROOT, "%-46s %10.0f %10.0f %10.0f %9.2fx%n",
          mode.label, median(times), min(times), max(times), median(times) / baseline);
    }
    List<Double> without = millis.get(Mode.WITHOUT);
    List<Double> with = millis.get(Mode.WITH);
    List<Double> perRound = new ArrayList<>();
    for (int i = 0; i < with.size(); i++) {
      perRound.add(with.get(i) / without.get(i));
    }
    System.out.printf(Locale.ROOT, "%nratio with/without processor: %.2fx (medians); per round: median %.2fx, min %.2fx, max %.2fx%n",
        median(with) / baseline, median(perRound), min(perRound), max(perRound));
    System.out.printf(Locale.ROOT, "  compiling the generated sources (pregenerated - without): %+.0f ms (%.2fx of without)%n",
        median(millis.get(Mode.PREGENERATED)) - baseline, (median(millis.get(Mode.PREGENERATED)) - baseline) / baseline);
    System.out.printf(Locale.ROOT, "  the processor and its extra round (with - pregenerated):   %+.0f ms (%.2fx of without)%n",
        median(with) - median(millis.get(Mode.PREGENERATED)),
        (median(with) - median(millis.get(Mode.PREGENERATED))) / baseline);
    System.out.printf(Locale.ROOT, "against the reference processors: with/no-op %.2fx, with/trivial %.2fx (medians)%n",
        median(with) / median(millis.get(Mode.NOOP)), median(with) / median(millis.get(Mode.TRIVIAL)));
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double min(List<Double> values) {
    return values.stream().min(Comparator.naturalOrder()).orElseThrow();
  }

  private static double max(List<Double> values) {
    return values.stream().max(Comparator.naturalOrder()).orElseThrow();
  }

  static List<Path> write(Path root, List<ConfigSources.Source> sources) throws IOException {
    List<Path> paths = new ArrayList<>();
    for (ConfigSources.Source source : sources) {
      Path path = root.resolve(source.path());
      Files.createDirectories(path.getParent());
      Files.writeString(path, source.text());
      paths.add(path);
    }
    return paths;
  }

  static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
  }

  private static List<Path> concat(List<Path> a, List<Path> b) {
    List<Path> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void delete(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
