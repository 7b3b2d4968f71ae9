package io.paramspace.study.storage;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own on the test PostgreSQL server, for one test (or one test class), dropped
 * on close. The server is {@code PARAMSPACE_POSTGRES_URL} (default {@value #DEFAULT_URL}); where
 * none answers, the test is skipped with a message saying so, and with {@code
 * PARAMSPACE_REQUIRE_POSTGRES=1} (as CI sets) it fails instead.
 */
public final class TestPostgres implements AutoCloseable {
  public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private final PostgresUrl server;
  private final String schema;

  private TestPostgres(PostgresUrl server, String schema) {
    this.server = server;
    this.schema = schema;
  }

  /** The server's URL as configured (credentials in it, if any). */
  public static String serverUrl() {
    String url = System.getenv("PARAMSPACE_POSTGRES_URL");
    return url == null || url.isBlank() ? DEFAULT_URL : url;
  }

  /** A new, empty schema named {@code prefix} and a random suffix; skips the test without a server. */
  public static TestPostgres create(String prefix) {
    PostgresUrl server = PostgresUrl.parse(serverUrl(), System.getenv());
    String schema = (prefix.replaceAll("[^a-z0-9_]", "_") + "_" + Long.toHexString(ThreadLocalRandom.current()
        .nextLong() & 0xffffffffffL)).toLowerCase(java.util.Locale.ROOT);
    try (Connection c = connect(server); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String message = "no PostgreSQL server answers at " + server.display() + " (" + server.scrub(e.getMessage())
          + "); start one, or set PARAMSPACE_POSTGRES_URL, to run the PostgreSQL tests";
      if ("1".equals(System.getenv("PARAMSPACE_REQUIRE_POSTGRES"))) {
        fail(message + " (PARAMSPACE_REQUIRE_POSTGRES=1 makes this a failure)");
      }
      Assumptions.abort(message);
    }
    return new TestPostgres(server, schema);
  }

  private static Connection connect(PostgresUrl server) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", server.user());
    if (server.password() != null) {
      props.setProperty("password", server.password());
    }
    props.setProperty("connectTimeout", "3");
    props.setProperty("ApplicationName", "paramspace-test-admin");
    return DriverManager.getConnection(server.jdbcUrl(), props);
  }

  public String schema() {
    return schema;
  }

  /** The storage URL of this schema, as the server's URL was given (credentials and all). */
  public String url() {
    return url(Map.of());
  }

  /** {@link #url()} with more parameters (an ApplicationName to find the workers' connections). */
  public String url(Map<String, String> params) {
    StringBuilder url = new StringBuilder(serverUrl());
    url.append(url.indexOf("?") < 0 ? '?' : '&').append("currentSchema=").append(schema);
    params.forEach((k, v) -> url.append('&').append(k).append('=').append(v));
    return url.toString();
  }

  /** SQLAlchemy's URL of this schema, for Python Optuna (psycopg2). */
  public String pythonUrl() {
    String rest = server.jdbcUrl().substring("jdbc:postgresql://".length());
    int q = rest.indexOf('?');
    String hostAndDb = q < 0 ? rest : rest.substring(0, q);
    String credentials = server.user() + (server.password() == null ? "" : ":" + server.password());
    return "postgresql+psycopg2://" + credentials + "@" + hostAndDb + "?options=-csearch_path%3D" + schema;
  }

  /** A plain connection to this schema (autocommit), for checks and for terminating backends. */
  public Connection connect() throws SQLException {
    Connection c = connect(server);
    try (Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + schema);
    }
    return c;
  }

  @Override
  public void close() {
    try (Connection c = connect(server); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new AssertionError("could not drop the test schema " + schema + ": " + e.getMessage(), e);
    }
  }
}
