package io.paramspace.bench.workers;

import io.paramspace.sample.TrainingConfigSpace;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Study;
import io.paramspace.study.TrialState;
import io.paramspace.study.storage.Storage;
import io.paramspace.study.storage.Storages;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Trials per second of 1, 2, 4 and 8 worker processes on one PostgreSQL study, and of 8 on one
 * SQLite file: the random sampler, the sample app's TrainingConfig, a cheap objective, 400 trials,
 * the median of 3 runs. Each run is a new study in a new schema (or file); the clock runs from the
 * moment every worker has opened the study (JVM start and connecting are not timed) to the last
 * worker's exit. Duplicates (a number given twice), losses (fewer than 400 complete) and overshoot
 * (more than 400 trials) are counted from the database: all must be 0.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.paramspace.bench.workers.WorkersBenchmark
 * [POSTGRES_URL] [TRIALS] [REPEATS]}; the URL defaults to {@code PARAMSPACE_POSTGRES_URL}, else
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. Environment: {@code BENCH_WORKERS}
 * (default {@code 1,2,4,8}), {@code BENCH_SQLITE=0} to leave SQLite out, {@code WORKER_JAVA_OPTS}
 * for the workers' JVMs, {@code BENCH_SAMPLER=tpe} for the TPE sampler (default: random).
 */
public final class WorkersBenchmark {
  private WorkersBenchmark() {}

  /** One run's wall time (GO to the last exit), trials stored, complete ones, numbers given twice. */
  public record Run(double seconds, int trials, int complete, int duplicates) {
    double perSecond(int total) {
      return total / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    String server = args.length > 0 ? args[0]
        : System.getenv().getOrDefault("PARAMSPACE_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    int total = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    System.out.printf(Locale.ROOT, "Workers benchmark: %d trials, " + System.getenv().getOrDefault("BENCH_SAMPLER",
        "random") + " sampler, TrainingConfig (%d parameter names),"
        + " cheap objective, median of %d; %d cores; worker JVM options %s%n", total,
        TrainingConfigSpace.parameterNames().size(), repeats, Runtime.getRuntime().availableProcessors(),
        workerJvmOptions().isEmpty() ? "(defaults)" : workerJvmOptions());
    List<String> rows = new ArrayList<>();
    for (int workers : counts(System.getenv().getOrDefault("BENCH_WORKERS", "1,2,4,8"))) {
      List<Run> runs = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        String schema = "bench_workers_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        execute(server, "CREATE SCHEMA " + schema);
        try {
          runs.add(run(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema, workers, total));
        } finally {
          execute(server, "DROP SCHEMA " + schema + " CASCADE");
        }
      }
      rows.add(row("PostgreSQL", workers, runs, total));
    }
    List<Run> sqlite = new ArrayList<>();
    for (int r = 0; r < (System.getenv().getOrDefault("BENCH_SQLITE", "1").equals("0") ? 0 : repeats); r++) {
      Path tmp = Files.createTempDirectory("workers-bench");
      try {
        sqlite.add(run("sqlite:" + tmp.resolve("bench.db"), 8, total));
      } finally {
        try (var files = Files.list(tmp)) {
          for (Path f : files.toList()) {
            Files.delete(f);
          }
        }
        Files.delete(tmp);
      }
    }
    if (!sqlite.isEmpty()) {
      rows.add(row("SQLite (one file)", 8, sqlite, total));
    }
    System.out.println();
    System.out.println("| storage | workers | trials/s (median) | runs (trials/s) | complete | duplicates | losses | overshoot |");
    System.out.println("|---|---:|---:|---|---:|---:|---:|---:|");
    rows.forEach(System.out::println);
    System.out.println();
    System.out.println("Repeat: mvn -B -q -pl benchmarks -am package -DskipTests && java -cp benchmarks/target/benchmarks.jar"
        + " io.paramspace.bench.workers.WorkersBenchmark");
  }

  private static String row(String storage, int workers, List<Run> runs, int total) {
    List<Double> rates = runs.stream().map(r -> r.perSecond(total)).sorted().toList();
    double median = rates.get(rates.size() / 2);
    int duplicates = runs.stream().mapToInt(Run::duplicates).sum();
    int losses = runs.stream().mapToInt(r -> Math.max(0, total - r.complete())).sum();
    int overshoot = runs.stream().mapToInt(r -> Math.max(0, r.trials() - total)).sum();
    StringBuilder each = new StringBuilder();
    for (Run r : runs) {
      each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", r.perSecond(total)));
    }
    String complete = runs.stream().map(r -> Integer.toString(r.complete())).reduce((a, b) -> a + "/" + b).orElse("");
    return String.format(Locale.ROOT, "| %s | %d | %.0f | %s | %s | %d | %d | %d |", storage, workers, median, each,
        complete, duplicates, losses, overshoot);
  }

  /** One run: a new study, {@code workers} processes started and told GO together, timed to the last exit. */
  static Run run(String url, int workers, int total) throws Exception {
    return run(url, workers, total, 42, BenchWorker.class, List.of(), trials -> {});
  }

  /**
   * {@link #run(String, int, int)} with another worker: a main class that takes {@code URL STUDY
   * TRIALS} and then {@code extraArgs}, and speaks the READY / GO protocol of {@link BenchWorker};
   * the study is created with {@code seed}, and {@code inspect} sees its trials at the end.
   */
  public static Run run(String url, int workers, int total, long seed, Class<?> worker, List<String> extraArgs,
      java.util.function.Consumer<List<FrozenTrial>> inspect) throws Exception {
    String study = "bench";
    Study.builder(url, study).seed(seed).open().close();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    List<Process> processes = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      List<String> command = new ArrayList<>(List.of(java, "-cp", classpath));
      command.addAll(workerJvmOptions());
      command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", worker.getName(), url, study,
          Integer.toString(total)));
      command.addAll(extraArgs);
      processes.add(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }
    List<BufferedReader> outs = new ArrayList<>();
    for (Process p : processes) {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (!"READY".equals(line)) {
        throw new IllegalStateException("a worker did not start: " + line);
      }
      outs.add(out);
    }
    long start = System.nanoTime();
    for (Process p : processes) {
      OutputStream in = p.getOutputStream();
      in.write("GO\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
    }
    for (Process p : processes) {
      if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("a worker failed or hung");
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    for (BufferedReader out : outs) {
      out.close();
    }
    try (Storage storage = Storages.open(url, true)) {
      long id = storage.findStudy(study).orElseThrow().id();
      List<FrozenTrial> trials = storage.trials(id);
      inspect.accept(trials);
      Set<Integer> numbers = new HashSet<>();
      for (FrozenTrial t : trials) {
        numbers.add(t.number());
      }
      int complete = (int) trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
      return new Run(seconds, trials.size(), complete, trials.size() - numbers.size());
    }
  }

  private static int[] counts(String list) {
    return java.util.Arrays.stream(list.split(",")).mapToInt(x -> Integer.parseInt(x.trim())).toArray();
  }

  /** Extra options of the workers' JVMs: environment variable WORKER_JAVA_OPTS (none by default). */
  static List<String> workerJvmOptions() {
    String opts = System.getenv("WORKER_JAVA_OPTS");
    return opts == null || opts.isBlank() ? List.of() : List.of(opts.trim().split("\\s+"));
  }

  private static void execute(String server, String sql) throws SQLException {
    String jdbc = server.replaceAll("([?&])(user|password)=[^&]*", "$1").replaceAll("[?&]+$", "").replace("?&", "?");
    Properties props = new Properties();
    java.util.regex.Matcher user = java.util.regex.Pattern.compile("[?&]user=([^&]*)").matcher(server);
    props.setProperty("user", user.find() ? user.group(1) : System.getenv().getOrDefault("PGUSER", "postgres"));
    java.util.regex.Matcher password = java.util.regex.Pattern.compile("[?&]password=([^&]*)").matcher(server);
    if (password.find()) {
      props.setProperty("password", password.group(1));
    } else if (System.getenv("PGPASSWORD") != null) {
      props.setProperty("password", System.getenv("PGPASSWORD"));
    }
    try (Connection c = DriverManager.getConnection(jdbc, props); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

}
