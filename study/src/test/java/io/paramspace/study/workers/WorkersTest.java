package io.paramspace.study.workers;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Study;
import io.paramspace.study.TrialState;
import io.paramspace.study.configs.TinyConfig;
import io.paramspace.study.configs.TinyConfigSpace;
import io.paramspace.study.storage.PythonJson;
import io.paramspace.study.storage.Storage;
import io.paramspace.study.storage.StorageException;
import io.paramspace.study.storage.Storages;
import io.paramspace.study.storage.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worker processes (not threads) sharing one study, on PostgreSQL and on SQLite: the total is
 * exact, numbers are handed out once, killed and paused workers' trials are failed by heartbeat
 * and retried, a late tell is rejected, a terminated database backend is survived.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGKILL, SIGSTOP and /proc are POSIX")
class WorkersTest {
  static final ConfigSpace<TinyConfig> SPACE = TinyConfigSpace.space();

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();
  private TestPostgres db;

  @AfterEach
  void stopEverything() throws Exception {
    for (Process p : processes) {
      if (p.isAlive()) {
        signal("CONT", p);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (db != null) {
      db.close();
    }
  }

  // ---- the tests ----

  @Test
  void eightWorkerProcessesOnPostgresRunExactlyTheTotal() throws Exception {
    db = TestPostgres.create("ps_workers8");
    eightWorkersRunExactlyTheTotal(db.url(), null);
  }

  @Test
  void eightWorkerProcessesOnOneSqliteFileRunExactlyTheTotal() throws Exception {
    Path file = dir.resolve("workers.db");
    String url = "sqlite:" + file;
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger reads = new AtomicInteger();
    AtomicReference<Throwable> readerError = new AtomicReference<>();
    // A reader opening the file again and again while the workers write.
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        if (Files.exists(file)) {
          try (Storage s = Storages.open(url, true)) {
            s.findStudy("eight").ifPresent(st -> s.trials(st.id()));
            reads.incrementAndGet();
          } catch (StorageException e) {
            if (!e.getMessage().contains("holds no studies") && !e.getMessage().contains("not an Optuna study")) {
              readerError.compareAndSet(null, e);
            }
          } catch (RuntimeException e) {
            readerError.compareAndSet(null, e);
          }
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "sqlite-reader");
    reader.start();
    try {
      eightWorkersRunExactlyTheTotal(url, file);
    } finally {
      done.set(true);
      reader.join(30_000);
    }
    assertWithMessage("the reader's error").that(readerError.get()).isNull();
    assertThat(reads.get()).isGreaterThan(0);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("ok");
    }
    for (Path log : logs()) {
      assertWithMessage(log.toString()).that(Files.readString(log).toLowerCase(java.util.Locale.ROOT))
          .doesNotContain("locked");
    }
  }

  @Test
  void killedWorkersTrialsAreFailedByHeartbeatRetriedAndTheTotalIsReached() throws Exception {
    db = TestPostgres.create("ps_kill");
    String url = db.url();
    int total = 60;
    long heartbeat = 250;
    long grace = 1500;
    List<Process> workers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      workers.add(start(url, "kill", total, heartbeat, grace, 150, "worker-" + i));
    }
    try (Storage storage = Storages.open(url)) {
      long id = waitForStudy(storage, "kill");
      waitFor(() -> complete(storage, id) >= 8, 120, "8 complete trials");
      List<Long> killedTrials = new ArrayList<>();
      List<Long> killedAt = new ArrayList<>();
      for (Process victim : workers.subList(0, 2)) {
        FrozenTrial running = waitForRunningTrialOf(storage, id, victim);
        victim.destroyForcibly(); // SIGKILL, mid-trial
        victim.waitFor(30, TimeUnit.SECONDS);
        killedAt.add(System.currentTimeMillis());
        // The trial it was running when it died (its last one: it starts no other once killed).
        FrozenTrial last = lastRunningTrialOf(storage, id, victim.pid()).orElse(running);
        killedTrials.add(last.id());
      }
      for (Process survivor : workers.subList(2, 4)) {
        assertThat(survivor.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertWithMessage(log(survivor)).that(survivor.exitValue()).isEqualTo(0);
      }
      List<FrozenTrial> trials = storage.trials(id);
      assertThat(storage.countedTrials(id)).isEqualTo(total);
      assertThat(trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count()).isEqualTo((long) total);
      assertThat(trials.stream().noneMatch(t -> t.state() == TrialState.RUNNING)).isTrue();
      assertNumbersUnique(trials);
      for (int k = 0; k < killedTrials.size(); k++) {
        FrozenTrial failed = storage.trial(killedTrials.get(k));
        assertThat(failed.state()).isEqualTo(TrialState.FAIL);
        assertThat(failed.systemAttributes().get(Study.FAIL_REASON_ATTRIBUTE)).contains("older than the grace period");
        // Failed within the grace period of its last heartbeat, give or take the looking interval.
        long failedAt = failed.end().toEpochMilli();
        assertThat(failedAt - killedAt.get(k)).isLessThan(grace + 4 * heartbeat + 3000);
        int retryNumber = Integer.parseInt(failed.systemAttributes().get(Storage.RETRIED_AS_ATTRIBUTE));
        FrozenTrial retry = trials.stream().filter(t -> t.number() == retryNumber).findFirst().orElseThrow();
        assertThat(retry.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(retry.systemAttributes()).containsEntry("failed_trial", Integer.toString(failed.number()));
        if (!failed.params().isEmpty()) {
          assertThat(retry.externalParams()).containsAtLeastEntriesIn(failed.externalParams());
        }
      }
      assertValuesAreTheObjectives(trials);
    }
  }

  @Test
  void aWorkerPausedPastTheGracePeriodHasItsLateTellRejected() throws Exception {
    db = TestPostgres.create("ps_pause");
    String url = db.url();
    int total = 30;
    long heartbeat = 250;
    long grace = 1500;
    List<Process> workers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      workers.add(start(url, "pause", total, heartbeat, grace, 300, "worker-" + i));
    }
    Process paused = workers.get(0);
    try (Storage storage = Storages.open(url)) {
      long id = waitForStudy(storage, "pause");
      waitFor(() -> complete(storage, id) >= 3, 120, "3 complete trials");
      // The trial found running may end before the signal lands: the trial to watch is the one
      // the stopped worker is frozen in, and if it stopped between two trials it is resumed and
      // stopped again.
      FrozenTrial running = null;
      for (int attempt = 0; running == null; attempt++) {
        assertWithMessage("the worker never stopped mid-trial").that(attempt).isLessThan(20);
        waitForRunningTrialOf(storage, id, paused);
        signal("STOP", paused);
        Thread.sleep(200);
        running = lastRunningTrialOf(storage, id, paused.pid()).filter(t -> !t.params().isEmpty()).orElse(null);
        if (running == null) {
          signal("CONT", paused);
        }
      }
      FrozenTrial frozen = running;
      FrozenTrial failed;
      try {
        waitFor(() -> storage.trial(frozen.id()).state() == TrialState.FAIL, 60, "the paused trial failed");
        failed = storage.trial(frozen.id());
        assertThat(failed.systemAttributes()).containsKey(Storage.RETRIED_AS_ATTRIBUTE);
        Thread.sleep(500);
      } finally {
        signal("CONT", paused);
      }
      for (Process p : workers) {
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertWithMessage(log(p)).that(p.exitValue()).isEqualTo(0);
      }
      String log = log(paused);
      assertThat(log).contains("Rejected a late result: trial " + running.number() + " of study 'pause' was finished"
          + " as FAIL by another worker");
      assertThat(resultOf(paused)[3]).isAtLeast(1);
      FrozenTrial after = storage.trial(running.id());
      assertThat(after.state()).isEqualTo(TrialState.FAIL);
      assertThat(after.values()).isEmpty();
      List<FrozenTrial> trials = storage.trials(id);
      assertThat(storage.countedTrials(id)).isEqualTo(total);
      assertThat(trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count()).isEqualTo((long) total);
      assertNumbersUnique(trials);
      assertOneValueRowPerFinishedTrial();
      int told = 0;
      for (Process p : workers) {
        told += resultOf(p)[0];
      }
      assertThat(told).isEqualTo(total);
    }
  }

  @Test
  void terminatedDatabaseBackendsAreSurvivedAndNothingIsHalfWritten() throws Exception {
    db = TestPostgres.create("ps_terminate");
    String app = "paramspace-" + db.schema();
    String url = db.url(Map.of("ApplicationName", app));
    int total = 150;
    List<Process> workers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      workers.add(start(url, "terminate", total, 300, 3000, 10, "worker-" + i));
    }
    int terminated = 0;
    try (Storage storage = Storages.open(db.url())) {
      long id = waitForStudy(storage, "terminate");
      waitFor(() -> complete(storage, id) >= 10, 120, "10 complete trials");
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        for (int round = 0; round < 6 && complete(storage, id) < total; round++) {
          try (ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
              + " WHERE application_name = '" + app + "' AND datname = current_database()")) {
            rs.next();
            terminated += rs.getInt(1);
          }
          Thread.sleep(400);
        }
      }
      for (Process p : workers) {
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertWithMessage(log(p)).that(p.exitValue()).isEqualTo(0);
      }
      assertThat(terminated).isGreaterThan(0);
      List<FrozenTrial> trials = storage.trials(id);
      assertThat(storage.countedTrials(id)).isEqualTo(total);
      assertThat(trials.stream().noneMatch(t -> t.state() == TrialState.RUNNING || t.state() == TrialState.WAITING))
          .isTrue();
      assertNumbersUnique(trials);
      for (FrozenTrial t : trials) {
        if (t.state() == TrialState.COMPLETE) {
          // Whole: every parameter of its config, the config, one value.
          assertThat(t.userAttributes()).containsKey(Study.CONFIG_ATTRIBUTE);
          TinyConfig c = SPACE.fromJson(t.userAttributes().get(Study.CONFIG_ATTRIBUTE));
          assertThat(t.externalParams()).isEqualTo(SPACE.parameters(c));
        } else {
          assertThat(t.state()).isEqualTo(TrialState.FAIL);
          assertThat(t.systemAttributes()).containsKey(Study.FAIL_REASON_ATTRIBUTE);
        }
      }
      assertValuesAreTheObjectives(trials);
      assertOneValueRowPerFinishedTrial();
    }
    String logs = workers.stream().map(this::log).collect(Collectors.joining("\n"));
    assertThat(logs).contains("Lost the connection to");
    assertThat(logs).doesNotContain("password");
  }

  // ---- shared by the 8-worker tests ----

  private void eightWorkersRunExactlyTheTotal(String url, Path sqliteFile) throws Exception {
    int total = 400;
    List<TinyConfig> enqueued = new ArrayList<>();
    try (Study study = Study.builder(url, "eight").seed(20240501L).open()) {
      Set<TinyConfig> distinct = new HashSet<>();
      for (long seed = 1; distinct.size() < 40; seed++) {
        TinyConfig c = SPACE.random(seed);
        if (distinct.add(c)) {
          enqueued.add(c);
          study.enqueue(SPACE, c);
        }
      }
    }
    List<Process> workers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      workers.add(start(url, "eight", total, 1000, 30_000, 0, "worker-" + i));
    }
    for (Process p : workers) {
      assertWithMessage("worker %s still running after 240 s", p.pid()).that(p.waitFor(240, TimeUnit.SECONDS))
          .isTrue();
      assertWithMessage(log(p)).that(p.exitValue()).isEqualTo(0);
    }
    try (Storage storage = Storages.open(url)) {
      long id = storage.findStudy("eight").orElseThrow().id();
      List<FrozenTrial> trials = storage.trials(id);
      assertThat(trials).hasSize(total);
      assertThat(trials.stream().map(FrozenTrial::number).sorted().toList())
          .isEqualTo(IntStream.range(0, total).boxed().toList());
      assertThat(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE)).isTrue();
      assertThat(storage.countedTrials(id)).isEqualTo(total);
      assertValuesAreTheObjectives(trials);
      // Every enqueued config evaluated once: the first 40 trials, in order.
      for (int i = 0; i < enqueued.size(); i++) {
        assertThat(SPACE.fromJson(trials.get(i).userAttributes().get(Study.CONFIG_ATTRIBUTE)))
            .isEqualTo(enqueued.get(i));
      }
      int told = 0;
      Set<String> tellers = new HashSet<>();
      for (Process p : workers) {
        int[] r = resultOf(p);
        told += r[0];
        assertThat(r[3]).isEqualTo(0);
        if (r[0] > 0) {
          tellers.add(Long.toString(p.pid()));
        }
      }
      assertThat(told).isEqualTo(total);
      assertThat(tellers.size()).isAtLeast(2);
    }
    if (sqliteFile == null) {
      assertOneValueRowPerFinishedTrial();
    }
  }

  // ---- helpers ----

  private Process start(String url, String study, int trials, long heartbeatMs, long graceMs, long sleepMs,
      String name) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", WorkerProcess.class.getName(), url, study,
        Integer.toString(trials), Long.toString(heartbeatMs), Long.toString(graceMs), Long.toString(sleepMs))
        .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  private List<Path> logs() throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".log")).toList();
    }
  }

  private String log(Process p) {
    int i = processes.indexOf(p);
    try {
      for (Path log : logs()) {
        if (log.getFileName().toString().equals(nameOf(i) + ".log")) {
          return Files.readString(log, StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      return e.toString();
    }
    return "(no log)";
  }

  private static String nameOf(int index) {
    return "worker-" + index;
  }

  /** complete, pruned, failed, rejected, total: the RESULT line a worker printed. */
  private int[] resultOf(Process p) {
    for (String line : log(p).split("\n")) {
      if (line.startsWith("RESULT ")) {
        String[] f = line.substring(7).trim().split(" ");
        int[] r = new int[f.length];
        for (int i = 0; i < f.length; i++) {
          r[i] = Integer.parseInt(f[i]);
        }
        return r;
      }
    }
    throw new AssertionError("worker " + p.pid() + " printed no RESULT line:\n" + log(p));
  }

  private static void signal(String signal, Process p) throws Exception {
    new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
  }

  private static long waitForStudy(Storage storage, String name) throws Exception {
    AtomicReference<Long> id = new AtomicReference<>();
    waitFor(() -> {
      storage.findStudy(name).ifPresent(s -> id.set(s.id()));
      return id.get() != null;
    }, 120, "the study " + name);
    return id.get();
  }

  private static long complete(Storage storage, long id) {
    return storage.trials(id, TrialState.COMPLETE).size();
  }

  private static FrozenTrial waitForRunningTrialOf(Storage storage, long id, Process worker) throws Exception {
    AtomicReference<FrozenTrial> found = new AtomicReference<>();
    waitFor(() -> {
      Optional<FrozenTrial> t = lastRunningTrialOf(storage, id, worker.pid());
      // Mid-trial: its parameters are set, the objective is running.
      t.filter(x -> !x.params().isEmpty()).ifPresent(found::set);
      return found.get() != null;
    }, 60, "a running trial of worker " + worker.pid());
    return found.get();
  }

  private static Optional<FrozenTrial> lastRunningTrialOf(Storage storage, long id, long pid) {
    Predicate<FrozenTrial> mine = t -> {
      String worker = t.systemAttributes().get("paramspace:worker");
      return worker != null && PythonJson.read(worker) instanceof Map<?, ?> m && m.get("pid") instanceof Number n
          && n.longValue() == pid;
    };
    List<FrozenTrial> running = storage.trials(id, TrialState.RUNNING).stream().filter(mine).toList();
    return running.isEmpty() ? Optional.empty() : Optional.of(running.get(running.size() - 1));
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  private static void waitFor(Condition condition, int seconds, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (condition.holds()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("waited " + seconds + " s for " + what);
  }

  private static void assertNumbersUnique(List<FrozenTrial> trials) {
    List<Integer> numbers = trials.stream().map(FrozenTrial::number).sorted().toList();
    assertThat(numbers).isEqualTo(IntStream.range(0, trials.size()).boxed().toList());
  }

  /** Each complete trial's value is the objective of its stored config: none lost, none swapped. */
  private static void assertValuesAreTheObjectives(List<FrozenTrial> trials) {
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE) {
        TinyConfig c = SPACE.fromJson(t.userAttributes().get(Study.CONFIG_ATTRIBUTE));
        assertWithMessage("trial %s", t.number()).that(t.values()).containsExactly(WorkerProcess.objective(c));
      }
    }
  }

  /** In the database itself: one value row per complete trial, none for the others. */
  private void assertOneValueRowPerFinishedTrial() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM trial_values v JOIN trials t USING (trial_id)"
          + " WHERE t.state <> 'COMPLETE'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(0);
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM trials t WHERE t.state = 'COMPLETE' AND"
          + " (SELECT count(*) FROM trial_values v WHERE v.trial_id = t.trial_id) <> 1")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(0);
      }
    }
  }
}
