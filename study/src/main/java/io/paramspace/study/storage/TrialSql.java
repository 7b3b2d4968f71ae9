package io.paramspace.study.storage;

import io.paramspace.runtime.Distribution;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.TrialState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * The statements on Optuna's study and trial tables, the same for SQLite and PostgreSQL (what
 * differs is in {@link SqlDialect}). Each method runs inside the caller's transaction; the
 * storages decide where transactions begin, end and are retried.
 */
final class TrialSql {
  static final List<String> TRIAL_TABLES = List.of("trial_params", "trial_values", "trial_intermediate_values",
      "trial_user_attributes", "trial_system_attributes", "trial_heartbeats");
  static final List<String> STUDY_TABLES = List.of("trials", "study_directions", "study_user_attributes",
      "study_system_attributes", "studies");

  private TrialSql() {}

  // ---- studies ----

  static Optional<Long> studyId(SqlSession s, String name) throws SQLException {
    try (ResultSet rs = s.query("SELECT study_id FROM studies WHERE study_name = ?", name)) {
      return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
    }
  }

  /** Inserts the study and its directions; {@code id} is the new study's. */
  static void insertDirections(SqlSession s, long id, List<Direction> directions) throws SQLException {
    for (int i = 0; i < directions.size(); i++) {
      s.update("INSERT INTO study_directions (direction, study_id, objective) VALUES (?, ?, ?)",
          directions.get(i).name(), id, i);
    }
  }

  static List<Direction> directions(SqlSession s, long studyId) throws SQLException {
    List<Direction> directions = new ArrayList<>();
    try (ResultSet rs = s.query("SELECT direction FROM study_directions WHERE study_id = ? ORDER BY objective",
        studyId)) {
      while (rs.next()) {
        String direction = rs.getString(1);
        if ("NOT_SET".equals(direction)) {
          throw new StorageException("study " + studyId + " in " + s.url() + " has the direction NOT_SET (an"
              + " Optuna study created but never set up); set its direction in Optuna first");
        }
        directions.add(Direction.valueOf(direction));
      }
    }
    return directions;
  }

  static List<StudyRecord> studies(SqlSession s) throws SQLException {
    Map<Long, String> names = new LinkedHashMap<>();
    try (ResultSet rs = s.query("SELECT study_id, study_name FROM studies ORDER BY study_id")) {
      while (rs.next()) {
        names.put(rs.getLong(1), rs.getString(2));
      }
    }
    List<StudyRecord> records = new ArrayList<>();
    for (Map.Entry<Long, String> e : names.entrySet()) {
      records.add(new StudyRecord(e.getKey(), e.getValue(), directions(s, e.getKey())));
    }
    return records;
  }

  static void deleteStudy(SqlSession s, long studyId) throws SQLException {
    String trialsOf = " WHERE trial_id IN (SELECT trial_id FROM trials WHERE study_id = ?)";
    for (String table : TRIAL_TABLES) {
      s.update("DELETE FROM " + table + trialsOf, studyId);
    }
    for (String table : STUDY_TABLES) {
      s.update("DELETE FROM " + table + " WHERE study_id = ?", studyId);
    }
  }

  static Map<String, String> attributes(SqlSession s, String table, String idColumn, long id) throws SQLException {
    Map<String, String> attributes = new LinkedHashMap<>();
    try (ResultSet rs = s.query("SELECT key, value_json FROM " + table + " WHERE " + idColumn + " = ?", id)) {
      while (rs.next()) {
        attributes.put(rs.getString(1), rs.getString(2));
      }
    }
    return attributes;
  }

  static void upsertStudyAttribute(SqlSession s, String table, long studyId, String key, String json)
      throws SQLException {
    s.update("INSERT INTO " + table + " (study_id, key, value_json) VALUES (?, ?, ?)"
        + " ON CONFLICT (study_id, key) DO UPDATE SET value_json = excluded.value_json", studyId, key, json);
  }

  /** Inserts the attribute unless the study has it; returns the value it has now. */
  static String insertStudyAttributeIfAbsent(SqlSession s, long studyId, String key, String json)
      throws SQLException {
    s.update("INSERT INTO study_system_attributes (study_id, key, value_json) VALUES (?, ?, ?)"
        + " ON CONFLICT (study_id, key) DO NOTHING", studyId, key, json);
    try (ResultSet rs = s.query("SELECT value_json FROM study_system_attributes WHERE study_id = ? AND key = ?",
        studyId, key)) {
      return rs.next() ? rs.getString(1) : json;
    }
  }

  // ---- reading trials ----

  /**
   * The trials matching {@code where} (over the trials table), whole: one statement whatever
   * their number.
   */
  static List<FrozenTrial> load(SqlSession s, String where, Object... args) throws SQLException {
    try (ResultSet rs = s.query(loadSql(where), loadArgs(args))) {
      return readTrials(rs);
    }
  }

  /**
   * The one statement of {@link #load(SqlSession, String, Object...)}: the trials' rows (kind 0)
   * and the rows of the five child tables, as kind, trial, order, name, number, text, text; its
   * arguments are {@link #loadArgs}. Timestamps as text: SQLite keeps them so, and PostgreSQL
   * prints them so (the driver sets DateStyle ISO). No ORDER BY: sorting the union of every row of
   * a large study cost more than the read itself; {@link #readTrials} puts rows in order.
   */
  static String loadSql(String where) {
    String ids = " WHERE trial_id IN (SELECT trial_id FROM trials WHERE " + where + ")";
    return "SELECT 0, trial_id, number, CAST(state AS TEXT), NULL, CAST(datetime_start AS TEXT),"
        + " CAST(datetime_complete AS TEXT) FROM trials WHERE " + where
        + " UNION ALL SELECT 1, trial_id, param_id, param_name, param_value, distribution_json, NULL FROM trial_params"
        + ids
        + " UNION ALL SELECT 2, trial_id, objective, CAST(value_type AS TEXT), value, NULL, NULL FROM trial_values" + ids
        + " UNION ALL SELECT 3, trial_id, step, CAST(intermediate_value_type AS TEXT), intermediate_value, NULL, NULL"
        + " FROM trial_intermediate_values" + ids
        + " UNION ALL SELECT 4, trial_id, trial_user_attribute_id, key, NULL, value_json, NULL"
        + " FROM trial_user_attributes" + ids
        + " UNION ALL SELECT 5, trial_id, trial_system_attribute_id, key, NULL, value_json, NULL"
        + " FROM trial_system_attributes" + ids;
  }

  /** The arguments of {@link #loadSql}: those of its {@code where}, once per table. */
  static Object[] loadArgs(Object... args) {
    Object[] repeated = new Object[args.length * 6];
    for (int i = 0; i < 6; i++) {
      System.arraycopy(args, 0, repeated, i * args.length, args.length);
    }
    return repeated;
  }

  /** The trials in the rows of {@link #loadSql}, by id. */
  static List<FrozenTrial> readTrials(ResultSet rs) throws SQLException {
    Map<Long, Row> rows = new HashMap<>();
    // A study's trials share a few distributions: each parameter's JSON text is parsed once, and
    // compared (not hashed) with the last one of that parameter.
    Map<String, DistributionText> distributions = new HashMap<>();
    while (rs.next()) {
      int kind = rs.getInt(1);
      Row row = rows.computeIfAbsent(rs.getLong(2), Row::new);
      long order = rs.getLong(3);
      if (kind == 0) {
        row.number = (int) order;
        row.state = TrialState.valueOf(rs.getString(4));
        row.start = Timestamps.read(rs.getString(6));
        row.end = Timestamps.read(rs.getString(7));
      } else if (kind == 1) {
        String name = rs.getString(4);
        String json = rs.getString(6);
        DistributionText known = distributions.get(name);
        if (known == null || !known.json().equals(json)) {
          known = new DistributionText(json, DistributionJson.read(json));
          distributions.put(name, known);
        }
        row.add(kind, new Child(order, name, rs.getDouble(5), known.distribution()));
      } else if (kind == 2 || kind == 3) {
        row.add(kind, new Child(order, rs.getString(4), rs.getDouble(5), null));
      } else {
        row.add(kind, new Child(order, rs.getString(4), 0, rs.getString(6)));
      }
    }
    List<FrozenTrial> trials = new ArrayList<>(rows.size());
    for (Row row : rows.values()) {
      if (row.state != null) { // else a child row of a trial that did not match (deleted meanwhile)
        trials.add(row.trial());
      }
    }
    trials.sort(Comparator.comparingLong(FrozenTrial::id));
    return trials;
  }

  static FrozenTrial load(SqlSession s, long trialId) throws SQLException {
    List<FrozenTrial> trials = load(s, "trial_id = ?", trialId);
    if (trials.isEmpty()) {
      throw new StorageException("no trial with id " + trialId + " in " + s.url());
    }
    return trials.get(0);
  }

  private record DistributionText(String json, Distribution distribution) {}

  /**
   * A row of a child table: its order within the trial (param id, objective, step, attribute id),
   * name (parameter, value type, attribute key), number and the distribution or the JSON text.
   */
  private record Child(long order, String name, double number, Object text) {}

  /** One trial being assembled from the rows of several tables, which come in any order. */
  private static final class Row {
    final long id;
    int number;
    TrialState state;
    Instant start;
    Instant end;
    /** By kind (1 to 5), filled as they come. */
    final List<List<Child>> children = new ArrayList<>(java.util.Collections.nCopies(6, null));

    Row(long id) {
      this.id = id;
    }

    void add(int kind, Child child) {
      if (children.get(kind) == null) {
        children.set(kind, new ArrayList<>(kind == 1 ? 16 : 2));
      }
      children.get(kind).add(child);
    }

    List<Child> sorted(int kind) {
      List<Child> list = children.get(kind);
      if (list == null) {
        return List.of();
      }
      for (int i = 1; i < list.size(); i++) {
        if (list.get(i - 1).order() > list.get(i).order()) {
          list.sort(Comparator.comparingLong(Child::order));
          break;
        }
      }
      return list;
    }

    FrozenTrial trial() {
      Map<String, Double> params = new LinkedHashMap<>();
      Map<String, Distribution> distributions = new LinkedHashMap<>();
      for (Child c : sorted(1)) {
        params.put(c.name(), c.number());
        distributions.put(c.name(), (Distribution) c.text());
      }
      List<Double> values = new ArrayList<>();
      for (Child c : sorted(2)) {
        values.add(decode(c.number(), c.name()));
      }
      TreeMap<Integer, Double> intermediate = new TreeMap<>();
      for (Child c : sorted(3)) {
        intermediate.put((int) c.order(), decode(c.number(), c.name()));
      }
      Map<String, String> user = new LinkedHashMap<>();
      for (Child c : sorted(4)) {
        user.put(c.name(), (String) c.text());
      }
      Map<String, String> system = new LinkedHashMap<>();
      for (Child c : sorted(5)) {
        system.put(c.name(), (String) c.text());
      }
      return new FrozenTrial(id, number, state, values, start, end, params, distributions, intermediate, user,
          system);
    }
  }

  /** The number the study's next trial gets: the last trial's + 1 (one step down the index, not a count). */
  static int nextNumber(SqlSession s, long studyId) throws SQLException {
    try (ResultSet rs = s.query("SELECT number FROM trials WHERE study_id = ? ORDER BY trial_id DESC LIMIT 1",
        studyId)) {
      return rs.next() ? rs.getInt(1) + 1 : 0;
    }
  }

  /**
   * {@link Storage#bestTrials}: the ids of the best {@code limit} complete trials by objective 0
   * in one query over the values (an infinite value, stored as NULL, ranked by its sign first),
   * then those trials only.
   */
  static List<FrozenTrial> best(SqlSession s, long studyId, Direction direction, int limit) throws SQLException {
    String order = direction == Direction.MINIMIZE
        ? "CASE v.value_type WHEN 'INF_NEG' THEN 0 WHEN 'FINITE' THEN 1 ELSE 2 END, v.value"
        : "CASE v.value_type WHEN 'INF_POS' THEN 0 WHEN 'FINITE' THEN 1 ELSE 2 END, v.value DESC";
    List<Long> ids = new ArrayList<>();
    try (ResultSet rs = s.query("SELECT t.trial_id FROM trials t JOIN trial_values v ON v.trial_id = t.trial_id"
        + " AND v.objective = 0 WHERE t.study_id = ? AND t.state = 'COMPLETE' ORDER BY " + order + ", t.number"
        + " LIMIT ?", studyId, limit)) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, FrozenTrial> byId = new HashMap<>();
    for (FrozenTrial t : load(s, "trial_id IN (" + "?, ".repeat(ids.size() - 1) + "?)", ids.toArray())) {
      byId.put(t.id(), t);
    }
    return ids.stream().map(byId::get).toList();
  }

  /** The trials counting toward the study's total (see {@link Storage#countedTrials}). */
  static int counted(SqlSession s, long studyId) throws SQLException {
    try (ResultSet rs = s.query("SELECT count(*) FROM trials t WHERE t.study_id = ? AND t.state <> 'WAITING'"
        + " AND NOT (t.state = 'FAIL' AND EXISTS (SELECT 1 FROM trial_system_attributes a"
        + " WHERE a.trial_id = t.trial_id AND a.key = ?))", studyId, Storage.RETRIED_AS_ATTRIBUTE)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The number of the trial, which must be running. */
  static int requireRunning(SqlSession s, long trialId, String what) throws SQLException {
    try (ResultSet rs = s.query("SELECT number, state FROM trials WHERE trial_id = ?", trialId)) {
      if (!rs.next()) {
        throw new StorageException("no trial with id " + trialId + " in " + s.url());
      }
      int number = rs.getInt(1);
      String state = rs.getString(2);
      if (!TrialState.RUNNING.name().equals(state)) {
        throw new StorageException("cannot " + what + " trial " + number + " (id " + trialId + ") in " + s.url()
            + ": it is " + state + ", not RUNNING");
      }
      return number;
    }
  }

  // ---- writing trials ----

  /**
   * Stores a new trial from {@code template} with the study's next number, whole: state, times,
   * params, values, intermediate values, attributes.
   */
  static FrozenTrial insert(SqlSession s, long studyId, FrozenTrial template) throws SQLException {
    s.dialect.lockStudy(s, studyId);
    int number = nextNumber(s, studyId);
    Instant start = template.start() == null && template.state() != TrialState.WAITING ? Timestamps.now()
        : template.start();
    long id = s.insert("INSERT INTO trials (number, study_id, state, datetime_start, datetime_complete)"
        + " VALUES (?, ?, ?, ?, ?) RETURNING trial_id", number, studyId, template.state().name(), start,
        template.end());
    insertParams(s, id, template.params(), template.distributions());
    insertValues(s, id, template.values());
    for (Map.Entry<Integer, Double> e : template.intermediateValues().entrySet()) {
      upsertIntermediate(s, id, e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : template.userAttributes().entrySet()) {
      upsertTrialAttribute(s, "trial_user_attributes", id, e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : template.systemAttributes().entrySet()) {
      upsertTrialAttribute(s, "trial_system_attributes", id, e.getKey(), e.getValue());
    }
    return new FrozenTrial(id, number, template.state(), template.values(), start, template.end(),
        template.params(), template.distributions(), template.intermediateValues(), template.userAttributes(),
        template.systemAttributes());
  }

  /** Takes the oldest waiting trial, making it running now; empty if none is waiting (or free). */
  static Optional<Long> claimWaiting(SqlSession s, long studyId) throws SQLException {
    Long id = null;
    try (ResultSet rs = s.query("SELECT trial_id FROM trials WHERE study_id = ? AND state = 'WAITING'"
        + " ORDER BY trial_id LIMIT 1" + s.dialect.forUpdateSkipLocked(), studyId)) {
      if (rs.next()) {
        id = rs.getLong(1);
      }
    }
    if (id == null) {
      return Optional.empty();
    }
    int taken = s.update("UPDATE trials SET state = 'RUNNING', datetime_start = ? WHERE trial_id = ?"
        + " AND state = 'WAITING'", Timestamps.now(), id);
    return taken == 1 ? Optional.of(id) : Optional.empty();
  }

  // ---- tickets ----

  /**
   * Draws the next ticket of the study's counter {@code counter} (a study system attribute, see
   * {@link Storage#createTrialWithTicket}) and advances the counter, inside the caller's write
   * transaction, under the study's lock (taken here, before the counter is read: the lock every
   * creator of the study's trials takes) and on PostgreSQL the counter's row lock; empty, with
   * nothing written, if every ticket of {@code 0 .. limit - 1} is drawn.
   */
  static OptionalLong drawTicket(SqlSession s, long studyId, String counter, long limit) throws SQLException {
    s.dialect.lockStudy(s, studyId);
    String json = null;
    try (ResultSet rs = s.query("SELECT value_json FROM study_system_attributes WHERE study_id = ? AND key = ?"
        + s.dialect.forUpdate(), studyId, counter)) {
      if (rs.next()) {
        json = rs.getString(1);
      }
    }
    long ticket = Tickets.read(json, counter, "study " + studyId + " in " + s.url());
    if (ticket >= limit) {
      return OptionalLong.empty();
    }
    upsertStudyAttribute(s, "study_system_attributes", studyId, counter, Long.toString(ticket + 1));
    return OptionalLong.of(ticket);
  }

  /** {@link Storage#createTrialWithTicket}, inside the caller's write transaction. */
  static Optional<FrozenTrial> insertWithTicket(SqlSession s, long studyId, String counter, long limit,
      LongFunction<FrozenTrial> template) throws SQLException {
    OptionalLong ticket = drawTicket(s, studyId, counter, limit);
    if (ticket.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(insert(s, studyId, template.apply(ticket.getAsLong())));
  }

  // ---- starting trials ----

  /** {@link Storage#startTrial(long, int, Map, boolean)}, inside the caller's write transaction. */
  static Optional<FrozenTrial> start(SqlSession s, long studyId, int maxTrials, Map<String, String> systemAttributes,
      boolean heartbeat) throws SQLException {
    return start(s, studyId, maxTrials, systemAttributes, heartbeat, null);
  }

  /**
   * {@link Storage#startTrial(long, int, Map, boolean, Storage.TicketRequest)}, inside the
   * caller's write transaction: the total, then a waiting trial, then a new trial holding the next
   * ticket of {@code ticket} (if not null), all under the study's lock.
   */
  static Optional<FrozenTrial> start(SqlSession s, long studyId, int maxTrials, Map<String, String> systemAttributes,
      boolean heartbeat, Storage.TicketRequest ticket) throws SQLException {
    return start(s, studyId, maxTrials, systemAttributes, heartbeat, ticket, null);
  }

  /**
   * What starting a trial needs to know of a study: how many trials count towards its total
   * (all but waiting ones and failed ones that were retried), how many wait, the next number.
   */
  record StartCounts(int counted, int waiting, int next) {
    /** The counts after {@code started} was started with these. */
    StartCounts after(FrozenTrial started) {
      return started.number() == next ? new StartCounts(counted + 1, waiting, next + 1)
          : new StartCounts(counted + 1, waiting - 1, next);
    }
  }

  /** The study's {@link StartCounts}: one pass over its trials. */
  static StartCounts startCounts(SqlSession s, long studyId) throws SQLException {
    try (ResultSet rs = s.query("SELECT SUM(CASE WHEN t.state <> 'WAITING' AND NOT (t.state = 'FAIL' AND EXISTS"
        + " (SELECT 1 FROM trial_system_attributes a WHERE a.trial_id = t.trial_id AND a.key = ?)) THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN t.state = 'WAITING' THEN 1 ELSE 0 END), MAX(t.number) FROM trials t WHERE t.study_id = ?",
        Storage.RETRIED_AS_ATTRIBUTE, studyId)) {
      rs.next();
      int counted = rs.getInt(1);
      int waiting = rs.getInt(2);
      int last = rs.getInt(3);
      return new StartCounts(counted, waiting, rs.wasNull() ? 0 : last + 1);
    }
  }

  /**
   * As above, with the study's counts given when the caller knows them exactly (a SQLite
   * connection that holds the write lock and saw no other connection write since it counted);
   * {@code null}: counted here, after the study's lock.
   */
  static Optional<FrozenTrial> start(SqlSession s, long studyId, int maxTrials, Map<String, String> systemAttributes,
      boolean heartbeat, Storage.TicketRequest ticket, StartCounts known) throws SQLException {
    s.dialect.lockStudy(s, studyId);
    StartCounts counts = known != null ? known : startCounts(s, studyId);
    int counted = counts.counted();
    int waiting = counts.waiting();
    int next = counts.next();
    if (maxTrials > 0 && counted >= maxTrials) {
      return Optional.empty();
    }
    Optional<Long> claimed = waiting > 0 ? claimWaiting(s, studyId) : Optional.empty();
    if (claimed.isPresent()) {
      long id = claimed.get();
      upsertTrialAttributes(s, "trial_system_attributes", id, systemAttributes);
      if (heartbeat) {
        beat(s, id);
      }
      // Read back whole: a claimed trial has its fixed params and attributes, enqueued before.
      return Optional.of(load(s, id));
    }
    if (ticket != null) {
      OptionalLong drawn = drawTicket(s, studyId, ticket.counter(), ticket.limit());
      if (drawn.isEmpty()) {
        throw new TicketsExhaustedException(ticket.counter(), ticket.limit()); // rolls back: nothing written
      }
      Map<String, String> attributes = new LinkedHashMap<>(systemAttributes);
      attributes.putAll(ticket.systemAttributes().apply(drawn.getAsLong()));
      systemAttributes = attributes;
    }
    Instant start = Timestamps.now();
    long id = s.insert("INSERT INTO trials (number, study_id, state, datetime_start, datetime_complete)"
        + " VALUES (?, ?, 'RUNNING', ?, NULL) RETURNING trial_id", next, studyId, start);
    upsertTrialAttributes(s, "trial_system_attributes", id, systemAttributes);
    if (heartbeat) {
      s.update("INSERT INTO trial_heartbeats (trial_id, heartbeat) VALUES (?, " + s.dialect.now() + ")", id);
    }
    return Optional.of(new FrozenTrial(id, next, TrialState.RUNNING, List.of(), start, null, Map.of(), Map.of(),
        new TreeMap<>(), Map.of(), systemAttributes));
  }

  /**
   * Sets parameters of a running trial, each once (the same value again is no change), and
   * {@code userAttributes}: the trial's state and its parameters read in one statement.
   */
  static void setParams(SqlSession s, long trialId, Map<String, Double> internalValues,
      Map<String, Distribution> distributions, Map<String, String> userAttributes) throws SQLException {
    Map<String, Double> fresh;
    try (ResultSet rs = s.query("SELECT t.number, t.state, p.param_name, p.param_value FROM trials t"
        + " LEFT JOIN trial_params p ON p.trial_id = t.trial_id WHERE t.trial_id = ?", trialId)) {
      fresh = paramsToSet(s, trialId, rs, internalValues, distributions);
    }
    insertParams(s, trialId, fresh, distributions);
    upsertTrialAttributes(s, "trial_user_attributes", trialId, userAttributes);
  }

  /**
   * Of {@code internalValues}, those the trial does not have yet, from rows of its number, state,
   * and each parameter's name and value it has (one row with nulls if none); throws if there is no
   * such trial, it is not running, or it has one of the parameters with another value.
   */
  static Map<String, Double> paramsToSet(SqlSession s, long trialId, ResultSet rs, Map<String, Double> internalValues,
      Map<String, Distribution> distributions) throws SQLException {
    Integer number = null;
    String state = null;
    Map<String, Double> existing = new HashMap<>();
    while (rs.next()) {
      number = rs.getInt(1);
      state = rs.getString(2);
      if (rs.getString(3) != null) {
        existing.put(rs.getString(3), rs.getDouble(4));
      }
    }
    if (number == null) {
      throw new StorageException("no trial with id " + trialId + " in " + s.url());
    }
    if (!TrialState.RUNNING.name().equals(state)) {
      throw new StorageException("cannot set parameters of trial " + number + " (id " + trialId + ") in " + s.url()
          + ": it is " + state + ", not RUNNING");
    }
    Map<String, Double> fresh = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : internalValues.entrySet()) {
      Double old = existing.get(e.getKey());
      if (old == null) {
        fresh.put(e.getKey(), e.getValue());
      } else if (Double.compare(old, e.getValue()) != 0) {
        throw new StorageException("trial " + number + " already has parameter '" + e.getKey() + "' = "
            + distributions.get(e.getKey()).toExternal(old) + "; a parameter is set once per trial");
      }
    }
    return fresh;
  }

  /**
   * Finishes a running trial (a conditional update: of two workers finishing one trial, one
   * does), with its values and {@code systemAttributes}.
   */
  static FrozenTrial finish(SqlSession s, long trialId, TrialState state, List<Double> values,
      Map<String, String> systemAttributes) throws SQLException {
    int changed = s.update("UPDATE trials SET state = ?, datetime_complete = ? WHERE trial_id = ? AND state = 'RUNNING'",
        state.name(), Timestamps.now(), trialId);
    if (changed == 0) {
      requireRunning(s, trialId, "finish");
      throw new StorageException("trial id " + trialId + " in " + s.url() + " changed while it was finished");
    }
    insertValues(s, trialId, values);
    upsertTrialAttributes(s, "trial_system_attributes", trialId, systemAttributes);
    return load(s, trialId);
  }

  // ---- heartbeats ----

  /** Records the heartbeat of one trial if it is running; {@code false} if it is not. */
  static boolean beat(SqlSession s, long trialId) throws SQLException {
    return s.update("INSERT INTO trial_heartbeats (trial_id, heartbeat) SELECT trial_id, " + s.dialect.now()
        + " FROM trials WHERE trial_id = ? AND state = 'RUNNING'"
        + " ON CONFLICT (trial_id) DO UPDATE SET heartbeat = excluded.heartbeat", trialId) > 0;
  }

  static Set<Long> beat(SqlSession s, Collection<Long> trialIds) throws SQLException {
    Set<Long> notRunning = new HashSet<>();
    for (long id : trialIds) {
      if (!beat(s, id)) {
        notRunning.add(id);
      }
    }
    return notRunning;
  }

  static Map<Long, Duration> heartbeatAges(SqlSession s, long studyId) throws SQLException {
    Map<Long, Duration> ages = new LinkedHashMap<>();
    try (ResultSet rs = s.query("SELECT t.trial_id, " + s.dialect.secondsSince("h.heartbeat")
        + " FROM trials t JOIN trial_heartbeats h ON h.trial_id = t.trial_id"
        + " WHERE t.study_id = ? AND t.state = 'RUNNING' ORDER BY t.trial_id", studyId)) {
      while (rs.next()) {
        ages.put(rs.getLong(1), Duration.ofNanos((long) (rs.getDouble(2) * 1e9)));
      }
    }
    return ages;
  }

  /** {@link Storage#failStaleTrial}, inside the caller's write transaction. */
  static Optional<FrozenTrial> failStale(SqlSession s, long studyId, long trialId, Duration grace,
      Map<String, String> systemAttributes, FrozenTrial retry) throws SQLException {
    // The study first, as every creator of trials takes it: then the trial's row.
    s.dialect.lockStudy(s, studyId);
    int changed = s.update("UPDATE trials SET state = 'FAIL', datetime_complete = ? WHERE trial_id = ?"
        + " AND study_id = ? AND state = 'RUNNING' AND EXISTS (SELECT 1 FROM trial_heartbeats h"
        + " WHERE h.trial_id = trials.trial_id AND " + s.dialect.secondsSince("h.heartbeat") + " > ?)",
        Timestamps.now(), trialId, studyId, grace.toNanos() / 1e9);
    if (changed == 0) {
      return Optional.empty();
    }
    Map<String, String> attributes = new LinkedHashMap<>(systemAttributes);
    if (retry != null) {
      FrozenTrial created = insert(s, studyId, retry);
      attributes.put(Storage.RETRIED_AS_ATTRIBUTE, Integer.toString(created.number()));
    }
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      upsertTrialAttribute(s, "trial_system_attributes", trialId, e.getKey(), e.getValue());
    }
    return Optional.of(load(s, trialId));
  }

  // ---- rows of a trial ----

  static void insertParams(SqlSession s, long trialId, Map<String, Double> params,
      Map<String, Distribution> distributions) throws SQLException {
    if (params.isEmpty()) {
      return;
    }
    PreparedStatement ps = s.prepare("INSERT INTO trial_params (trial_id, param_name, param_value,"
        + " distribution_json) VALUES (?, ?, ?, ?)");
    for (Map.Entry<String, Double> e : params.entrySet()) {
      Distribution d = distributions.get(e.getKey());
      if (d == null) {
        throw new IllegalArgumentException("parameter '" + e.getKey() + "' has no distribution");
      }
      s.bind(ps, trialId, e.getKey(), e.getValue(), DistributionJson.write(d));
      ps.addBatch();
    }
    ps.executeBatch();
  }

  static void insertValues(SqlSession s, long trialId, List<Double> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      double v = values.get(i);
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("objective " + i + " of trial id " + trialId + " is NaN; a NaN value"
            + " marks a trial failed, it is not stored");
      }
      s.update("INSERT INTO trial_values (trial_id, objective, value, value_type) VALUES (?, ?, ?, ?)",
          trialId, i, Double.isInfinite(v) ? null : v, valueType(v));
    }
  }

  static void upsertIntermediate(SqlSession s, long trialId, int step, double value) throws SQLException {
    s.update("INSERT INTO trial_intermediate_values (trial_id, step, intermediate_value, intermediate_value_type)"
        + " VALUES (?, ?, ?, ?) ON CONFLICT (trial_id, step) DO UPDATE SET intermediate_value ="
        + " excluded.intermediate_value, intermediate_value_type = excluded.intermediate_value_type",
        trialId, step, Double.isFinite(value) ? value : null, Double.isNaN(value) ? "NAN" : valueType(value));
  }

  /** Several attributes of one trial in one batch (one round trip). */
  static void upsertTrialAttributes(SqlSession s, String table, long trialId, Map<String, String> attributes)
      throws SQLException {
    if (attributes.isEmpty()) {
      return;
    }
    if (attributes.size() == 1) {
      Map.Entry<String, String> e = attributes.entrySet().iterator().next();
      upsertTrialAttribute(s, table, trialId, e.getKey(), e.getValue());
      return;
    }
    PreparedStatement ps = s.prepare("INSERT INTO " + table + " (trial_id, key, value_json) VALUES (?, ?, ?)"
        + " ON CONFLICT (trial_id, key) DO UPDATE SET value_json = excluded.value_json");
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      s.bind(ps, trialId, e.getKey(), e.getValue());
      ps.addBatch();
    }
    ps.executeBatch();
  }

  static int upsertTrialAttribute(SqlSession s, String table, long trialId, String key, String json)
      throws SQLException {
    return s.update("INSERT INTO " + table + " (trial_id, key, value_json) VALUES (?, ?, ?)"
        + " ON CONFLICT (trial_id, key) DO UPDATE SET value_json = excluded.value_json", trialId, key, json);
  }

  /** Optuna's value types: a finite value in the column, an infinite one as NULL and its sign. */
  private static String valueType(double v) {
    return v == Double.POSITIVE_INFINITY ? "INF_POS" : v == Double.NEGATIVE_INFINITY ? "INF_NEG" : "FINITE";
  }

  private static double decode(double value, String type) {
    return switch (type) {
      case "INF_POS" -> Double.POSITIVE_INFINITY;
      case "INF_NEG" -> Double.NEGATIVE_INFINITY;
      case "NAN" -> Double.NaN;
      default -> value;
    };
  }
}
