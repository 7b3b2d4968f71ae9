package io.paramspace.study.storage;

import java.util.List;

/**
 * Optuna's RDB schema (schema version 12) as SQLite holds it, statement for statement and byte for
 * byte what Optuna 3.2 to 5.x creates ({@code sqlite3 study.db .schema} prints the same), including
 * the index on {@code trials(study_id)} that alembic revision {@code v3.2.0.a} added. Optuna creates
 * it under SQLAlchemy's name {@code ix_trials_study_id}; a database upgraded from {@code v3.0.0.d}
 * by {@code optuna storage upgrade} has the same index named {@code trials_study_id_key}.
 */
final class SqliteSchema {
  private SqliteSchema() {}

  /** The schema version Optuna writes to {@code version_info}; fixed since Optuna moved to alembic. */
  static final int SCHEMA_VERSION = 12;

  /** The alembic revision written to new databases. */
  static final String HEAD = "v3.2.0.a";

  /** Revisions this storage opens: Optuna 3.0/3.1 ({@code v3.0.0.d}) and 3.2 to 5.x ({@code v3.2.0.a}). */
  static final List<String> READABLE = List.of("v3.0.0.d", HEAD);

  /** Older revisions, which {@code optuna storage upgrade} brings to one this storage opens. */
  static final List<String> OLDER = List.of(
      "v0.9.0.a", "v1.2.0.a", "v1.3.0.a", "v2.4.0.a", "v2.6.0.a", "v3.0.0.a", "v3.0.0.b", "v3.0.0.c");

  /**
   * Checks the version rows of a study database (SQLite or PostgreSQL) against what this storage
   * reads.
   *
   * @param where the database, for messages (a file, a masked URL)
   * @param upgradeUrl the URL to give {@code optuna storage upgrade}
   * @throws StorageException saying what to do if the schema is older or newer
   */
  static void checkVersion(String where, String upgradeUrl, Integer schemaVersion, String library, String revision) {
    if (READABLE.contains(revision) && Integer.valueOf(SCHEMA_VERSION).equals(schemaVersion)) {
      return;
    }
    String writer = " (written by " + (library == null ? "an unknown version" : library) + ", schema revision "
        + revision + ", schema version " + schemaVersion + ")";
    if (OLDER.contains(revision) || (schemaVersion != null && schemaVersion < SCHEMA_VERSION)) {
      throw new StorageException(where + " has the schema of an older Optuna" + writer + "; upgrade it with"
          + " `optuna storage upgrade --storage " + upgradeUrl + "`, then open it again");
    }
    throw new StorageException(where + " has a newer schema than this Paramspace reads" + writer + "; it reads"
        + " revisions " + READABLE + " (Optuna 3.0 to 5.x); use a newer Paramspace. The database was"
        + " not changed");
  }

  /** The tables, in the order Optuna creates them. */
  static final List<String> DDL = List.of(
      "CREATE TABLE studies (\n"
          + "\tstudy_id INTEGER NOT NULL, \n"
          + "\tstudy_name VARCHAR(512) NOT NULL, \n"
          + "\tPRIMARY KEY (study_id)\n"
          + ")",
      "CREATE UNIQUE INDEX ix_studies_study_name ON studies (study_name)",
      "CREATE TABLE version_info (\n"
          + "\tversion_info_id INTEGER NOT NULL, \n"
          + "\tschema_version INTEGER, \n"
          + "\tlibrary_version VARCHAR(256), \n"
          + "\tPRIMARY KEY (version_info_id), \n"
          + "\tCHECK (version_info_id=1)\n"
          + ")",
      "CREATE TABLE study_directions (\n"
          + "\tstudy_direction_id INTEGER NOT NULL, \n"
          + "\tdirection VARCHAR(8) NOT NULL, \n"
          + "\tstudy_id INTEGER NOT NULL, \n"
          + "\tobjective INTEGER NOT NULL, \n"
          + "\tPRIMARY KEY (study_direction_id), \n"
          + "\tUNIQUE (study_id, objective), \n"
          + "\tFOREIGN KEY(study_id) REFERENCES studies (study_id)\n"
          + ")",
      "CREATE TABLE study_user_attributes (\n"
          + "\tstudy_user_attribute_id INTEGER NOT NULL, \n"
          + "\tstudy_id INTEGER, \n"
          + "\t\"key\" VARCHAR(512), \n"
          + "\tvalue_json TEXT, \n"
          + "\tPRIMARY KEY (study_user_attribute_id), \n"
          + "\tUNIQUE (study_id, \"key\"), \n"
          + "\tFOREIGN KEY(study_id) REFERENCES studies (study_id)\n"
          + ")",
      "CREATE TABLE study_system_attributes (\n"
          + "\tstudy_system_attribute_id INTEGER NOT NULL, \n"
          + "\tstudy_id INTEGER, \n"
          + "\t\"key\" VARCHAR(512), \n"
          + "\tvalue_json TEXT, \n"
          + "\tPRIMARY KEY (study_system_attribute_id), \n"
          + "\tUNIQUE (study_id, \"key\"), \n"
          + "\tFOREIGN KEY(study_id) REFERENCES studies (study_id)\n"
          + ")",
      "CREATE TABLE trials (\n"
          + "\ttrial_id INTEGER NOT NULL, \n"
          + "\tnumber INTEGER, \n"
          + "\tstudy_id INTEGER, \n"
          + "\tstate VARCHAR(8) NOT NULL, \n"
          + "\tdatetime_start DATETIME, \n"
          + "\tdatetime_complete DATETIME, \n"
          + "\tPRIMARY KEY (trial_id), \n"
          + "\tFOREIGN KEY(study_id) REFERENCES studies (study_id)\n"
          + ")",
      "CREATE INDEX ix_trials_study_id ON trials (study_id)",
      "CREATE TABLE trial_user_attributes (\n"
          + "\ttrial_user_attribute_id INTEGER NOT NULL, \n"
          + "\ttrial_id INTEGER, \n"
          + "\t\"key\" VARCHAR(512), \n"
          + "\tvalue_json TEXT, \n"
          + "\tPRIMARY KEY (trial_user_attribute_id), \n"
          + "\tUNIQUE (trial_id, \"key\"), \n"
          + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n"
          + ")",
      "CREATE TABLE trial_system_attributes (\n"
          + "\ttrial_system_attribute_id INTEGER NOT NULL, \n"
          + "\ttrial_id INTEGER, \n"
          + "\t\"key\" VARCHAR(512), \n"
          + "\tvalue_json TEXT, \n"
          + "\tPRIMARY KEY (trial_system_attribute_id), \n"
          + "\tUNIQUE (trial_id, \"key\"), \n"
          + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n"
          + ")",
      "CREATE TABLE trial_params (\n"
          + "\tparam_id INTEGER NOT NULL, \n"
          + "\ttrial_id INTEGER, \n"
          + "\tparam_name VARCHAR(512), \n"
          + "\tparam_value FLOAT, \n"
          + "\tdistribution_json TEXT, \n"
          + "\tPRIMARY KEY (param_id), \n"
          + "\tUNIQUE (trial_id, param_name), \n"
          + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n"
          + ")",
      "CREATE TABLE trial_values (\n"
          + "\ttrial_value_id INTEGER NOT NULL, \n"
          + "\ttrial_id INTEGER NOT NULL, \n"
          + "\tobjective INTEGER NOT NULL, \n"
          + "\tvalue FLOAT, \n"
          + "\tvalue_type VARCHAR(7) NOT NULL, \n"
          + "\tPRIMARY KEY (trial_value_id), \n"
          + "\tUNIQUE (trial_id, objective), \n"
          + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n"
          + ")",
      "CREATE TABLE trial_intermediate_values (\n"
          + "\ttrial_intermediate_value_id INTEGER NOT NULL, \n"
          + "\ttrial_id INTEGER NOT NULL, \n"
          + "\tstep INTEGER NOT NULL, \n"
          + "\tintermediate_value FLOAT, \n"
          + "\tintermediate_value_type VARCHAR(7) NOT NULL, \n"
          + "\tPRIMARY KEY (trial_intermediate_value_id), \n"
          + "\tUNIQUE (trial_id, step), \n"
          + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n"
          + ")",
      "CREATE TABLE trial_heartbeats (\n"
          + "\ttrial_heartbeat_id INTEGER NOT NULL, \n"
          + "\ttrial_id INTEGER NOT NULL, \n"
          + "\theartbeat DATETIME NOT NULL, \n"
          + "\tPRIMARY KEY (trial_heartbeat_id), \n"
          + "\tUNIQUE (trial_id), \n"
          + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n"
          + ")",
      "CREATE TABLE alembic_version (\n"
          + "\tversion_num VARCHAR(32) NOT NULL, \n"
          + "\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
          + ")");
}
