package io.paramspace.study.storage;

import io.paramspace.runtime.Distribution;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.TrialState;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The three writes of every trial on PostgreSQL (start, parameters, finish), each one round trip
 * to the server: its statements, its {@code COMMIT} included, go in one message, and rows of a
 * kind go as arrays ({@code unnest}) in one statement instead of a batch each.
 *
 * <p>Why: with many workers, round trips are what a trial costs. A worker that waits for the
 * server between the statements of a start holds the study's lock meanwhile, and every other
 * worker's start waits behind it; on a busy machine each of those waits is a scheduler slice.
 * {@link TrialSql}'s portable statements took 22 round trips per trial, 5 of them under the
 * lock; these take 3, none under the lock but the server's own work. Results are the same as
 * {@link TrialSql}'s, which the other writes (enqueued trials, tickets, retries) still use.
 *
 * <p>The statements run in order within one transaction, each seeing what those before it did
 * (READ COMMITTED: each statement's snapshot is taken when it starts, so a count after the lock
 * sees every trial committed before the lock was granted).
 */
final class PostgresTrialSql {
  private PostgresTrialSql() {}

  /** What a pipelined start found: the study's counts, and the trial it started, if any. */
  record Started(int counted, int waiting, Optional<FrozenTrial> trial) {}

  private static final String START = "SET LOCAL synchronous_commit TO OFF;"
      + " SELECT study_id FROM studies WHERE study_id = ? FOR NO KEY UPDATE;"
      + " WITH counts AS (SELECT COALESCE(SUM(CASE WHEN t.state <> 'WAITING' AND NOT (t.state = 'FAIL' AND EXISTS"
      + " (SELECT 1 FROM trial_system_attributes a WHERE a.trial_id = t.trial_id AND a.key = ?)) THEN 1 ELSE 0 END), 0)"
      + " AS counted, COALESCE(SUM(CASE WHEN t.state = 'WAITING' THEN 1 ELSE 0 END), 0) AS waiting,"
      + " COALESCE(MAX(t.number) + 1, 0) AS next FROM trials t WHERE t.study_id = ?),"
      + " started AS (INSERT INTO trials (number, study_id, state, datetime_start, datetime_complete)"
      + " SELECT next, s.study_id, 'RUNNING', ?, NULL FROM counts, studies s WHERE s.study_id = ? AND waiting = 0"
      + " AND (? <= 0 OR counted < ?) RETURNING trial_id, number),"
      + " system_attributes AS (INSERT INTO trial_system_attributes (trial_id, key, value_json)"
      + " SELECT started.trial_id, a.key, a.value_json FROM started,"
      + " unnest(?::text[], ?::text[]) WITH ORDINALITY AS a(key, value_json, i) ORDER BY a.i),"
      + " heartbeat AS (INSERT INTO trial_heartbeats (trial_id, heartbeat)"
      + " SELECT trial_id, " + SqlDialect.POSTGRES.now() + " FROM started WHERE ?)"
      + " SELECT counts.counted, counts.waiting, started.trial_id, started.number FROM counts LEFT JOIN started ON true;"
      + " COMMIT";

  /**
   * Under the study's lock: its counts, and unless the total is reached or trials are waiting
   * (a waiting trial is taken by {@link TrialSql#start}), a new running trial with the next
   * number, its system attributes and first heartbeat. Commits without waiting for the disk.
   */
  static Started start(SqlSession s, Connection c, long studyId, int maxTrials, Map<String, String> systemAttributes,
      boolean heartbeat) throws SQLException {
    Instant start = Timestamps.now();
    PreparedStatement ps = s.prepare(START);
    s.bind(ps, studyId, Storage.RETRIED_AS_ATTRIBUTE, studyId, start, studyId, maxTrials, maxTrials,
        texts(c, systemAttributes.keySet()), texts(c, systemAttributes.values()), heartbeat);
    ps.execute();
    ps.getMoreResults(); // the lock's row
    try (ResultSet lock = ps.getResultSet()) {
      if (!lock.next()) {
        throw new StorageException("no study with id " + studyId + " in " + s.url());
      }
    }
    ps.getMoreResults();
    try (ResultSet rs = ps.getResultSet()) {
      rs.next();
      int counted = rs.getInt(1);
      int waiting = rs.getInt(2);
      long id = rs.getLong(3);
      if (rs.wasNull()) {
        return new Started(counted, waiting, Optional.empty());
      }
      FrozenTrial trial = new FrozenTrial(id, rs.getInt(4), TrialState.RUNNING, List.of(), start, null, Map.of(),
          Map.of(), new TreeMap<>(), Map.of(), systemAttributes);
      return new Started(counted, waiting, Optional.of(trial));
    }
  }

  private static final String SET_PARAMS = "SET LOCAL synchronous_commit TO OFF;"
      + " WITH trial AS (SELECT number, state FROM trials WHERE trial_id = ?),"
      + " given AS (SELECT * FROM unnest(?::text[], ?::float8[], ?::text[]) WITH ORDINALITY AS g(name, value,"
      + " distribution, i)),"
      + " existing AS (SELECT param_name, param_value FROM trial_params WHERE trial_id = ?),"
      // Nothing is written to a trial that is not running, or if a parameter it has is given another
      // value (compared bit for bit, as Double.compare does).
      + " allowed AS (SELECT 1 FROM trial WHERE state = 'RUNNING' AND NOT EXISTS (SELECT 1 FROM given g"
      + " JOIN existing e ON e.param_name = g.name WHERE float8send(e.param_value) <> float8send(g.value))),"
      + " params AS (INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json)"
      + " SELECT ?, g.name, g.value, g.distribution FROM given g WHERE EXISTS (SELECT 1 FROM allowed)"
      + " AND NOT EXISTS (SELECT 1 FROM existing e WHERE e.param_name = g.name) ORDER BY g.i),"
      + " user_attributes AS (INSERT INTO trial_user_attributes (trial_id, key, value_json)"
      + " SELECT ?, a.key, a.value_json FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS a(key, value_json, i)"
      + " WHERE EXISTS (SELECT 1 FROM allowed) ORDER BY a.i"
      + " ON CONFLICT (trial_id, key) DO UPDATE SET value_json = excluded.value_json)"
      + " SELECT trial.number, CAST(trial.state AS TEXT), e.param_name, e.param_value FROM trial"
      + " LEFT JOIN existing e ON true;"
      + " COMMIT";

  /**
   * {@link TrialSql#setParams} in one round trip: the parameters not yet set and the user
   * attributes written, or, for a trial that is not running or a parameter given another value,
   * nothing written and the reason thrown. Commits without waiting for the disk.
   */
  static void setParams(SqlSession s, Connection c, long trialId, Map<String, Double> internalValues,
      Map<String, Distribution> distributions, Map<String, String> userAttributes) throws SQLException {
    String[] json = new String[internalValues.size()];
    int k = 0;
    for (String name : internalValues.keySet()) {
      Distribution d = distributions.get(name);
      if (d == null) {
        throw new IllegalArgumentException("parameter '" + name + "' has no distribution");
      }
      json[k++] = DistributionJson.write(d);
    }
    PreparedStatement ps = s.prepare(SET_PARAMS);
    s.bind(ps, trialId, texts(c, internalValues.keySet()), numbers(c, internalValues.values()),
        c.createArrayOf("text", json), trialId, trialId, trialId, texts(c, userAttributes.keySet()),
        texts(c, userAttributes.values()));
    ps.execute();
    ps.getMoreResults();
    try (ResultSet rs = ps.getResultSet()) {
      TrialSql.paramsToSet(s, trialId, rs, internalValues, distributions); // throws why nothing was written
    }
  }

  private static final String FINISH = "WITH finished AS (UPDATE trials SET state = ?, datetime_complete = ?"
      + " WHERE trial_id = ? AND state = 'RUNNING' RETURNING trial_id),"
      // Rows an earlier transaction wrote without waiting for the disk, written again if a crash lost them.
      + " params AS (INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json)"
      + " SELECT f.trial_id, g.name, g.value, g.distribution FROM finished f,"
      + " unnest(?::text[], ?::float8[], ?::text[]) WITH ORDINALITY AS g(name, value, distribution, i) ORDER BY g.i"
      + " ON CONFLICT (trial_id, param_name) DO NOTHING),"
      + " user_attributes AS (INSERT INTO trial_user_attributes (trial_id, key, value_json)"
      + " SELECT f.trial_id, a.key, a.value_json FROM finished f,"
      + " unnest(?::text[], ?::text[]) WITH ORDINALITY AS a(key, value_json, i) ORDER BY a.i"
      + " ON CONFLICT (trial_id, key) DO NOTHING),"
      + " objective_values AS (INSERT INTO trial_values (trial_id, objective, value, value_type)"
      + " SELECT f.trial_id, v.i - 1, v.value, CAST(v.value_type AS trialvaluetype) FROM finished f,"
      + " unnest(?::float8[], ?::text[]) WITH ORDINALITY AS v(value, value_type, i)),"
      + " system_attributes AS (INSERT INTO trial_system_attributes (trial_id, key, value_json)"
      + " SELECT f.trial_id, a.key, a.value_json FROM finished f,"
      + " unnest(?::text[], ?::text[]) WITH ORDINALITY AS a(key, value_json, i) ORDER BY a.i"
      + " ON CONFLICT (trial_id, key) DO UPDATE SET value_json = excluded.value_json)"
      + " SELECT count(*) FROM finished; "
      + TrialSql.loadSql("trial_id = ?") + ";"
      + " COMMIT";

  /** A finish: whether it changed the trial (it was running), and the trial as it is now (null if none). */
  record Finished(boolean changed, FrozenTrial trial) {}

  /**
   * {@link TrialSql#finish} in one round trip, durable: the conditional update, the values,
   * {@code systemAttributes}, the rows in {@code rewrite} written again where missing, and the
   * trial read back. A trial that was not running is not changed.
   */
  static Finished finish(SqlSession s, Connection c, long trialId, TrialState state, List<Double> values,
      Map<String, String> systemAttributes, Map<String, Double> rewriteParams,
      Map<String, Distribution> rewriteDistributions, Map<String, String> rewriteUserAttributes)
      throws SQLException {
    Double[] numbers = new Double[values.size()];
    String[] types = new String[values.size()];
    for (int i = 0; i < values.size(); i++) {
      double v = values.get(i);
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("objective " + i + " of trial id " + trialId + " is NaN; a NaN value"
            + " marks a trial failed, it is not stored");
      }
      numbers[i] = Double.isInfinite(v) ? null : v;
      types[i] = v == Double.POSITIVE_INFINITY ? "INF_POS" : v == Double.NEGATIVE_INFINITY ? "INF_NEG" : "FINITE";
    }
    String[] json = rewriteParams.keySet().stream().map(n -> DistributionJson.write(rewriteDistributions.get(n)))
        .toArray(String[]::new);
    Object[] args = {state.name(), Timestamps.now(), trialId, texts(c, rewriteParams.keySet()),
        numbers(c, rewriteParams.values()), c.createArrayOf("text", json), texts(c, rewriteUserAttributes.keySet()),
        texts(c, rewriteUserAttributes.values()), c.createArrayOf("float8", numbers), c.createArrayOf("text", types),
        texts(c, systemAttributes.keySet()), texts(c, systemAttributes.values())};
    Object[] load = TrialSql.loadArgs(trialId);
    Object[] all = Arrays.copyOf(args, args.length + load.length);
    System.arraycopy(load, 0, all, args.length, load.length);
    PreparedStatement ps = s.prepare(FINISH);
    s.bind(ps, all);
    ps.execute();
    boolean changed;
    try (ResultSet rs = ps.getResultSet()) {
      rs.next();
      changed = rs.getLong(1) == 1;
    }
    ps.getMoreResults();
    try (ResultSet rs = ps.getResultSet()) {
      List<FrozenTrial> trials = TrialSql.readTrials(rs);
      return new Finished(changed, trials.isEmpty() ? null : trials.get(0));
    }
  }

  private static Array texts(Connection c, java.util.Collection<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray(new String[0]));
  }

  private static Array numbers(Connection c, java.util.Collection<Double> values) throws SQLException {
    return c.createArrayOf("float8", values.toArray(new Double[0]));
  }
}
