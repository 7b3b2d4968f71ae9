package io.paramspace.study.interop;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.Study;
import io.paramspace.study.StudyTrial;
import io.paramspace.study.TrialState;
import io.paramspace.study.configs.TinyConfig;
import io.paramspace.study.configs.TinyConfigSpace;
import io.paramspace.study.storage.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Python Optuna (3.1, psycopg2) and Paramspace on one PostgreSQL study. */
class PostgresInteropTest {
  static final ConfigSpace<TinyConfig> SPACE = TinyConfigSpace.space();
  private final List<TestPostgres> schemas = new ArrayList<>();

  @AfterEach
  void drop() {
    schemas.forEach(TestPostgres::close);
  }

  private TestPostgres schema(String prefix) {
    PythonOptuna.require();
    TestPostgres db = TestPostgres.create(prefix);
    schemas.add(db);
    return db;
  }

  /**
   * The catalog of the schema Paramspace creates is that of the schema Optuna creates (types,
   * columns, defaults, constraints by name, indexes), plus Optuna 3.2's index on trials(study_id).
   */
  @Test
  void theSchemaIsOptunasOnPostgres() throws Exception {
    TestPostgres optuna = schema("ps_optuna_schema");
    TestPostgres ours = schema("ps_our_schema");
    PythonOptuna.script("optuna_create.py", optuna.pythonUrl(), "s");
    Study.open(ours.url(), "s").close();
    List<String> expected = new ArrayList<>(catalog(optuna));
    expected.add("index ix_trials_study_id: CREATE INDEX ix_trials_study_id ON trials USING btree (study_id)");
    assertThat(catalog(ours)).containsExactlyElementsIn(expected);
  }

  private static List<String> catalog(TestPostgres db) throws Exception {
    List<String> lines = new ArrayList<>();
    String schema = db.schema();
    try (Connection c = db.connect()) {
      query(c, lines, "SELECT 'enum ' || t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
          + " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace"
          + " WHERE n.nspname = ? GROUP BY t.typname", schema);
      query(c, lines, "SELECT 'column ' || table_name || '.' || column_name || ': ' || udt_name || ' '"
          + " || coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' '"
          + " || coalesce(replace(column_default, ? || '.', ''), '') FROM information_schema.columns"
          + " WHERE table_schema = ?", schema, schema);
      query(c, lines, "SELECT 'constraint ' || cl.relname || '.' || co.conname || ': '"
          + " || replace(pg_get_constraintdef(co.oid), ? || '.', '') FROM pg_constraint co"
          + " JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace"
          + " WHERE n.nspname = ?", schema, schema);
      query(c, lines, "SELECT 'index ' || indexname || ': ' || replace(indexdef, ? || '.', '') FROM pg_indexes"
          + " WHERE schemaname = ?", schema, schema);
    }
    return lines;
  }

  private static void query(Connection c, List<String> lines, String sql, String... args) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    }
  }

  @Test
  void pythonReadsAndContinuesAStudyParamspaceRanOnPostgres() {
    TestPostgres db = schema("ps_interop");
    Map<Integer, TinyConfig> configs = new HashMap<>();
    try (Study study = Study.builder(db.url(), "tiny").directions(Direction.MAXIMIZE).seed(7).open()) {
      study.optimize(SPACE, (c, t) -> {
        configs.put(t.number(), c);
        t.report(0, c.x());
        return c.x();
      }, OptimizeOptions.trials(6).withProgressBar(false));
    }
    JsonNode read = PythonOptuna.json("optuna_read.py", db.pythonUrl(), "tiny");
    assertThat(read.get("skipped_compatibility_check").asBoolean()).isTrue(); // Optuna 3.1 and a v3.2.0.a stamp
    JsonNode trials = read.get("trials");
    assertThat(trials.size()).isEqualTo(6);
    for (JsonNode t : trials) {
      TinyConfig c = configs.get(t.get("number").asInt());
      assertThat(t.get("state").asText()).isEqualTo("COMPLETE");
      assertThat(t.get("values").get(0).asDouble()).isEqualTo(c.x());
      assertThat(t.get("params").get("TinyConfig.x").asDouble()).isEqualTo(c.x());
      assertThat(t.get("params").get("TinyConfig.layers").asLong()).isEqualTo(c.layers());
      assertThat(t.get("params").get("TinyConfig.flag").asBoolean()).isEqualTo(c.flag());
      assertThat(SPACE.fromJson(t.get("user_attrs").get(Study.CONFIG_ATTRIBUTE).toString())).isEqualTo(c);
      assertThat(t.get("intermediate_values").get("0").asDouble()).isEqualTo(c.x());
      assertThat(t.get("has_complete").asBoolean()).isTrue();
    }
    PythonOptuna.script("optuna_continue.py", db.pythonUrl(), "tiny", 3);
    try (Study study = Study.open(db.url(), "tiny", Direction.MAXIMIZE)) {
      List<FrozenTrial> all = study.trials();
      assertThat(all).hasSize(9);
      assertThat(all.stream().map(FrozenTrial::number).toList()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8).inOrder();
      for (FrozenTrial t : all.subList(6, 9)) {
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.userAttributes()).containsEntry("by", "\"python\"");
        assertThat(t.start()).isNotNull();
      }
      study.optimize(SPACE, (c, t) -> c.x(), OptimizeOptions.trials(12).withProgressBar(false));
      assertThat(study.countedTrials()).isEqualTo(12);
    }
    assertThat(PythonOptuna.json("optuna_read.py", db.pythonUrl(), "tiny").get("trials").size()).isEqualTo(12);
  }

  @Test
  void paramspaceEvaluatesWhatPythonEnqueuedOnPostgres() {
    TestPostgres db = schema("ps_enqueue");
    Study.open(db.url(), "q").close();
    PythonOptuna.script("optuna_enqueue.py", db.pythonUrl(), "q", "{\"TinyConfig.x\": 1.25, \"TinyConfig.layers\": 7}");
    try (Study study = Study.open(db.url(), "q")) {
      List<TinyConfig> seen = new ArrayList<>();
      study.optimize(SPACE, (c, t) -> {
        seen.add(c);
        return c.x();
      }, OptimizeOptions.trials(2).withProgressBar(false));
      assertThat(seen.get(0).x()).isEqualTo(1.25);
      assertThat(seen.get(0).layers()).isEqualTo(7);
      assertThat(study.trials().get(0).state()).isEqualTo(TrialState.COMPLETE);
    }
  }

  /** Optuna's own stale-trial check reads Paramspace's heartbeats by the same clock. */
  @Test
  void optunaFailsATrialWhoseParamspaceHeartbeatWentStale() throws Exception {
    TestPostgres db = schema("ps_stale");
    try (Study study = Study.builder(db.url(), "h").heartbeat(Duration.ofSeconds(1), Duration.ofSeconds(30)).open()) {
      StudyTrial<TinyConfig> alive = study.ask(SPACE);
      JsonNode fresh = PythonOptuna.json("optuna_fail_stale.py", db.pythonUrl(), "h", 3);
      assertThat(fresh.toString()).isEqualTo("[\"RUNNING\"]"); // beating: not stale for Optuna either
      study.close(); // no more heartbeats, the trial left running
      Thread.sleep(4500);
      JsonNode stale = PythonOptuna.json("optuna_fail_stale.py", db.pythonUrl(), "h", 3);
      assertThat(stale.toString()).isEqualTo("[\"FAIL\"]");
      assertThat(alive.number()).isEqualTo(0);
    }
  }
}
