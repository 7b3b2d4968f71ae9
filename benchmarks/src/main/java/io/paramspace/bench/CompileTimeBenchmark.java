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
 * processor's own work, no attribution or class files).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.paramspace.bench.CompileTimeBenchmark \
 *     [--configs 500] [--per-package 50] [--warmups 3] [--runs 7] [--keep]
 * </pre>
 */
public final class CompileTimeBenchmark {
  enum Mode {
    WITHOUT("without processor (-proc:none)"),
    WITH("with processor (records + generated)"),
    PREGENERATED("records + generated sources, -proc:none"),
    PROC_ONLY("processor only (-proc:only)");

    final String label;

    Mode(String label) {
      this.label = label;
    }
  }

  private final Javac javac = new Javac();
  private final Path work;
  /** The records with their enums and sealed interfaces: what every mode compiles. */
  private final List<Path> inputs;
  private final int configs;
  private List<Path> generated = List.of();
  private int outputs;

  private CompileTimeBenchmark(Path work, List<Path> inputs, int configs) {
    this.work = work;
    this.inputs = inputs;
    this.configs = configs;
  }

  public static void main(String[] args) throws IOException {
    int configs = 500;
    int perPackage = 50;
    int warmups = 3;
    int runs = 7;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--configs" -> configs = Integer.parseInt(args[++i]);
        case "--per-package" -> perPackage = Integer.parseInt(args[++i]);
        case "--warmups" -> warmups = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--keep" -> keep = true;
        default -> {
          System.err.println("usage: CompileTimeBenchmark [--configs N] [--per-package N]"
              + " [--warmups N] [--runs N] [--keep]");
          System.exit(2);
        }
      }
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
      System.out.printf(Locale.ROOT, "java %s, %d processors available; %d warm-up and %d measured rounds%n%n",
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), warmups, runs);
      new CompileTimeBenchmark(work, sources, records.size()).run(warmups, runs);
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

  /** A first compile with the processor, whose generated sources the PREGENERATED mode reuses. */
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
      case WITHOUT -> javac.compile(inputs, javac.plain(classes));
      case WITH -> javac.compile(inputs, javac.withProcessor(classes, sources));
      case PREGENERATED -> javac.compile(concat(inputs, generated), javac.plain(classes));
      case PROC_ONLY -> javac.compile(inputs, javac.processorOnly(classes, sources));
    };
    check(mode, result);
    boolean generates = mode == Mode.WITH || mode == Mode.PROC_ONLY;
    int spaces = javaFiles(sources).size();
    if (spaces != (generates ? configs : 0)) {
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

  private static void report(Map<Mode, List<Double>> millis) {
    System.out.printf(Locale.ROOT, "%n%-42s %10s %10s %10s%n", "javac wall time", "median ms", "min ms", "max ms");
    for (Mode mode : Mode.values()) {
      List<Double> times = millis.get(mode);
      System.out.printf(Locale.ROOT, "%-42s %10.0f %10.0f %10.0f%n",
          mode.label, median(times), min(times), max(times));
    }
    List<Double> without = millis.get(Mode.WITHOUT);
    List<Double> with = millis.get(Mode.WITH);
    List<Double> perRound = new ArrayList<>();
    for (int i = 0; i < with.size(); i++) {
      perRound.add(with.get(i) / without.get(i));
    }
    double baseline = median(without);
    System.out.printf(Locale.ROOT, "%nratio with/without processor: %.2fx (medians); per round: median %.2fx, min %.2fx, max %.2fx%n",
        median(with) / baseline, median(perRound), min(perRound), max(perRound));
    System.out.printf(Locale.ROOT, "  compiling the generated sources (pregenerated - without): %+.0f ms (%.2fx of without)%n",
        median(millis.get(Mode.PREGENERATED)) - baseline, (median(millis.get(Mode.PREGENERATED)) - baseline) / baseline);
    System.out.printf(Locale.ROOT, "  the processor and its extra round (with - pregenerated):   %+.0f ms (%.2fx of without)%n",
        median(with) - median(millis.get(Mode.PREGENERATED)),
        (median(with) - median(millis.get(Mode.PREGENERATED))) / baseline);
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
