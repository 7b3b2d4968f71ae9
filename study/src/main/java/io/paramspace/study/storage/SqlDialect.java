package io.paramspace.study.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The few things SQLite and PostgreSQL do differently with Optuna's tables; everything else in
 * {@link TrialSql} is the same SQL on both.
 *
 * <ul>
 *   <li>Timestamps: SQLite keeps SQLAlchemy's text ({@link Timestamps}), PostgreSQL a {@code
 *       timestamp without time zone}; both naive UTC.
 *   <li>Locks: a SQLite write transaction ({@code BEGIN IMMEDIATE}) holds the file's only write
 *       lock, so it needs no more; on PostgreSQL the creators of a study's trials lock the study's
 *       row ({@code FOR NO KEY UPDATE}, which does not block the foreign-key checks of inserts),
 *       and workers take waiting trials {@code FOR UPDATE SKIP LOCKED}.
 *   <li>The clock of heartbeats: PostgreSQL's ({@code LOCALTIMESTAMP} in a UTC session), so
 *       workers on machines whose clocks disagree agree on a heartbeat's age; SQLite's {@code
 *       'now'}, the clock of the one machine that shares the file.
 * </ul>
 */
abstract class SqlDialect {

  static final SqlDialect SQLITE = new SqlDialect() {
    @Override
    void bindTime(PreparedStatement ps, int index, Instant time) throws SQLException {
      ps.setString(index, Timestamps.write(time));
    }

    @Override
    Instant readTime(ResultSet rs, int column) throws SQLException {
      return Timestamps.read(rs.getString(column));
    }

    @Override
    void lockStudy(SqlSession s, long studyId) {}

    @Override
    String forUpdateSkipLocked() {
      return "";
    }

    @Override
    String forUpdate() {
      return "";
    }

    @Override
    String now() {
      // Microseconds, as SQLAlchemy writes a DateTime (SQLite's clock has milliseconds).
      return "(strftime('%Y-%m-%d %H:%M:%f', 'now') || '000')";
    }

    @Override
    String secondsSince(String column) {
      return "((julianday('now') - julianday(" + column + ")) * 86400.0)";
    }
  };

  static final SqlDialect POSTGRES = new SqlDialect() {
    @Override
    void bindTime(PreparedStatement ps, int index, Instant time) throws SQLException {
      if (time == null) {
        ps.setNull(index, Types.TIMESTAMP);
      } else {
        ps.setObject(index, LocalDateTime.ofInstant(time, ZoneOffset.UTC));
      }
    }

    @Override
    Instant readTime(ResultSet rs, int column) throws SQLException {
      LocalDateTime t = rs.getObject(column, LocalDateTime.class);
      return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    @Override
    void lockStudy(SqlSession s, long studyId) throws SQLException {
      try (ResultSet rs = s.query("SELECT study_id FROM studies WHERE study_id = ? FOR NO KEY UPDATE", studyId)) {
        if (!rs.next()) {
          throw new StorageException("no study with id " + studyId + " in " + s.url());
        }
      }
    }

    @Override
    String forUpdateSkipLocked() {
      return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    String forUpdate() {
      return " FOR UPDATE";
    }

    @Override
    String now() {
      return "LOCALTIMESTAMP";
    }

    @Override
    String secondsSince(String column) {
      return "EXTRACT(EPOCH FROM (LOCALTIMESTAMP - " + column + "))";
    }
  };

  /** Binds a timestamp (or null). */
  abstract void bindTime(PreparedStatement ps, int index, Instant time) throws SQLException;

  abstract Instant readTime(ResultSet rs, int column) throws SQLException;

  /**
   * Makes the creators of trials of {@code studyId} (numbers, totals) wait for this transaction.
   * Taken before any trial row is locked, by every transaction that takes both, so they never
   * deadlock.
   */
  abstract void lockStudy(SqlSession s, long studyId) throws SQLException;

  /** What ends the query that takes a waiting trial. */
  abstract String forUpdateSkipLocked();

  /** What ends a query that reads a row to change it in the same transaction (a ticket counter). */
  abstract String forUpdate();

  /** An SQL expression: now, naive UTC, by the database's clock. */
  abstract String now();

  /** An SQL expression: the seconds (a float) from the timestamp {@code column} to now. */
  abstract String secondsSince(String column);
}
