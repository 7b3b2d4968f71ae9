package io.paramspace.cli;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.study.Direction;
import io.paramspace.study.Objective;
import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.OptimizeResult;
import io.paramspace.study.Study;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paramspace study ...}: studies in a storage, run by workers. */
@Command(name = "study", mixinStandardHelpOptions = true,
    description = "Studies: `study worker` runs trials of a study shared by any number of worker processes.",
    subcommands = {StudyCommands.Worker.class, CommandLine.HelpCommand.class})
final class StudyCommands implements Callable<Integer> {
  @picocli.CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  @Command(name = "worker", mixinStandardHelpOptions = true,
      description = {
        "Runs trials of the study NAME in the storage URL until the study has N trials in total, between all the"
            + " workers that run it (start any number, on any number of machines: exactly N are run). Creates the"
            + " study if it does not exist.",
        "While a trial runs, its worker writes a heartbeat; a trial whose heartbeat is older than the grace period"
            + " (its worker was killed or cut off) is failed by another worker and retried with the same parameters.",
        "Prints one JSON line when done: what this worker ran, and the study's total."
      })
  static final class Worker extends Paramspace.Base implements Callable<Integer> {
    @Option(names = "--storage", required = true, paramLabel = "URL",
        description = "jdbc:postgresql://HOST[:PORT]/DB[?currentSchema=S] (user and password in the URL or in PGUSER"
            + " and PGPASSWORD), or sqlite:PATH for processes on one machine.")
    String storage;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study's name.")
    String study;

    @Option(names = "--space", required = true, paramLabel = "CLASS",
        description = "The @SearchSpace record to search, e.g. io.acme.TrainingConfig.")
    String space;

    @Option(names = {"-o", "--overrides"}, paramLabel = "FILE", description = "An override file that narrows the space.")
    Path overrides;

    @Option(names = "--objective", required = true, paramLabel = "CLASS",
        description = "A public class with a public no-argument constructor implementing io.paramspace.study.Objective"
            + " for the space's record.")
    String objective;

    @Option(names = {"-n", "--trials"}, required = true, paramLabel = "N",
        description = "The study's total of trials, shared by all its workers.")
    int trials;

    @Option(names = "--direction", paramLabel = "DIR",
        description = "minimize or maximize, for a new study (default: as stored; minimize for a new one).")
    String direction;

    @Option(names = "--seed", paramLabel = "SEED", description = "The seed of a new study (stored with it).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
        description = "Trials this worker evaluates at once (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--heartbeat", paramLabel = "SECONDS", defaultValue = "10",
        description = "Seconds between heartbeats of a running trial; 0 for none (default ${DEFAULT-VALUE}).")
    double heartbeat;

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "60",
        description = "A trial whose heartbeat is older is failed (default ${DEFAULT-VALUE}).")
    double grace;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
        description = "How often the config of a trial failed for a stale heartbeat is run again (default"
            + " ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--max-failures", paramLabel = "N", defaultValue = "10",
        description = "Stop after this many trials failed in a row (default ${DEFAULT-VALUE}).")
    int maxFailures;

    @Override
    public Integer call() {
      if (trials < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--trials must be at least 1, got " + trials);
      }
      if (threads < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
      }
      ConfigSpace<?> configSpace = ConfigSpace.forName(space);
      if (overrides != null) {
        configSpace = configSpace.narrow(overrides);
      }
      Objective<?> evaluate = objective(objective);
      Study.Builder builder = Study.builder(storage, study).retryStaleTrials(retries);
      if (direction != null) {
        builder.directions(switch (direction.toLowerCase(Locale.ROOT)) {
          case "minimize" -> Direction.MINIMIZE;
          case "maximize" -> Direction.MAXIMIZE;
          default -> throw new CommandLine.ParameterException(spec.commandLine(),
              "--direction: '" + direction + "' is not minimize or maximize");
        });
      }
      if (seed != null) {
        builder.seed(seed);
      }
      Duration interval = Duration.ofMillis(Math.round(heartbeat * 1000));
      builder.heartbeat(interval, interval.isZero() ? Duration.ZERO : Duration.ofMillis(Math.round(grace * 1000)));
      OptimizeOptions options = OptimizeOptions.trials(trials).withParallelism(threads)
          .withMaxConsecutiveFailures(maxFailures).withProgressBar(false);
      long pid = ProcessHandle.current().pid();
      try (Study s = builder.open()) {
        OptimizeResult r = run(s, configSpace, evaluate, options);
        print(String.format(Locale.ROOT, "{\"study\": \"%s\", \"pid\": %d, \"complete\": %d, \"pruned\": %d,"
            + " \"failed\": %d, \"rejected\": %d, \"studyTotal\": %d, \"seconds\": %.3f}", s.name().replace("\"", "\\\""),
            pid, r.complete(), r.pruned(), r.failed(), r.rejected(), r.studyTotal(), r.elapsed().toMillis() / 1000.0));
      }
      return 0;
    }

    @SuppressWarnings("unchecked")
    private static <T> OptimizeResult run(Study study, ConfigSpace<T> space, Objective<?> objective,
        OptimizeOptions options) {
      return study.optimize(space, (Objective<T>) objective, options);
    }

    /** An instance of the objective class, by name, from the context class loader (and --classpath). */
    static Objective<?> objective(String className) {
      Class<?> type;
      try {
        type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("--objective: no class " + className + " on the classpath; put its jar"
            + " on the classpath (or --classpath) and give its fully qualified name");
      }
      if (!Objective.class.isAssignableFrom(type)) {
        throw new IllegalArgumentException("--objective: " + className + " does not implement "
            + Objective.class.getName());
      }
      if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
        throw new IllegalArgumentException("--objective: " + className + " must be a public, non-abstract class");
      }
      try {
        Constructor<?> constructor = type.getConstructor();
        return (Objective<?>) constructor.newInstance();
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException("--objective: " + className + " has no public no-argument constructor");
      } catch (ReflectiveOperationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new IllegalArgumentException("--objective: cannot create " + className + ": " + cause, e);
      }
    }
  }
}
