package io.paramspace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JDK's {@code bin/javac} run as a new process for each compile, timed from starting it to its
 * exit: what a command-line or cold build pays, JVM start-up and an unwarmed javac included, where
 * {@link Javac} measures javac warm in this JVM. The sources go in an {@code @argfile}, as 1000
 * paths would not fit some command lines.
 */
final class JavacProcess {
  private final Path javac;
  private final Path scratch;

  /** @param scratch where the argfile and javac's output go; overwritten by each compile */
  JavacProcess(Path scratch) {
    // The javac of the JDK this JVM runs on, so both ways of compiling use the same compiler.
    Path bin = Path.of(System.getProperty("java.home"), "bin");
    Path unix = bin.resolve("javac");
    javac = Files.isExecutable(unix) ? unix : bin.resolve("javac.exe");
    if (!Files.isExecutable(javac)) {
      throw new IllegalStateException("no javac in " + bin + ": run on a JDK, not a JRE");
    }
    this.scratch = scratch;
  }

  /**
   * Compiles {@code sources} with {@code options}; fails with javac's output if javac fails, since
   * a process gives text, not diagnostics, so the result carries none.
   */
  Javac.Result compile(List<Path> sources, List<String> options) throws IOException {
    Files.createDirectories(scratch);
    Path argfile = scratch.resolve("sources.txt");
    Path output = scratch.resolve("javac-output.txt");
    List<String> lines = new ArrayList<>();
    for (Path source : sources) {
      lines.add(quote(source.toString()));
    }
    Files.write(argfile, lines);
    List<String> command = new ArrayList<>();
    command.add(javac.toString());
    command.addAll(options);
    command.add("@" + argfile);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    long start = System.nanoTime();
    int exit;
    try {
      exit = builder.start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while javac ran", e);
    }
    long nanos = System.nanoTime() - start;
    if (exit != 0) {
      throw new IllegalStateException(String.format(Locale.ROOT, "javac exited with %d:%n%s",
          exit, Files.readString(output)));
    }
    return new Javac.Result(true, nanos, List.of());
  }

  /** An argfile entry: quoted, with backslashes escaped, so that spaces and Windows paths survive. */
  private static String quote(String path) {
    return '"' + path.replace("\\", "\\\\") + '"';
  }
}
