package io.paramspace.bench;

import io.paramspace.bench.ConfigSources.Flavor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * <p>Peer processors that also generate a class per record run in the same rounds, on the same
 * records written for them ({@link Flavor}: same components, the peer's annotation instead of
 * Paramspace's): Immutables ({@code @Value.Builder}), AutoValue's {@code @AutoBuilder} and
 * record-builder ({@code @RecordBuilder}), their jars from {@link PeerProcessors}. Each flavor
 * of sources has its own baseline ({@code -proc:none} on the same sources), and a processor's
 * overhead is its median minus its baseline's median. The report divides every overhead by
 * Immutables' and counts the lines each processor generates per record.
 *
 * <p>With {@code --fresh-jvm} every compile is a new {@code javac} process, timed by wall clock,
 * as a command-line or cold build runs it; the defaults are then 1 warm-up and 5 measured rounds.
 * {@code --jvm both} runs the warm rounds and then the fresh ones on the same sources.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.paramspace.bench.CompileTimeBenchmark \
 *     [--records 500] [--per-package 50] [--warmups 3] [--rounds 7] \
 *     [--fresh-jvm | --jvm warm|fresh|both] [--modes all|MODE,...] [--keep]
 * </pre>
 */
public final class CompileTimeBenchmark {
  /** What a mode's processor must have written, checked after every compile. */
  enum Output {
    NOTHING,
    /** Exactly one source per record, named by the flavor ({@link Flavor#generatedName}). */
    ONE_PER_RECORD,
    /** The flavor's source for every record, and possibly more. */
    AT_LEAST_ONE_PER_RECORD
  }

  enum Mode {
    WITHOUT("no processor, Paramspace records (-proc:none)", Flavor.PARAMSPACE, true, Output.NOTHING),
    NOOP("no-op processor: the floor of any processor", Flavor.PARAMSPACE, false, Output.NOTHING),
    TRIVIAL("trivial generator: one tiny class per record", Flavor.PARAMSPACE, false, Output.ONE_PER_RECORD),
    WITH("Paramspace processor (records + generated)", Flavor.PARAMSPACE, false, Output.ONE_PER_RECORD),
    PREGENERATED("records + Paramspace's generated sources, -proc:none", Flavor.PARAMSPACE, false, Output.NOTHING),
    PROC_ONLY("Paramspace processor only (-proc:only)", Flavor.PARAMSPACE, false, Output.ONE_PER_RECORD),
    WITHOUT_IMMUTABLES("no processor, Immutables records (-proc:none)", Flavor.IMMUTABLES, true, Output.NOTHING),
    IMMUTABLES("Immutables @Value.Builder", Flavor.IMMUTABLES, false, Output.AT_LEAST_ONE_PER_RECORD),
    WITHOUT_AUTO_BUILDER("no processor, AutoBuilder records (-proc:none)", Flavor.AUTO_BUILDER, true, Output.NOTHING),
    AUTO_BUILDER("AutoValue @AutoBuilder", Flavor.AUTO_BUILDER, false, Output.AT_LEAST_ONE_PER_RECORD),
    WITHOUT_RECORD_BUILDER("no processor, record-builder records (-proc:none)", Flavor.RECORD_BUILDER, true, Output.NOTHING),
    RECORD_BUILDER("record-builder @RecordBuilder", Flavor.RECORD_BUILDER, false, Output.AT_LEAST_ONE_PER_RECORD);

    final String label;
    /** The sources the mode compiles. */
    final Flavor flavor;
    /** Whether the mode is its flavor's baseline: the same sources, no processor. */
    final boolean baseline;
    final Output output;

    Mode(String label, Flavor flavor, boolean baseline, Output output) {
      this.label = label;
      this.flavor = flavor;
      this.baseline = baseline;
      this.output = output;
    }

    /** The mode its overhead is measured against: its flavor's {@code -proc:none} compile. */
    Mode baselineMode() {
      return Arrays.stream(values()).filter(m -> m.baseline && m.flavor == flavor).findFirst().orElseThrow();
    }

    /** Groups of modes that {@code --modes} takes besides their names. */
    private static final Map<String, Set<Mode>> GROUPS = Map.of(
        "all", EnumSet.allOf(Mode.class),
        "paramspace", EnumSet.of(WITHOUT, NOOP, TRIVIAL, WITH, PREGENERATED, PROC_ONLY),
        "peers", EnumSet.of(WITHOUT_IMMUTABLES, IMMUTABLES, WITHOUT_AUTO_BUILDER, AUTO_BUILDER,
            WITHOUT_RECORD_BUILDER, RECORD_BUILDER),
        "target", EnumSet.of(WITHOUT, WITH, WITHOUT_IMMUTABLES, IMMUTABLES));

    /**
     * The modes a comma-separated list names (mode names in any case, {@code -} for {@code _},
     * or a group: all, paramspace, peers, target), with the baseline of each added, in this
     * enum's order.
     */
    static Set<Mode> select(String list) {
      Set<Mode> modes = EnumSet.noneOf(Mode.class);
      for (String item : list.split(",")) {
        String name = item.trim();
        if (name.isEmpty()) {
          continue;
        }
        Set<Mode> group = GROUPS.get(name.toLowerCase(Locale.ROOT));
        if (group != null) {
          modes.addAll(group);
          continue;
        }
        try {
          modes.add(Mode.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("unknown mode '" + name + "'; modes: "
              + Arrays.stream(values()).map(Mode::name).collect(Collectors.joining(", "))
              + "; groups: " + String.join(", ", GROUPS.keySet().stream().sorted().toList()));
        }
      }
      if (modes.isEmpty()) {
        throw new IllegalArgumentException("no mode named in '" + list + "'");
      }
      for (Mode mode : List.copyOf(modes)) {
        modes.add(mode.baselineMode());
      }
      return modes;
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
  /** For each flavor, the records with their enums and sealed interfaces: what its modes compile. */
  private final Map<Flavor, List<Path>> inputs;
  /** The records' paths relative to the source root, the same in every flavor. */
  private final List<Path> records;
  private final Set<Mode> modes;
  private final PeerProcessors peers;
  private List<Path> generated = List.of();
  /** Lines of generated source per record, counted on a mode's first compile. */
  private final Map<Mode, Double> generatedLines = new EnumMap<>(Mode.class);
  private int outputs;

  private CompileTimeBenchmark(Path work, Map<Flavor, List<Path>> inputs, List<Path> records, Set<Mode> modes,
      boolean freshJvm) {
    this.work = work;
    this.inputs = inputs;
    this.records = records;
    this.modes = modes;
    this.freshJvm = freshJvm;
    boolean anyPeer = modes.stream().anyMatch(m -> m.flavor != Flavor.PARAMSPACE);
    peers = anyPeer ? PeerProcessors.locate() : null;
    Path scratch = work.resolve(freshJvm ? "javac-process" : "javac");
    compiler = freshJvm ? new JavacProcess(scratch)::compile : javac::compile;
  }

  public static void main(String[] args) throws IOException {
    int configs = 500;
    int perPackage = 50;
    int warmups = -1;
    int runs = -1;
    String jvm = "warm";
    String modeList = "all";
    boolean keep = false;
    Set<Mode> modes;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--configs", "--records" -> configs = Integer.parseInt(value(args, ++i));
          case "--per-package" -> perPackage = Integer.parseInt(value(args, ++i));
          case "--warmups" -> warmups = Integer.parseInt(value(args, ++i));
          case "--runs", "--rounds" -> runs = Integer.parseInt(value(args, ++i));
          case "--fresh-jvm" -> jvm = "fresh";
          case "--jvm" -> jvm = value(args, ++i);
          case "--modes" -> modeList = value(args, ++i);
          case "--keep" -> keep = true;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (!List.of("warm", "fresh", "both").contains(jvm)) {
        throw new IllegalArgumentException("--jvm takes warm, fresh or both, not " + jvm);
      }
      if (configs < 1 || (runs == 0) || runs < -1 || warmups < -1) {
        throw new IllegalArgumentException("need at least 1 record and 1 measured round");
      }
      modes = Mode.select(modeList);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: CompileTimeBenchmark [--records N] [--per-package N] [--warmups N] [--rounds N]"
          + " [--fresh-jvm | --jvm warm|fresh|both] [--modes all|paramspace|peers|target|MODE,...] [--keep]");
      System.exit(2);
      return;
    }
    Path work = Files.createTempDirectory("paramspace-javac-bench");
    try {
      Map<Flavor, List<Path>> inputs = new EnumMap<>(Flavor.class);
      List<Path> records = null;
      for (Flavor flavor : modes.stream().map(m -> m.flavor).distinct().toList()) {
        Path root = work.resolve("src-" + flavor.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        List<Path> sources = write(root, ConfigSources.generate(configs, perPackage, flavor));
        inputs.put(flavor, sources);
        records = sources.stream()
            .filter(p -> p.getFileName().toString().startsWith("Config"))
            .map(root::relativize)
            .toList();
      }
      int files = inputs.values().iterator().next().size();
      System.out.printf(Locale.ROOT,
          "%d records (%d source files with the enums and sealed interfaces) for each of %s, in %s%n",
          records.size(), files, inputs.keySet(), work);
      System.out.printf(Locale.ROOT, "modes: %s%n", modes);
      List<Boolean> ways = switch (jvm) {
        case "fresh" -> List.of(true);
        case "both" -> List.of(false, true);
        default -> List.of(false);
      };
      List<String> summaries = new ArrayList<>();
      for (boolean freshJvm : ways) {
        // A fresh process has no JIT state to warm, and each compile pays JVM start-up: fewer rounds.
        int w = warmups >= 0 ? warmups : freshJvm ? 1 : 3;
        int r = runs > 0 ? runs : freshJvm ? 5 : 7;
        System.out.printf(Locale.ROOT, "%njava %s, %d processors available; %d warm-up and %d measured rounds; %s%n%n",
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), w, r,
            freshJvm ? "a new javac process per compile" : "javac in-process, warm");
        summaries.add(new CompileTimeBenchmark(work, inputs, records, modes, freshJvm).run(w, r));
      }
      if (summaries.size() > 1) {
        System.out.println();
        summaries.forEach(System.out::println);
      }
    } finally {
      if (keep) {
        System.out.println("sources kept in " + work);
      } else {
        delete(work);
      }
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  /** Runs the rounds and prints the report; returns its one-line summary of the target. */
  private String run(int warmups, int runs) throws IOException {
    if (modes.contains(Mode.PREGENERATED)) {
      generated = generateOnce();
    }
    Map<Mode, List<Double>> millis = new EnumMap<>(Mode.class);
    Mode[] order = modes.toArray(Mode[]::new);
    for (int round = 0; round < warmups + runs; round++) {
      boolean warmup = round < warmups;
      StringBuilder line = new StringBuilder(warmup ? "warm-up " : "round   ").append(round).append(':');
      for (int k = 0; k < order.length; k++) {
        Mode mode = order[(round + k) % order.length];
        System.gc();
        double ms = compile(mode) / 1e6;
        line.append(String.format(Locale.ROOT, "  %s %.0f ms", mode, ms));
        if (!warmup) {
          millis.computeIfAbsent(mode, m -> new ArrayList<>()).add(ms);
        }
      }
      System.out.println(line);
    }
    return report(millis);
  }

  /**
   * A first compile with the processor, whose generated sources the PREGENERATED mode reuses;
   * in-process in either way of running, as it is not measured.
   */
  private List<Path> generateOnce() throws IOException {
    Path classes = Files.createDirectories(work.resolve("pregenerated-classes"));
    Path sources = work.resolve("pregenerated-sources");
    if (Files.exists(sources)) {
      delete(sources);
    }
    Files.createDirectories(sources);
    check(Mode.WITH, javac.compile(inputs.get(Flavor.PARAMSPACE), javac.withProcessor(classes, sources)));
    List<Path> spaces = javaFiles(sources);
    if (spaces.size() != records.size()) {
      throw new IllegalStateException("expected " + records.size() + " generated spaces, got " + spaces.size());
    }
    delete(classes);
    return spaces;
  }

  private long compile(Mode mode) throws IOException {
    Path out = Files.createDirectories(work.resolve("out" + outputs++));
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path sources = Files.createDirectories(out.resolve("generated"));
    List<Path> in = inputs.get(mode.flavor);
    Javac.Result result = switch (mode) {
      case WITHOUT -> compiler.compile(in, javac.plain(classes));
      case NOOP -> compiler.compile(in, javac.withReferenceProcessor(NoopProcessor.class, classes, sources));
      case TRIVIAL -> compiler.compile(in, javac.withReferenceProcessor(TrivialProcessor.class, classes, sources));
      case WITH -> compiler.compile(in, javac.withProcessor(classes, sources));
      case PREGENERATED -> compiler.compile(concat(in, generated), javac.plain(classes));
      case PROC_ONLY -> compiler.compile(in, javac.processorOnly(classes, sources));
      case WITHOUT_IMMUTABLES, WITHOUT_AUTO_BUILDER, WITHOUT_RECORD_BUILDER ->
          compiler.compile(in, javac.plainPeer(peers, mode.flavor, classes));
      case IMMUTABLES, AUTO_BUILDER, RECORD_BUILDER ->
          compiler.compile(in, javac.withPeerProcessor(peers, mode.flavor, classes, sources));
    };
    check(mode, result);
    List<Path> written = javaFiles(sources);
    checkOutput(mode, sources, written, records);
    if (mode.output != Output.NOTHING && !generatedLines.containsKey(mode)) {
      generatedLines.put(mode, (double) lines(written) / records.size());
    }
    delete(out);
    return result.nanos();
  }

  static void check(Mode mode, Javac.Result result) {
    List<String> errors = result.messages(Diagnostic.Kind.ERROR);
    if (!result.success() || !errors.isEmpty()) {
      throw new IllegalStateException(mode + " failed:\n" + String.join("\n", errors));
    }
  }

  /** Fails unless the sources {@code written} to {@code root} are what the mode's processor must write. */
  static void checkOutput(Mode mode, Path root, List<Path> written, List<Path> records) {
    String problem = switch (mode.output) {
      case NOTHING -> written.isEmpty() ? null : "wrote " + written.size() + " sources, expected none";
      case ONE_PER_RECORD, AT_LEAST_ONE_PER_RECORD -> {
        Set<Path> sources = Set.copyOf(written);
        List<Path> missing = records.stream()
            .map(r -> root.resolve(r).resolveSibling(mode.flavor.generatedName(baseName(r)) + ".java"))
            .filter(p -> !sources.contains(p))
            .toList();
        if (!missing.isEmpty()) {
          yield "wrote no " + missing.get(0).getFileName() + " (" + missing.size() + " of " + records.size()
              + " records have no source; " + written.size() + " sources written)";
        }
        yield mode.output == Output.ONE_PER_RECORD && written.size() != records.size()
            ? "wrote " + written.size() + " sources for " + records.size() + " records" : null;
      }
    };
    if (problem != null) {
      throw new IllegalStateException(mode + " " + problem);
    }
  }

  private static String baseName(Path record) {
    String file = record.getFileName().toString();
    return file.substring(0, file.length() - ".java".length());
  }

  static long lines(List<Path> files) throws IOException {
    long lines = 0;
    for (Path file : files) {
      try (Stream<String> text = Files.lines(file)) {
        lines += text.count();
      }
    }
    return lines;
  }

  private String report(Map<Mode, List<Double>> millis) {
    String way = freshJvm ? "a fresh javac process per compile" : "javac in-process, warm";
    Double immutables = overhead(millis, Mode.IMMUTABLES);
    System.out.printf(Locale.ROOT, "%n%s, %d records; overhead = median - median of the same sources without a processor%n%n",
        way, records.size());
    System.out.println("| variant | median ms | min-max ms | / no processor | overhead ms | overhead / Immutables' | generated lines per record |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (Mode mode : modes) {
      List<Double> times = millis.get(mode);
      double baseline = median(millis.get(mode.baselineMode()));
      Double overhead = overhead(millis, mode);
      String ratio = overhead == null || immutables == null || immutables <= 0
          ? "n/a" : String.format(Locale.ROOT, "%.2f", overhead / immutables);
      Double lines = generatedLines.get(mode);
      System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f-%.0f | %.2fx | %s | %s | %s |%n",
          mode == Mode.WITH || mode == Mode.IMMUTABLES ? "**" + mode.label + "**" : mode.label,
          median(times), min(times), max(times), median(times) / baseline,
          overhead == null ? "n/a" : String.format(Locale.ROOT, "%+.0f", overhead),
          ratio,
          lines == null ? "n/a" : String.format(Locale.ROOT, "%.0f", lines));
    }
    if (immutables != null && immutables <= 0) {
      System.out.println("\nImmutables' overhead is not above zero in this run: no ratios to it (too few rounds or records?)");
    }
    printParamspaceDetails(millis);

    StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "%s: ", way));
    Double paramspace = overhead(millis, Mode.WITH);
    if (paramspace != null && immutables != null && immutables > 0) {
      summary.append(String.format(Locale.ROOT,
          "Paramspace overhead / Immutables overhead = %.3f (%+.0f / %+.0f ms; target <= 1.0, %s)",
          paramspace / immutables, paramspace, immutables, paramspace / immutables <= 1.0 ? "met" : "not met"));
    } else {
      summary.append("Paramspace / Immutables overhead not measured (run WITH and IMMUTABLES)");
    }
    for (Mode peer : List.of(Mode.AUTO_BUILDER, Mode.RECORD_BUILDER)) {
      Double o = overhead(millis, peer);
      if (o != null && immutables != null && immutables > 0) {
        summary.append(String.format(Locale.ROOT, "; %s / Immutables %.2f", peer, o / immutables));
      }
    }
    System.out.printf(Locale.ROOT, "%n%s%n", summary);
    return summary.toString();
  }

  /** The mode's median minus its baseline's, or null for a baseline or a mode not run. */
  private static Double overhead(Map<Mode, List<Double>> millis, Mode mode) {
    if (mode.baseline || !millis.containsKey(mode)) {
      return null;
    }
    return median(millis.get(mode)) - median(millis.get(mode.baselineMode()));
  }

  /** The per-round ratio and the split of Paramspace's cost, where the modes for them ran. */
  private void printParamspaceDetails(Map<Mode, List<Double>> millis) {
    List<Double> without = millis.get(Mode.WITHOUT);
    List<Double> with = millis.get(Mode.WITH);
    if (with == null) {
      return;
    }
    double baseline = median(without);
    List<Double> perRound = new ArrayList<>();
    for (int i = 0; i < with.size(); i++) {
      perRound.add(with.get(i) / without.get(i));
    }
    System.out.printf(Locale.ROOT, "%nratio with/without processor: %.2fx (medians); per round: median %.2fx, min %.2fx, max %.2fx%n",
        median(with) / baseline, median(perRound), min(perRound), max(perRound));
    List<Double> pregenerated = millis.get(Mode.PREGENERATED);
    if (pregenerated != null) {
      System.out.printf(Locale.ROOT, "  compiling the generated sources (pregenerated - without): %+.0f ms (%.2fx of without)%n",
          median(pregenerated) - baseline, (median(pregenerated) - baseline) / baseline);
      System.out.printf(Locale.ROOT, "  the processor and its extra round (with - pregenerated):   %+.0f ms (%.2fx of without)%n",
          median(with) - median(pregenerated), (median(with) - median(pregenerated)) / baseline);
    }
    if (millis.containsKey(Mode.NOOP) && millis.containsKey(Mode.TRIVIAL)) {
      System.out.printf(Locale.ROOT, "against the reference processors: with/no-op %.2fx, with/trivial %.2fx (medians)%n",
          median(with) / median(millis.get(Mode.NOOP)), median(with) / median(millis.get(Mode.TRIVIAL)));
    }
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
