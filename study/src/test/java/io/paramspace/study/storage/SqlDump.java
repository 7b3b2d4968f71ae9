package io.paramspace.study.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a SQLite file as the {@code sqlite3} shell's {@code .schema} and rows would show it. */
final class SqlDump {
  private SqlDump() {}

  /** Every CREATE statement, in the order the database holds them. */
  static List<String> schema(Path file) throws SQLException {
    List<String> sql = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")) {
      while (rs.next()) {
        sql.add(rs.getString(1));
      }
    }
    return sql;
  }

  /** Table name to its rows, each row its values as text (NULL for null), by primary key. */
  static Map<String, List<String>> rows(Path file) throws SQLException {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String table : names) {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              Object v = rs.getObject(i);
              values.add(v == null ? "NULL" : v instanceof String str ? "'" + str + "'" : v.toString());
            }
            rows.add(String.join(", ", values));
          }
        }
        tables.put(table, rows);
      }
    }
    return tables;
  }

  /** Builds a database from a {@code sqlite3 .dump} text. */
  static void load(Path dump, Path file) throws Exception {
    String text = new String(java.nio.file.Files.readAllBytes(dump), StandardCharsets.UTF_8);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      for (String statement : text.split(";\n")) {
        String sql = statement.strip();
        if (!sql.isEmpty() && !sql.startsWith("BEGIN") && !sql.startsWith("COMMIT") && !sql.startsWith("PRAGMA")) {
          s.execute(sql);
        }
      }
    }
  }

  static Path resource(String name) throws Exception {
    return Path.of(SqlDump.class.getResource("/" + name).toURI());
  }
}
