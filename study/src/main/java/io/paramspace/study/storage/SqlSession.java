package io.paramspace.study.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * One connection inside one transaction, as {@link TrialSql} uses it: statements with bound
 * values only (an {@link Instant} bound as the dialect keeps timestamps), never values in the SQL.
 */
abstract class SqlSession {
  final SqlDialect dialect;

  SqlSession(SqlDialect dialect) {
    this.dialect = dialect;
  }

  /** A prepared statement for {@code sql}; the session closes it (or caches it). */
  abstract PreparedStatement prepare(String sql) throws SQLException;

  /** The storage's URL for messages (credentials masked). */
  abstract String url();

  final void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a == null) {
        ps.setNull(i + 1, Types.NULL);
      } else if (a instanceof Integer v) {
        ps.setInt(i + 1, v);
      } else if (a instanceof Long v) {
        ps.setLong(i + 1, v);
      } else if (a instanceof Double v) {
        ps.setDouble(i + 1, v);
      } else if (a instanceof Boolean v) {
        ps.setBoolean(i + 1, v);
      } else if (a instanceof Instant t) {
        dialect.bindTime(ps, i + 1, t);
      } else if (a instanceof java.sql.Array v) {
        ps.setArray(i + 1, v);
      } else {
        ps.setString(i + 1, (String) a);
      }
    }
  }

  final ResultSet query(String sql, Object... args) throws SQLException {
    PreparedStatement ps = prepare(sql);
    bind(ps, args);
    return ps.executeQuery();
  }

  final int update(String sql, Object... args) throws SQLException {
    PreparedStatement ps = prepare(sql);
    bind(ps, args);
    return ps.executeUpdate();
  }

  /** Runs an {@code INSERT ... RETURNING id} and returns the id. */
  final long insert(String sql, Object... args) throws SQLException {
    try (ResultSet rs = query(sql, args)) {
      if (!rs.next()) {
        throw new SQLException("no id returned by " + sql);
      }
      return rs.getLong(1);
    }
  }

  final Instant time(ResultSet rs, int column) throws SQLException {
    return dialect.readTime(rs, column);
  }
}
