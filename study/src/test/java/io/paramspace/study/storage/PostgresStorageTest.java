package io.paramspace.study.storage;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.TrialState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The storage contract on PostgreSQL (a schema per test), and what only PostgreSQL has. */
class PostgresStorageTest extends StorageContract {
  private TestPostgres db;
  private final List<Storage> others = new ArrayList<>();

  @Override
  Storage create() {
    db = TestPostgres.create("ps_storage");
    return Storages.open(db.url());
  }

  @Override
  Storage another() {
    Storage s = Storages.open(db.url());
    others.add(s);
    return s;
  }

  @AfterEach
  void dropSchema() {
    storage.close();
    others.forEach(Storage::close);
    if (db != null) {
      db.close();
    }
  }

  @Test
  void theSchemaIsCreatedOnceAndStampedAtAlembicHead() throws Exception {
    storage.createStudy("s", List.of(Direction.MINIMIZE));
    // A second handle finds the schema and leaves it as it is.
    another().findStudy("s").orElseThrow();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT version_num FROM alembic_version")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("v3.2.0.a");
        assertThat(rs.next()).isFalse();
      }
      try (ResultSet rs = s.executeQuery("SELECT schema_version, library_version FROM version_info")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(12);
        assertThat(rs.getString(2)).startsWith("paramspace ");
      }
    }
  }

  @Test
  void aTerminatedBackendIsReconnectedAndTheTransactionRunAgain() throws Exception {
    // Its own application name: only this storage's connections are terminated.
    try (Storage mine = Storages.open(db.url(Map.of("ApplicationName", db.schema())))) {
      long study = mine.createStudy("s", List.of(Direction.MINIMIZE)).id();
      FrozenTrial t = mine.startTrial(study, 0, Map.of(), true).orElseThrow();
      int terminated = 0;
      try (Connection c = db.connect(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
              + " WHERE application_name = '" + db.schema() + "' AND pid <> pg_backend_pid()")) {
        rs.next();
        terminated = rs.getInt(1);
      }
      assertThat(terminated).isAtLeast(1);
      FrozenTrial done = mine.finishTrial(t.id(), TrialState.COMPLETE, List.of(2.0));
      assertThat(done.values()).containsExactly(2.0);
      assertThat(mine.trial(t.id()).state()).isEqualTo(TrialState.COMPLETE);
    }
  }

  @Test
  void credentialsAreMaskedInMessages() {
    StorageException refused = assertThrows(StorageException.class,
        () -> Storages.open("jdbc:postgresql://127.0.0.1:1/test?user=alice&password=s3cret"));
    assertThat(refused).hasMessageThat().doesNotContain("s3cret");
    assertThat(refused).hasMessageThat().doesNotContain("alice");
    assertThat(refused).hasMessageThat().contains("user=***");
    assertThat(refused).hasMessageThat().contains("is a PostgreSQL server running");
    String nobody = "nobody_" + db.schema();
    StorageException unknown = assertThrows(StorageException.class,
        () -> Storages.open(db.url(Map.of("user", nobody, "password", "pw-" + nobody))));
    assertThat(unknown).hasMessageThat().doesNotContain(nobody);
    assertThat(unknown).hasMessageThat().contains("***");
  }

  @Test
  void aMissingSchemaIsNamed() {
    StorageException e = assertThrows(StorageException.class,
        () -> Storages.open(TestPostgres.serverUrl() + "&currentSchema=no_such_schema_here"));
    assertThat(e).hasMessageThat().contains("names no schema that exists");
  }

  /** Parameters are written without waiting for the disk; the durable finish writes them again if lost. */
  @Test
  void parametersLostBeforeTheFinishAreWrittenAgainByIt() throws Exception {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    FrozenTrial t = storage.startTrial(study, 0, Map.of(), true).orElseThrow();
    storage.setParams(t.id(), values("x", 0.25, "n", 3), dists("x", X, "n", N), Map.of("config", "{\"x\": 0.25}"));
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      // What a crash of the server right after the parameters' commit would have lost.
      s.execute("DELETE FROM trial_params WHERE trial_id = " + t.id() + " AND param_name = 'n'");
      s.execute("DELETE FROM trial_user_attributes WHERE trial_id = " + t.id());
    }
    FrozenTrial done = storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(1.0));
    assertThat(done.externalParams()).containsExactly("x", 0.25, "n", 3L);
    assertThat(done.userAttributes()).containsExactly("config", "{\"x\": 0.25}");
  }
}
