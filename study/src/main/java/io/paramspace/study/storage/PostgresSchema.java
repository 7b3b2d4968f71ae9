package io.paramspace.study.storage;

import java.util.List;

/**
 * Optuna's RDB schema (schema version 12, alembic head {@code v3.2.0.a}) as SQLAlchemy creates it
 * on PostgreSQL: the same tables as {@link SqliteSchema}, with PostgreSQL's types (native enums
 * {@code studydirection}, {@code trialstate}, {@code trialvaluetype}, {@code
 * trialintermediatevaluetype}; {@code SERIAL} keys; {@code FLOAT(53)}, i.e. double precision;
 * {@code TIMESTAMP WITHOUT TIME ZONE}). Constraint names are PostgreSQL's defaults, as for
 * SQLAlchemy's unnamed constraints, so the catalog matches a database Optuna created, plus the
 * index {@code ix_trials_study_id} of Optuna 3.2.
 */
final class PostgresSchema {
  private PostgresSchema() {}

  /** The tables every study database has. */
  static final List<String> REQUIRED = List.of("studies", "trials", "trial_params", "version_info", "alembic_version");

  /** The types and tables, in the order Optuna creates them. */
  static final List<String> DDL = List.of(
      "CREATE TYPE studydirection AS ENUM ('NOT_SET', 'MINIMIZE', 'MAXIMIZE')",
      "CREATE TYPE trialstate AS ENUM ('RUNNING', 'COMPLETE', 'PRUNED', 'FAIL', 'WAITING')",
      "CREATE TYPE trialvaluetype AS ENUM ('FINITE', 'INF_POS', 'INF_NEG')",
      "CREATE TYPE trialintermediatevaluetype AS ENUM ('FINITE', 'INF_POS', 'INF_NEG', 'NAN')",
      "CREATE TABLE studies (\n"
          + "\tstudy_id SERIAL NOT NULL, \n"
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
          + "\tstudy_direction_id SERIAL NOT NULL, \n"
          + "\tdirection studydirection NOT NULL, \n"
          + "\tstudy_id INTEGER NOT NULL, \n"
          + "\tobjective INTEGER NOT NULL, \n"
          + "\tPRIMARY KEY (study_direction_id), \n"
          + "\tUNIQUE (study_id, objective), \n"
          + "\tFOREIGN KEY(study_id) REFERENCES studies (study_id)\n"
          + ")",
      "CREATE TABLE study_user_attributes (\n"
          + "\tstudy_user_attribute_id SERIAL NOT NULL, \n"
          + "\tstudy_id INTEGER, \n"
          + "\tkey VARCHAR(512), \n"
          + "\tvalue_json TEXT, \n"
          + "\tPRIMARY KEY (study_user_attribute_id), \n"
          + "\tUNIQUE (study_id, key), \n"
          + "\tFOREIGN KEY(study_id) REFERENCES studies (study_id)\n"
          + ")",
      "CREATE TABLE study_system_attributes (\n"
          + "\tstudy_system_attribute_id SERIAL NOT NULL, \n"
          + "\tstudy_id INTEGER, \n"
          + "\tkey VARCHAR(512), \n"
          + "\tvalue_json TEXT, \n"
          + "\tPRIMARY KEY (study_system_attribute_id), \n"
          + "\tUNIQUE (study_id, key), \n"
          + "\tFOREIGN KEY(study_id) REFERENCES studies (study_id)\n"
          + ")",
      "CREATE TABLE trials (\n"
          + "\ttrial_id SERIAL NOT NULL, \n"
          + "\tnumber INTEGER, \n"
          + "\tstudy_id INTEGER, \n"
          + "\tstate trialstate NOT NULL, \n"
          + "\tdatetime_start TIMESTAMP WITHOUT TIME ZONE, \n"
          + "\tdatetime_complete TIMESTAMP WITHOUT TIME ZONE, \n"
          + "\tPRIMARY KEY (trial_id), \n"
          + "\tFOREIGN KEY(study_id) REFERENCES studies (study_id)\n"
          + ")",
      "CREATE INDEX ix_trials_study_id ON trials (study_id)",
      "CREATE TABLE trial_user_attributes (\n"
          + "\ttrial_user_attribute_id SERIAL NOT NULL, \n"
          + "\ttrial_id INTEGER, \n"
          + "\tkey VARCHAR(512), \n"
          + "\tvalue_json TEXT, \n"
          + "\tPRIMARY KEY (trial_user_attribute_id), \n"
          + "\tUNIQUE (trial_id, key), \n"
          + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n"
          + ")",
      "CREATE TABLE trial_system_attributes (\n"
          + "\ttrial_system_attribute_id SERIAL NOT NULL, \n"
          + "\ttrial_id INTEGER, \n"
          + "\tkey VARCHAR(512), \n"
          + "\tvalue_json TEXT, \n"
          + "\tPRIMARY KEY (trial_system_attribute_id), \n"
          + "\tUNIQUE (trial_id, key), \n"
          + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n"
          + ")",
      "CREATE TABLE trial_params (\n"
          + "\tparam_id SERIAL NOT NULL, \n"
          + "\ttrial_id INTEGER, \n"
          + "\tparam_name VARCHAR(512), \n"
          + "\tparam_value FLOAT(53), \n"
          + "\tdistribution_json TEXT, \n"
          + "\tPRIMARY KEY (param_id), \n"
          + "\tUNIQUE (trial_id, param_name), \n"
          + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n"
          + ")",
      "CREATE TABLE trial_values (\n"
          + "\ttrial_value_id SERIAL NOT NULL, \n"
          + "\ttrial_id INTEGER NOT NULL, \n"
          + "\tobjective INTEGER NOT NULL, \n"
          + "\tvalue FLOAT(53), \n"
          + "\tvalue_type trialvaluetype NOT NULL, \n"
          + "\tPRIMARY KEY (trial_value_id), \n"
          + "\tUNIQUE (trial_id, objective), \n"
          + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n"
          + ")",
      "CREATE TABLE trial_intermediate_values (\n"
          + "\ttrial_intermediate_value_id SERIAL NOT NULL, \n"
          + "\ttrial_id INTEGER NOT NULL, \n"
          + "\tstep INTEGER NOT NULL, \n"
          + "\tintermediate_value FLOAT(53), \n"
          + "\tintermediate_value_type trialintermediatevaluetype NOT NULL, \n"
          + "\tPRIMARY KEY (trial_intermediate_value_id), \n"
          + "\tUNIQUE (trial_id, step), \n"
          + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n"
          + ")",
      "CREATE TABLE trial_heartbeats (\n"
          + "\ttrial_heartbeat_id SERIAL NOT NULL, \n"
          + "\ttrial_id INTEGER NOT NULL, \n"
          + "\theartbeat TIMESTAMP WITHOUT TIME ZONE NOT NULL, \n"
          + "\tPRIMARY KEY (trial_heartbeat_id), \n"
          + "\tUNIQUE (trial_id), \n"
          + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n"
          + ")",
      "CREATE TABLE alembic_version (\n"
          + "\tversion_num VARCHAR(32) NOT NULL, \n"
          + "\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
          + ")");
}
