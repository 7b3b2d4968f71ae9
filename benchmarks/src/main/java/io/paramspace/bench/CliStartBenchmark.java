package io.paramspace.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a job-array task pays to get its config: the wall time of {@code paramspace grid CLASS
 * --overrides F --index I} as a fresh JVM, against {@code java -version} on the same machine, in
 * interleaved rounds (every command once per round, so that a change in the machine's load hits
 * all of them alike). Prints the median and the min–max of each as a Markdown table.
 *
 * <p>Variants: the plain command, and with {@code -XX:TieredStopAtLevel=1 -Xshare:auto} (C1 only,
 * the JDK's class-data sharing archive if there is one; {@code -Xshare:auto} is the default
 * already, named to say the archive is wanted), which suits a JVM that runs for well under a second.
 * The grid is the README's grid.yaml for TrainingConfig (192 configs), written to a temp dir; the
 * index changes every round.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.paramspace.bench.CliStartBenchmark
 * [--rounds N] [--cli-jar JAR] [--app-jar JAR]}; the jars default to {@code
 * cli/target/paramspace-cli-*-all.jar} and {@code sample-app/target/paramspace-sample-app-*.jar}
 * under the repository, found from the working directory or its parents. The JVM is the one
 * running this program ({@code java.home}).
 */
public final class CliStartBenchmark {
  static final String GRID_YAML =
      """
      # grid.yaml (the README's)
      optimizer:
        name: adam
        learningRate: [1.0e-4, 1.0e-3]
        beta2: 0.99
      model:
        blockConfig:
          DenseConfig:
            numLayers: [2, 4]
            activation: [RELU, GELU]
            dropoutRate: [0.1, 0.3]
        numBlocks: [4, 8]
      batchSize: [32, 64]
      """;

  static final String CLASS = "io.paramspace.sample.TrainingConfig";
  static final int GRID_SIZE = 192;
  static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto");

  private CliStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = 15;
    Path cliJar = null;
    Path appJar = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--cli-jar" -> cliJar = Path.of(args[++i]);
        case "--app-jar" -> appJar = Path.of(args[++i]);
        default -> throw new IllegalArgumentException(
            "unknown argument " + args[i] + "; usage: [--rounds N] [--cli-jar JAR] [--app-jar JAR]");
      }
    }
    Path repo = null;
    if (cliJar == null || appJar == null) {
      repo = findRepo();
    }
    if (cliJar == null) {
      cliJar = findJar(repo.resolve("cli/target"), "paramspace-cli-", "-all.jar");
    }
    if (appJar == null) {
      appJar = findJar(repo.resolve("sample-app/target"), "paramspace-sample-app-", ".jar");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = cliJar + File.pathSeparator + appJar;

    Path dir = Files.createTempDirectory("cli-start");
    Path grid = dir.resolve("grid.yaml");
    Files.writeString(grid, GRID_YAML);

    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("`java -version`", List.of(java, "-version"));
    commands.put("`java -XX:TieredStopAtLevel=1 -Xshare:auto -version`", concat(List.of(java), FAST_START, List.of("-version")));
    commands.put("`paramspace grid ... --index I`", gridCommand(java, List.of(), classPath, grid));
    commands.put("`paramspace grid ... --index I`, `-XX:TieredStopAtLevel=1 -Xshare:auto`",
        gridCommand(java, FAST_START, classPath, grid));

    System.out.println("JVM: " + java + " (" + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version") + ")");
    System.out.println("class path: " + classPath);
    System.out.println("overrides: " + grid);
    // One untimed run of each: page cache and the CDS archive warm, the command checked.
    for (Map.Entry<String, List<String>> command : commands.entrySet()) {
      Result result = run(command.getValue(), 0);
      if (result.exitCode != 0) {
        throw new IllegalStateException(command.getKey() + " exited " + result.exitCode + ":\n" + result.output);
      }
    }
    System.out.println("config 0: " + run(commands.get("`paramspace grid ... --index I`"), 0).output.strip());

    Map<String, long[]> nanos = new LinkedHashMap<>();
    for (String key : commands.keySet()) {
      nanos.put(key, new long[rounds]);
    }
    for (int round = 0; round < rounds; round++) {
      int index = (round * 37 + 17) % GRID_SIZE;
      for (Map.Entry<String, List<String>> command : commands.entrySet()) {
        Result result = run(command.getValue(), index);
        if (result.exitCode != 0) {
          throw new IllegalStateException(command.getKey() + " exited " + result.exitCode + ":\n" + result.output);
        }
        nanos.get(command.getKey())[round] = result.nanos;
      }
    }

    System.out.println();
    System.out.println("| command | median (ms) | min–max (ms) | median − `java -version` (ms) |");
    System.out.println("|---|---:|---:|---:|");
    double baseline = median(nanos.get("`java -version`"));
    for (Map.Entry<String, long[]> entry : nanos.entrySet()) {
      long[] values = entry.getValue().clone();
      Arrays.sort(values);
      double median = median(values);
      System.out.printf("| %s | %.0f | %.0f–%.0f | %+.0f |%n", entry.getKey(), ms(median),
          ms(values[0]), ms(values[values.length - 1]), ms(median - baseline));
    }
    System.out.printf("%n%d interleaved rounds, fresh JVM each, wall time from start to exit.%n", rounds);
    Files.delete(grid);
    Files.delete(dir);
  }

  private static List<String> gridCommand(String java, List<String> jvmOptions, String classPath, Path grid) {
    return concat(List.of(java), jvmOptions,
        List.of("-cp", classPath, "io.paramspace.cli.Paramspace", "grid", CLASS, "--overrides", grid.toString(),
            "--index", "INDEX"));
  }

  private record Result(int exitCode, long nanos, String output) {}

  private static Result run(List<String> template, int index) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(template);
    command.replaceAll(arg -> arg.equals("INDEX") ? Integer.toString(index) : arg);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    long start = System.nanoTime();
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    long nanos = System.nanoTime() - start;
    return new Result(process.exitValue(), nanos, new String(output, StandardCharsets.UTF_8));
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return all;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  private static double ms(double nanos) {
    return nanos / 1e6;
  }

  private static Path findRepo() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("cli")) && Files.isDirectory(dir.resolve("sample-app"))
          && Files.exists(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no repository (a directory with cli/ and sample-app/) at or above the working directory; pass --cli-jar and --app-jar");
  }

  private static Path findJar(Path dir, String prefix, String suffix) throws IOException {
    try (var files = Files.list(dir)) {
      return files
          .filter(p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(suffix)
                && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar")
                && (suffix.equals("-all.jar") || !name.endsWith("-all.jar"));
          })
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no " + prefix + "*" + suffix + " in " + dir + "; build it first"));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalStateException(dir + " does not exist; build the jars first", e);
    }
  }
}
