package io.paramspace.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paramspace.sample.TrainingConfig;
import io.paramspace.sample.TrainingConfigSpace;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Study;
import io.paramspace.study.TrialState;
import io.paramspace.study.storage.Storage;
import io.paramspace.study.storage.Storages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the worker command lines of the SLURM script and the Kubernetes Indexed Job in
 * the README's workers section, as written, as local processes: three of each on one study (PostgreSQL, and
 * a SQLite file on one machine), which gets exactly the total of trials the lines give.
 */
class WorkerScriptsTest {
  private static final String OBJECTIVE = "io.acme.TrainObjective";
  private static ReadmeBlocks readme;

  @TempDir Path dir;

  @BeforeAll
  static void readReadme() throws IOException {
    readme = ReadmeBlocks.read();
  }

  private static String workerLine(String block) {
    for (String line : block.split("\n")) {
      if (line.contains("io.paramspace.cli.Paramspace study worker")) {
        String l = line.strip();
        return l.startsWith("- ") ? l.substring(2) : l;
      }
    }
    throw new AssertionError("no worker command in\n" + block);
  }

  @Test
  void theScriptsWorkersShareOnePostgresStudy() throws Exception {
    String server = System.getenv().getOrDefault("PARAMSPACE_POSTGRES_URL",
        "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    String schema = "ps_cli_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    try (Connection c = connect(server); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String message = "no PostgreSQL server answers at the test URL (" + e.getMessage().replaceAll("\"[^\"]*\"",
          "\"***\"") + "); set PARAMSPACE_POSTGRES_URL to run this test";
      if ("1".equals(System.getenv("PARAMSPACE_REQUIRE_POSTGRES"))) {
        fail(message + " (PARAMSPACE_REQUIRE_POSTGRES=1 makes this a failure)");
      }
      Assumptions.abort(message);
    }
    try {
      runBothScripts(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    } finally {
      try (Connection c = connect(server); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  @Test
  void theScriptsWorkersShareOneSqliteStudyOnOneMachine() throws Exception {
    runBothScripts("sqlite:" + dir.resolve("lenet.db"));
  }

  private void runBothScripts(String storage) throws Exception {
    String slurm = workerLine(readme.block("# workers.sbatch"));
    String job = workerLine(readme.block("name: lenet-workers"));
    assertThat(slurm).contains("--trials 400");
    assertThat(job).contains("--trials 400");
    assertThat(slurm).contains("--storage \"$PARAMSPACE_STORAGE\"");
    assertThat(job).contains("--storage \"$PARAMSPACE_STORAGE\"");
    Files.createDirectories(dir.resolve("logs"));
    List<Process> workers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      workers.add(start(slurm, storage, "SLURM_ARRAY_TASK_ID", i));
      workers.add(start(job.replace("/tmp/", dir + "/"), storage, "JOB_COMPLETION_INDEX", i));
    }
    ObjectMapper json = new ObjectMapper();
    int complete = 0;
    for (int w = 0; w < workers.size(); w++) {
      Process p = workers.get(w);
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
      String err = Files.readString(dir.resolve("stderr-" + w));
      assertWithMessage(err).that(p.exitValue()).isEqualTo(0);
      String line = w % 2 == 0 ? Files.readString(dir.resolve("logs/worker-" + w / 2 + ".json")) : out;
      JsonNode result = json.readTree(line.strip());
      assertThat(result.get("study").asText()).isEqualTo("lenet");
      assertThat(result.get("studyTotal").asInt()).isEqualTo(400);
      assertThat(result.get("rejected").asInt()).isEqualTo(0);
      complete += result.get("complete").asInt();
    }
    assertThat(complete).isEqualTo(400);
    try (Storage s = Storages.open(storage, true)) {
      long id = s.findStudy("lenet").orElseThrow().id();
      List<FrozenTrial> trials = s.trials(id);
      assertThat(trials.stream().map(FrozenTrial::number).toList())
          .isEqualTo(IntStream.range(0, 400).boxed().toList());
      for (FrozenTrial t : trials) {
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        TrainingConfig c = TrainingConfigSpace.space().fromJson(t.userAttributes().get(Study.CONFIG_ATTRIBUTE));
        assertThat(t.values()).containsExactly(CheapObjective.value(c));
      }
    }
  }

  private Process start(String command, String storage, String indexVariable, int index) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    int n = (indexVariable.startsWith("SLURM") ? 0 : 1) + 2 * index;
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", command.replace(OBJECTIVE, CheapObjective.class.getName()))
        .directory(dir.toFile());
    builder.environment().put("PARAMSPACE_CP", cp);
    builder.environment().put("PARAMSPACE_STORAGE", storage);
    builder.environment().put(indexVariable, Integer.toString(index));
    builder.environment().put("PATH", Path.of(java).getParent() + ":" + System.getenv("PATH"));
    builder.environment().put("JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
        + " -Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    builder.redirectError(dir.resolve("stderr-" + n).toFile());
    return builder.start();
  }

  private static Connection connect(String url) throws SQLException {
    String jdbc = url.replaceAll("([?&])(user|password)=[^&]*", "$1").replaceAll("[?&]+$", "").replace("?&", "?");
    Properties props = new Properties();
    Matcher user = Pattern.compile("[?&]user=([^&]*)").matcher(url);
    props.setProperty("user", user.find() ? user.group(1) : System.getenv().getOrDefault("PGUSER", "postgres"));
    Matcher password = Pattern.compile("[?&]password=([^&]*)").matcher(url);
    if (password.find()) {
      props.setProperty("password", password.group(1));
    } else if (System.getenv("PGPASSWORD") != null) {
      props.setProperty("password", System.getenv("PGPASSWORD"));
    }
    props.setProperty("connectTimeout", "3");
    return DriverManager.getConnection(jdbc, props);
  }
}
