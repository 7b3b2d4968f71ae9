package io.paramspace.cli;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.InputFormat;
import io.paramspace.sweep.ConfigSequence;
import io.paramspace.sweep.Export;
import io.paramspace.sweep.GridSource;
import io.paramspace.sweep.Manifest;
import io.paramspace.sweep.RandomSource;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code paramspace} command: works on any compiled {@code @SearchSpace} record on the
 * classpath, by class name. Every subcommand has {@code --help}. Output goes to stdout (JSON unless
 * said otherwise), errors to stderr.
 */
@Command(
    name = "paramspace",
    mixinStandardHelpOptions = true,
    version = "paramspace 0.1.0-SNAPSHOT",
    description = {
      "Trees, names, templates, samples, grids, sweeps and exports of any compiled @SearchSpace record"
          + " on the classpath, by class name (e.g. io.acme.TrainingConfig).",
      "For job arrays: task i runs `paramspace grid CLASS --index i` (or `sweep --manifest F --index i`)"
          + " and computes configuration i by itself."
    },
    subcommands = {
      Paramspace.Tree.class,
      Paramspace.Names.class,
      Paramspace.Template.class,
      Paramspace.Sample.class,
      Paramspace.Random.class,
      Paramspace.Grid.class,
      Paramspace.SweepCommand.class,
      Paramspace.ManifestCommand.class,
      Paramspace.ExportCommand.class,
      StudyCommands.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:an internal error (a bug: the stack trace is on stderr)",
      "2:bad usage: an unknown command or option, a missing or malformed argument",
      "3:bad input: a class with no generated space, an override file, manifest or config that does not fit,"
          + " an index outside the sequence, a grid with a continuous parameter, a file that cannot be read"
          + " or written",
      "4:the study stopped: too many trials failed in a row, or its storage failed (unreachable, refused, locked)"
    })
public final class Paramspace implements Callable<Integer> {
  /** Exit code for bad input (a file, a class, an index): the message is on stderr. */
  public static final int BAD_INPUT = 3;
  /** Exit code for a study that stopped, or a storage that failed: the message is on stderr. */
  public static final int STUDY_FAILED = 4;

  @Spec CommandSpec spec;

  @Option(names = "--classpath", paramLabel = "PATH",
      description = "Extra jars or class folders to find the record in, separated by '${sys:path.separator}'.")
  String classpath;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
  }

  /** Runs the command with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Paramspace());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionStrategy(parseResult -> {
      Paramspace root = parseResult.commandSpec().commandLine().getCommand();
      root.installClasspath();
      return new CommandLine.RunLast().execute(parseResult);
    });
    commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
      if (isBadInput(exception)) {
        failed.getErr().println("paramspace " + failed.getCommandName() + ": " + exception.getMessage());
        return BAD_INPUT;
      }
      if (exception instanceof io.paramspace.study.StudyException
          || exception instanceof io.paramspace.study.storage.StorageException) {
        failed.getErr().println("paramspace " + failed.getCommandName() + ": " + exception.getMessage());
        return STUDY_FAILED;
      }
      failed.getErr().println("paramspace " + failed.getCommandName() + ": internal error (please report it with this"
          + " trace):");
      exception.printStackTrace(failed.getErr());
      return CommandLine.ExitCode.SOFTWARE;
    });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static boolean isBadInput(Exception exception) {
    return exception instanceof IllegalArgumentException
        || exception instanceof IndexOutOfBoundsException
        || exception instanceof UncheckedIOException;
  }

  /** With {@code --classpath}: a class loader over those entries becomes the context class loader. */
  private void installClasspath() {
    if (classpath == null || classpath.isEmpty()) {
      return;
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--classpath: " + entry + " does not exist");
      }
      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--classpath: " + entry + ": " + e.getMessage());
      }
    }
    Thread.currentThread().setContextClassLoader(
        new URLClassLoader(urls.toArray(new URL[0]), Thread.currentThread().getContextClassLoader()));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  // ---- shared options ----------------------------------------------------------------------

  /** The record by class name, and an optional override file that narrows its space. */
  static final class SpaceOptions {
    @Parameters(index = "0", paramLabel = "CLASS",
        description = "The @SearchSpace record's class name, e.g. io.acme.TrainingConfig (or its generated XxxSpace).")
    String className;

    @Option(names = {"-o", "--overrides"}, paramLabel = "FILE",
        description = "An override file (JSON, YAML or TOML by extension) that narrows the space.")
    Path overrides;

    ConfigSpace<?> space() {
      ConfigSpace<?> space = ConfigSpace.forName(className);
      return overrides == null ? space : space.narrow(overrides);
    }
  }

  /** A command's standard output. */
  abstract static class Base {
    @Spec CommandSpec spec;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    /** Prints {@code text} with exactly one line end. */
    void print(String text) {
      out().println(text.stripTrailing());
      out().flush();
    }
  }

  static <T> String json(ConfigSequence<T> sequence, long index) {
    return sequence.space().toJson(sequence.get(index));
  }

  // ---- the commands ------------------------------------------------------------------------

  @Command(name = "tree", mixinStandardHelpOptions = true,
      description = "Prints the canonical tree of the (narrowed) space, in SpaX's layout (text, not JSON).")
  static final class Tree extends Base implements Callable<Integer> {
    @Mixin SpaceOptions space = new SpaceOptions();

    @Override
    public Integer call() {
      print(space.space().tree());
      return 0;
    }
  }

  @Command(name = "names", mixinStandardHelpOptions = true,
      description = "Prints every parameter name of the (narrowed) space: a JSON array, or one per line with --lines.")
  static final class Names extends Base implements Callable<Integer> {
    @Mixin SpaceOptions space = new SpaceOptions();

    @Option(names = "--lines", description = "One name per line instead of a JSON array.")
    boolean lines;

    @Override
    public Integer call() {
      List<String> names = space.space().parameterNames();
      if (lines) {
        names.forEach(out()::println);
        out().flush();
      } else {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) {
          json.append(i == 0 ? "\n  " : ",\n  ").append('"').append(names.get(i).replace("\"", "\\\"")).append('"');
        }
        print(json.append(names.isEmpty() ? "]" : "\n]").toString());
      }
      return 0;
    }
  }

  @Command(name = "template", mixinStandardHelpOptions = true,
      description = "Prints the whole (narrowed) space in the override grammar, as a file to copy and edit.")
  static final class Template extends Base implements Callable<Integer> {
    @Mixin SpaceOptions space = new SpaceOptions();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
        description = "json, yaml or toml (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
      InputFormat inputFormat = switch (format.toLowerCase(Locale.ROOT)) {
        case "json" -> InputFormat.JSON;
        case "yaml", "yml" -> InputFormat.YAML;
        case "toml" -> InputFormat.TOML;
        default -> throw new CommandLine.ParameterException(spec.commandLine(),
            "--format: '" + format + "' is not json, yaml or toml");
      };
      print(space.space().overrideTemplate(inputFormat));
      return 0;
    }
  }

  @Command(name = "sample", mixinStandardHelpOptions = true,
      description = "Prints the config that a seed draws (the same on every JVM), as JSON.")
  static final class Sample extends Base implements Callable<Integer> {
    @Mixin SpaceOptions space = new SpaceOptions();

    @Option(names = {"-s", "--seed"}, required = true, paramLabel = "SEED", description = "The seed.")
    long seed;

    @Override
    public Integer call() {
      print(sample(space.space(), seed));
      return 0;
    }

    private static <T> String sample(ConfigSpace<T> space, long seed) {
      return space.toJson(space.random(seed));
    }
  }

  @Command(name = "random", mixinStandardHelpOptions = true,
      description = {"Config I of N drawn with SEED, each index with its own derived seed (SplitMix64 of SEED and I),",
          "as JSON; without --index, all N as JSON lines."})
  static final class Random extends Base implements Callable<Integer> {
    @Mixin SpaceOptions space = new SpaceOptions();

    @Option(names = {"-n", "--n"}, required = true, paramLabel = "N", description = "How many configs.")
    long n;

    @Option(names = {"-s", "--seed"}, required = true, paramLabel = "SEED", description = "The seed.")
    long seed;

    @Option(names = {"-i", "--index"}, paramLabel = "I", description = "The index, 0 to N-1.")
    Long index;

    @Override
    public Integer call() {
      RandomSource<?> source = RandomSource.of(space.space(), n, seed);
      if (index != null) {
        print(json(source, index));
      } else {
        Export.jsonLines(source, out());
      }
      return 0;
    }
  }

  /** Exactly one of --size and --index. */
  static final class SizeOrIndex {
    @Option(names = "--size", required = true, description = "Print the number of configs.")
    boolean size;

    @Option(names = {"-i", "--index"}, required = true, paramLabel = "I", description = "Print config I (0-based) as JSON.")
    Long index;
  }

  @Command(name = "grid", mixinStandardHelpOptions = true,
      description = {"The grid of the (narrowed) space's discrete parameters: its size, or config I as JSON.",
          "A continuous parameter needs values from the overrides: the error names it and shows the override."})
  static final class Grid extends Base implements Callable<Integer> {
    @Mixin SpaceOptions space = new SpaceOptions();

    @ArgGroup(multiplicity = "1") SizeOrIndex what;

    @Override
    public Integer call() {
      GridSource<?> grid = GridSource.of(space.space());
      print(what.size ? Long.toString(grid.size()) : json(grid, what.index));
      return 0;
    }
  }

  @Command(name = "sweep", mixinStandardHelpOptions = true,
      description = "The sequence a manifest describes (a grid, random or manual source, or a sweep): its size, or"
          + " config I as JSON.")
  static final class SweepCommand extends Base implements Callable<Integer> {
    @Option(names = {"-m", "--manifest"}, required = true, paramLabel = "FILE",
        description = "A manifest (JSON or YAML), as `paramspace manifest` or toManifest() writes it.")
    Path manifest;

    @ArgGroup(multiplicity = "1") SizeOrIndex what;

    @Override
    public Integer call() {
      ConfigSequence<?> sequence = Manifest.read(manifest).sequence(manifest.toString());
      print(what.size ? Long.toString(sequence.size()) : json(sequence, what.index));
      return 0;
    }
  }

  /** A grid (the default) or random source of a record, or a manifest. */
  static final class SequenceOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CLASS",
        description = "The @SearchSpace record's class name (or give --manifest).")
    String className;

    @Option(names = {"-o", "--overrides"}, paramLabel = "FILE", description = "An override file that narrows the space.")
    Path overrides;

    @Option(names = {"-n", "--random"}, paramLabel = "N", description = "N random configs instead of the grid (with --seed).")
    Long random;

    @Option(names = {"-s", "--seed"}, paramLabel = "SEED", description = "The seed of --random (default ${DEFAULT-VALUE}).",
        defaultValue = "0")
    long seed;

    @Option(names = {"-m", "--manifest"}, paramLabel = "FILE", description = "The sequence of a manifest instead of CLASS.")
    Path manifest;

    ConfigSequence<?> sequence(CommandSpec spec) {
      if (manifest != null) {
        if (className != null || overrides != null || random != null) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "give either --manifest or CLASS (with --overrides, --random), not both");
        }
        return Manifest.read(manifest).sequence(manifest.toString());
      }
      if (className == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "give the record's CLASS, or --manifest FILE");
      }
      ConfigSpace<?> space = ConfigSpace.forName(className);
      if (overrides != null) {
        space = space.narrow(overrides);
      }
      return random != null ? RandomSource.of(space, random, seed) : GridSource.of(space);
    }
  }

  @Command(name = "manifest", mixinStandardHelpOptions = true,
      description = "Writes the manifest of a grid (the default) or random source: every task of a job array rebuilds"
          + " the same sequence from it with `paramspace sweep --manifest FILE --index I`.")
  static final class ManifestCommand extends Base implements Callable<Integer> {
    @Mixin SequenceOptions sequence = new SequenceOptions();

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE (YAML for .yaml/.yml) instead of stdout.")
    Path output;

    @Option(names = "--yaml", description = "Write YAML to stdout instead of JSON.")
    boolean yaml;

    @Override
    public Integer call() {
      Manifest manifest = sequence.sequence(spec).toManifest();
      if (output != null) {
        manifest.write(output);
      } else {
        print(yaml ? manifest.toYaml() : manifest.toJson());
      }
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Writes every config of a grid (the default), random source or manifest as CSV (one column per"
          + " parameter name, inactive parameters empty) or JSON lines (one config per line).",
          "Shows a progress bar on stderr once an export takes more than 2 seconds, if stderr is a terminal."})
  static final class ExportCommand extends Base implements Callable<Integer> {
    @Mixin SequenceOptions sequence = new SequenceOptions();

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT", description = "csv or jsonl.")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
        description = "auto (on when stderr is a terminal), always or never (default: ${DEFAULT-VALUE}).")
    String progress;

    @Override
    public Integer call() throws IOException {
      String kind = format.toLowerCase(Locale.ROOT);
      if (!kind.equals("csv") && !kind.equals("jsonl")) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--format: '" + format + "' is not csv or jsonl");
      }
      boolean enabled = switch (progress.toLowerCase(Locale.ROOT)) {
        case "auto" -> ProgressBar.stderrIsTerminal();
        case "always" -> true;
        case "never" -> false;
        default -> throw new CommandLine.ParameterException(spec.commandLine(),
            "--progress: '" + progress + "' is not auto, always or never");
      };
      ConfigSequence<?> configs = sequence.sequence(spec);
      ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), enabled, 2_000);
      if (output == null) {
        write(configs, kind, out(), bar);
      } else {
        try (Writer file = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
          write(configs, kind, file, bar);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
        }
      }
      bar.finish();
      return 0;
    }

    private static void write(ConfigSequence<?> configs, String kind, Writer out, ProgressBar bar) {
      if (kind.equals("csv")) {
        Export.csv(configs, out, bar);
      } else {
        Export.jsonLines(configs, out, bar);
      }
    }
  }
}
