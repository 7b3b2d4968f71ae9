package io.paramspace.study.storage;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.paramspace.study.FrozenTrial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the database Paramspace writes to the one Python Optuna writes. The reference is the dump
 * of a study that Optuna 3.1 wrote (src/test/python/optuna_reference.py); Optuna 3.2 to 5.x write
 * the same tables plus the index on trials(study_id), stamped v3.2.0.a.
 */
class SqliteSchemaGoldenTest {
  @TempDir Path dir;

  @Test
  void schemaIsOptunasStatementForStatement() throws Exception {
    Path ours = dir.resolve("ours.db");
    Storages.open("sqlite:" + ours).close();

    // `sqlite3 reference.db .schema` of the database Optuna wrote, in Optuna's order.
    String schema = Files.readString(SqlDump.resource("optuna-3.1-reference.schema.sql"));
    List<String> expected = new ArrayList<>();
    for (String statement : schema.split(";\n")) {
      if (!statement.isBlank()) {
        expected.add(statement.strip());
      }
    }
    // What Optuna 3.2 added (alembic v3.2.0.a; SQLAlchemy's name for an index=True column).
    expected.add(expected.indexOf(expected.stream().filter(s -> s.startsWith("CREATE TABLE trials ")).findFirst()
        .orElseThrow()) + 1, "CREATE INDEX ix_trials_study_id ON trials (study_id)");
    assertThat(SqlDump.schema(ours)).containsExactlyElementsIn(expected).inOrder();
  }

  @Test
  void versionRowsAreThoseOfSchema12AtAlembicHead() throws Exception {
    Path ours = dir.resolve("ours.db");
    Storages.open("sqlite:" + ours).close();
    Map<String, List<String>> rows = SqlDump.rows(ours);
    assertThat(rows.get("version_info")).hasSize(1);
    assertThat(rows.get("version_info").get(0)).startsWith("1, 12, 'paramspace ");
    assertThat(rows.get("alembic_version")).containsExactly("'v3.2.0.a'");
  }

  /**
   * Every row of Optuna's reference study, read by Paramspace and written again into a new
   * database, comes out the same: timestamps, value types with NULL for infinities, distribution
   * JSON in Optuna's key order, attribute JSON, trial numbers per study.
   */
  @Test
  void rowsWrittenAgainAreOptunasRows() throws Exception {
    Path reference = dir.resolve("reference.db");
    SqlDump.load(SqlDump.resource("optuna-3.1-reference.sql"), reference);
    Path ours = dir.resolve("ours.db");
    try (Storage from = Storages.open("sqlite:" + reference, true); Storage to = Storages.open("sqlite:" + ours)) {
      for (StudyRecord study : from.studies()) {
        StudyRecord copy = to.createStudy(study.name(), study.directions());
        from.studyUserAttributes(study.id()).forEach((k, v) -> to.setStudyUserAttribute(copy.id(), k, v));
        from.studySystemAttributes(study.id()).forEach((k, v) -> to.setStudySystemAttribute(copy.id(), k, v));
        for (FrozenTrial trial : from.trials(study.id())) {
          // Values and params are decoded to doubles and distributions and encoded again.
          to.createTrial(copy.id(), trial);
        }
      }
    }
    Map<String, List<String>> expected = SqlDump.rows(reference);
    Map<String, List<String>> actual = SqlDump.rows(ours);
    for (String table : expected.keySet()) {
      if (table.equals("version_info") || table.equals("alembic_version")) {
        continue;
      }
      assertWithMessage(table).that(actual.get(table)).containsExactlyElementsIn(expected.get(table)).inOrder();
    }
  }
}
