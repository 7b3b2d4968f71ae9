package io.paramspace.study.storage;

import io.paramspace.runtime.Distribution;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.TrialState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A storage in one SQLite file, in Optuna's RDB schema ({@link SqliteSchema}), so that Python's
 * Optuna reads and continues the same studies. WAL journal, so readers never block the writer and
 * several processes can share the file; {@code synchronous=NORMAL}, so a told trial survives the
 * death of its process (not a power cut). Writes run in {@code BEGIN IMMEDIATE} transactions; every
 * statement binds its values.
 *
 * <p>Finished trials are cached per study. A call to {@link #finishedTrials} first asks SQLite
 * whether another connection wrote since ({@code PRAGMA data_version}, no table read); only then
 * does it read the trials that are new or were unfinished, so an ask costs the same number of
 * statements at 100,000 trials as at 1,000.
 */
public final class SqliteStorage implements Storage {
  private static final Logger log = LoggerFactory.getLogger(SqliteStorage.class);
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final String TRIAL_COLUMNS = "trial_id, number, state, datetime_start, datetime_complete";

  private final Path file;
  private final String url;
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final Map<Long, StudyCache> caches = new HashMap<>();
  private boolean inTransaction;
  private long statementCount;

  /** What this connection knows of one study's trials. */
  private static final class StudyCache {
    final AppendOnlyList<FrozenTrial> finished = new AppendOnlyList<>();
    final Map<Long, Integer> finishedIndex = new HashMap<>();
    /** Trials seen running or waiting, by id: the only old rows a refresh reads again. */
    final TreeMap<Long, TrialState> unfinished = new TreeMap<>();
    /** The last trial id a refresh read; rows after it are new to this cache. */
    long maxSeenId;
    long dataVersion = Long.MIN_VALUE;
  }

  private SqliteStorage(Path file, Connection connection) {
    this.file = file;
    this.url = "sqlite:" + file;
    this.connection = connection;
  }

  /**
   * Opens (and, unless {@code readOnly}, creates) the study database {@code file}.
   *
   * @throws StorageException naming the file if its directory does not exist, it is not a SQLite
   *     database, it is not an Optuna study database, or its schema is one this version does not
   *     read
   */
  public static SqliteStorage open(Path file, boolean readOnly) {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new StorageException("cannot open study database " + file + ": the directory " + dir
          + " does not exist; create it first (mkdir -p " + dir + ") or choose another path");
    }
    boolean exists = Files.exists(absolute);
    if (readOnly && !exists) {
      throw new StorageException("no study database " + file + " (the file does not exist)");
    }
    if (exists) {
      checkHeader(file);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(30_000);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    Connection connection;
    try {
      connection = config.createConnection("jdbc:sqlite:" + absolute);
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw new StorageException("cannot open study database " + file + ": " + e.getMessage(), e);
    }
    SqliteStorage storage = new SqliteStorage(file, connection);
    try {
      storage.prepareSchema(readOnly);
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
    return storage;
  }

  private static void checkHeader(Path file) {
    byte[] header = new byte[SQLITE_HEADER.length];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(header, 0, header.length);
    } catch (IOException e) {
      throw new StorageException("cannot read study database " + file + ": " + e.getMessage(), e);
    }
    if (read > 0 && (read < header.length || !Arrays.equals(header, SQLITE_HEADER))) {
      throw new StorageException(file + " is not a SQLite database (it does not start with the SQLite"
          + " header); give the path of a study database, or a new file name to create one");
    }
  }

  /** Checks (in autocommit mode, changing nothing) what the file holds, then creates the schema if empty. */
  private void prepareSchema(boolean readOnly) {
    try {
      List<String> tables = new ArrayList<>();
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      if (tables.isEmpty()) {
        if (readOnly) {
          throw new StorageException(file + " holds no studies (it is an empty database)");
        }
        createSchema();
        return;
      }
      if (!tables.containsAll(List.of("studies", "trials", "trial_params", "version_info", "alembic_version"))) {
        throw new StorageException(file + " is a SQLite database but not an Optuna study database (its tables"
            + " are " + tables + "); give the path of a study database, or a new file name to create one");
      }
      checkVersion();
      if (!readOnly) {
        execute("PRAGMA journal_mode=WAL");
      }
    } catch (SQLException e) {
      throw sqlError("open", e);
    }
  }

  /** The whole schema in one transaction: a crash leaves an empty file, never half a schema. */
  private void createSchema() throws SQLException {
    // WAL is a property of the file: set it before the first write, outside a transaction.
    execute("PRAGMA journal_mode=WAL");
    write(() -> {
      try (Statement s = connection.createStatement()) {
        for (String ddl : SqliteSchema.DDL) {
          s.execute(ddl);
        }
      }
      update("INSERT INTO version_info (version_info_id, schema_version, library_version) VALUES (?, ?, ?)",
          1, SqliteSchema.SCHEMA_VERSION, libraryVersion());
      update("INSERT INTO alembic_version (version_num) VALUES (?)", SqliteSchema.HEAD);
      return null;
    });
  }

  private static String libraryVersion() {
    String version = SqliteStorage.class.getPackage().getImplementationVersion();
    return "paramspace " + (version == null ? "0.1.0-SNAPSHOT" : version);
  }

  private void checkVersion() throws SQLException {
    Integer schemaVersion = null;
    String library = null;
    String revision = null;
    try (ResultSet rs = query("SELECT schema_version, library_version FROM version_info WHERE version_info_id = ?", 1)) {
      if (rs.next()) {
        schemaVersion = rs.getInt(1);
        library = rs.getString(2);
      }
    }
    try (ResultSet rs = query("SELECT version_num FROM alembic_version")) {
      if (rs.next()) {
        revision = rs.getString(1);
      }
    }
    if (SqliteSchema.READABLE.contains(revision) && Integer.valueOf(SqliteSchema.SCHEMA_VERSION).equals(schemaVersion)) {
      return;
    }
    String writer = " (written by " + (library == null ? "an unknown version" : library) + ", schema revision "
        + revision + ", schema version " + schemaVersion + ")";
    if (SqliteSchema.OLDER.contains(revision) || (schemaVersion != null && schemaVersion < SqliteSchema.SCHEMA_VERSION)) {
      throw new StorageException(file + " has the schema of an older Optuna" + writer + "; upgrade it with"
          + " `optuna storage upgrade --storage sqlite:///" + file + "`, then open it again");
    }
    throw new StorageException(file + " has a newer schema than this Paramspace reads" + writer + "; it reads"
        + " revisions " + SqliteSchema.READABLE + " (Optuna 3.0 to 5.x); use a newer Paramspace. The file was"
        + " not changed");
  }

  @Override
  public String url() {
    return url;
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  // ---- studies ----

  @Override
  public synchronized StudyRecord createStudy(String name, List<Direction> directions) {
    return write(() -> {
      try (ResultSet rs = query("SELECT study_id FROM studies WHERE study_name = ?", name)) {
        if (rs.next()) {
          throw new StorageException("a study named '" + name + "' already exists in " + url);
        }
      }
      long id = insert("INSERT INTO studies (study_name) VALUES (?)", name);
      for (int i = 0; i < directions.size(); i++) {
        update("INSERT INTO study_directions (direction, study_id, objective) VALUES (?, ?, ?)",
            directions.get(i).name(), id, i);
      }
      return new StudyRecord(id, name, directions);
    });
  }

  @Override
  public synchronized Optional<StudyRecord> findStudy(String name) {
    return read(() -> {
      Long id = null;
      try (ResultSet rs = query("SELECT study_id FROM studies WHERE study_name = ?", name)) {
        if (rs.next()) {
          id = rs.getLong(1);
        }
      }
      return id == null ? Optional.<StudyRecord>empty() : Optional.of(new StudyRecord(id, name, directions(id)));
    });
  }

  @Override
  public synchronized List<StudyRecord> studies() {
    return read(() -> {
      Map<Long, String> names = new LinkedHashMap<>();
      try (ResultSet rs = query("SELECT study_id, study_name FROM studies ORDER BY study_id")) {
        while (rs.next()) {
          names.put(rs.getLong(1), rs.getString(2));
        }
      }
      List<StudyRecord> records = new ArrayList<>();
      for (Map.Entry<Long, String> e : names.entrySet()) {
        records.add(new StudyRecord(e.getKey(), e.getValue(), directions(e.getKey())));
      }
      return records;
    });
  }

  private List<Direction> directions(long studyId) throws SQLException {
    List<Direction> directions = new ArrayList<>();
    try (ResultSet rs = query("SELECT direction FROM study_directions WHERE study_id = ? ORDER BY objective", studyId)) {
      while (rs.next()) {
        String direction = rs.getString(1);
        if ("NOT_SET".equals(direction)) {
          throw new StorageException("study " + studyId + " in " + file + " has the direction NOT_SET (an"
              + " Optuna study created but never set up); set its direction in Optuna first");
        }
        directions.add(Direction.valueOf(direction));
      }
    }
    return directions;
  }

  @Override
  public synchronized void deleteStudy(long studyId) {
    write(() -> {
      String trialsOf = " WHERE trial_id IN (SELECT trial_id FROM trials WHERE study_id = ?)";
      for (String table : List.of("trial_params", "trial_values", "trial_intermediate_values",
          "trial_user_attributes", "trial_system_attributes", "trial_heartbeats")) {
        update("DELETE FROM " + table + trialsOf, studyId);
      }
      for (String table : List.of("trials", "study_directions", "study_user_attributes",
          "study_system_attributes", "studies")) {
        update("DELETE FROM " + table + " WHERE study_id = ?", studyId);
      }
      return null;
    });
    caches.remove(studyId);
  }

  @Override
  public synchronized Map<String, String> studyUserAttributes(long studyId) {
    return read(() -> attributes("SELECT key, value_json FROM study_user_attributes WHERE study_id = ?", studyId));
  }

  @Override
  public synchronized Map<String, String> studySystemAttributes(long studyId) {
    return read(() -> attributes("SELECT key, value_json FROM study_system_attributes WHERE study_id = ?", studyId));
  }

  private Map<String, String> attributes(String sql, long id) throws SQLException {
    Map<String, String> attributes = new LinkedHashMap<>();
    try (ResultSet rs = query(sql, id)) {
      while (rs.next()) {
        attributes.put(rs.getString(1), rs.getString(2));
      }
    }
    return attributes;
  }

  @Override
  public synchronized void setStudyUserAttribute(long studyId, String key, String json) {
    write(() -> update("INSERT INTO study_user_attributes (study_id, key, value_json) VALUES (?, ?, ?)"
        + " ON CONFLICT (study_id, key) DO UPDATE SET value_json = excluded.value_json", studyId, key, json));
  }

  @Override
  public synchronized void setStudySystemAttribute(long studyId, String key, String json) {
    write(() -> update("INSERT INTO study_system_attributes (study_id, key, value_json) VALUES (?, ?, ?)"
        + " ON CONFLICT (study_id, key) DO UPDATE SET value_json = excluded.value_json", studyId, key, json));
  }

  // ---- trials ----

  @Override
  public synchronized FrozenTrial createTrial(long studyId, FrozenTrial template) {
    FrozenTrial trial = write(() -> insertTrial(studyId, template));
    cacheCreated(studyId, trial);
    return trial;
  }

  @Override
  public synchronized Optional<FrozenTrial> createTrialWithTicket(long studyId, String counter, long limit,
      LongFunction<FrozenTrial> template) {
    // BEGIN IMMEDIATE takes the write lock before the counter is read: no other connection can
    // draw the same ticket, and the counter and the trial commit together.
    Optional<FrozenTrial> trial = write(() -> {
      String json = null;
      try (ResultSet rs = query("SELECT value_json FROM study_system_attributes WHERE study_id = ? AND key = ?",
          studyId, counter)) {
        if (rs.next()) {
          json = rs.getString(1);
        }
      }
      long ticket = Tickets.read(json, counter, "study id " + studyId + " in " + url);
      if (ticket >= limit) {
        return Optional.<FrozenTrial>empty();
      }
      FrozenTrial created = insertTrial(studyId, template.apply(ticket));
      update("INSERT INTO study_system_attributes (study_id, key, value_json) VALUES (?, ?, ?)"
          + " ON CONFLICT (study_id, key) DO UPDATE SET value_json = excluded.value_json", studyId, counter,
          Long.toString(ticket + 1));
      return Optional.of(created);
    });
    trial.ifPresent(t -> cacheCreated(studyId, t));
    return trial;
  }

  /** Inserts a trial from {@code template}, numbered next, inside the caller's write transaction. */
  private FrozenTrial insertTrial(long studyId, FrozenTrial template) throws SQLException {
    int number = 0;
    // The last trial's number + 1: one step down the trials(study_id) index, not a count.
    try (ResultSet rs = query("SELECT number FROM trials WHERE study_id = ? ORDER BY trial_id DESC LIMIT 1", studyId)) {
      if (rs.next()) {
        number = rs.getInt(1) + 1;
      }
    }
    Instant start = template.start() == null && template.state() != TrialState.WAITING ? Timestamps.now() : template.start();
    long id = insert("INSERT INTO trials (number, study_id, state, datetime_start, datetime_complete) VALUES (?, ?, ?, ?, ?)",
        number, studyId, template.state().name(), Timestamps.write(start), Timestamps.write(template.end()));
    FrozenTrial created = new FrozenTrial(id, number, template.state(), template.values(), start, template.end(),
        template.params(), template.distributions(), template.intermediateValues(), template.userAttributes(),
        template.systemAttributes());
    insertParams(id, template.params(), template.distributions());
    insertValues(id, template.values());
    for (Map.Entry<Integer, Double> e : template.intermediateValues().entrySet()) {
      upsertIntermediate(id, e.getKey(), e.getValue());
    }
    insertTrialAttributes("trial_user_attributes", id, template.userAttributes());
    insertTrialAttributes("trial_system_attributes", id, template.systemAttributes());
    return created;
  }

  private void cacheCreated(long studyId, FrozenTrial trial) {
    StudyCache cache = caches.get(studyId);
    if (cache != null) {
      // maxSeenId moves only on refresh: other connections may have inserted rows below this one.
      if (trial.state().isFinished()) {
        cache.finishedIndex.put(trial.id(), cache.finished.add(trial));
      } else {
        cache.unfinished.put(trial.id(), trial.state());
      }
    }
  }

  @Override
  public synchronized Optional<FrozenTrial> claimWaitingTrial(long studyId) {
    StudyCache cache = refresh(studyId);
    for (Map.Entry<Long, TrialState> e : cache.unfinished.entrySet()) {
      if (e.getValue() != TrialState.WAITING) {
        continue;
      }
      long id = e.getKey();
      Instant start = Timestamps.now();
      // Conditional on WAITING: another worker may have taken it since this cache saw it.
      int taken = write(() -> update("UPDATE trials SET state = ?, datetime_start = ? WHERE trial_id = ? AND state = ?",
          TrialState.RUNNING.name(), Timestamps.write(start), id, TrialState.WAITING.name()));
      e.setValue(TrialState.RUNNING);
      if (taken == 1) {
        return Optional.of(trial(id));
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void setParams(long trialId, Map<String, Double> internalValues,
      Map<String, Distribution> distributions) {
    write(() -> {
      setParamsOf(trialId, internalValues, distributions);
      return null;
    });
  }

  /** setParams inside the caller's write transaction. */
  private void setParamsOf(long trialId, Map<String, Double> internalValues, Map<String, Distribution> distributions)
      throws SQLException {
    int number = requireRunning(trialId, "set parameters of");
    Map<String, Double> existing = new HashMap<>();
    try (ResultSet rs = query("SELECT param_name, param_value FROM trial_params WHERE trial_id = ?", trialId)) {
      while (rs.next()) {
        existing.put(rs.getString(1), rs.getDouble(2));
      }
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
    insertParams(trialId, fresh, distributions);
  }

  @Override
  public synchronized void setParams(long trialId, Map<String, Double> internalValues,
      Map<String, Distribution> distributions, Map<String, String> userAttributes) {
    write(() -> {
      setParamsOf(trialId, internalValues, distributions);
      for (Map.Entry<String, String> e : userAttributes.entrySet()) {
        upsertTrialAttribute("trial_user_attributes", trialId, e.getKey(), e.getValue());
      }
      return null;
    });
    userAttributes.forEach((key, json) -> updateCached(trialId, t -> t.withUserAttribute(key, json)));
  }

  @Override
  public synchronized void setIntermediateValue(long trialId, int step, double value) {
    write(() -> {
      requireRunning(trialId, "report a value to");
      upsertIntermediate(trialId, step, value);
      return null;
    });
  }

  @Override
  public synchronized void setTrialUserAttribute(long trialId, String key, String json) {
    write(() -> upsertTrialAttribute("trial_user_attributes", trialId, key, json));
    updateCached(trialId, t -> t.withUserAttribute(key, json));
  }

  @Override
  public synchronized void setTrialSystemAttribute(long trialId, String key, String json) {
    write(() -> upsertTrialAttribute("trial_system_attributes", trialId, key, json));
    updateCached(trialId, t -> t.withSystemAttribute(key, json));
  }

  private void updateCached(long trialId, java.util.function.UnaryOperator<FrozenTrial> change) {
    for (StudyCache cache : caches.values()) {
      Integer index = cache.finishedIndex.get(trialId);
      if (index != null) {
        cache.finished.replace(index, change.apply(cache.finished.snapshot().get(index)));
      }
    }
  }

  @Override
  public synchronized FrozenTrial finishTrial(long trialId, TrialState state, List<Double> values) {
    if (!state.isFinished()) {
      throw new IllegalArgumentException("finishTrial takes COMPLETE, PRUNED or FAIL, not " + state);
    }
    FrozenTrial finished = write(() -> {
      // Conditional on RUNNING: one statement; the state is read only to say why it failed.
      int changed = update("UPDATE trials SET state = ?, datetime_complete = ? WHERE trial_id = ? AND state = ?",
          state.name(), Timestamps.write(Timestamps.now()), trialId, TrialState.RUNNING.name());
      if (changed == 0) {
        requireRunning(trialId, "finish");
        throw new StorageException("trial id " + trialId + " in " + url + " could not be finished");
      }
      insertValues(trialId, values);
      return loadTrial(trialId);
    });
    for (StudyCache cache : caches.values()) {
      if (cache.unfinished.remove(trialId) != null && !cache.finishedIndex.containsKey(trialId)) {
        cache.finishedIndex.put(trialId, cache.finished.add(finished));
      }
    }
    return finished;
  }

  /** The number of the trial, which must be running (one indexed read, not the whole trial). */
  private int requireRunning(long trialId, String what) throws SQLException {
    try (ResultSet rs = query("SELECT number, state FROM trials WHERE trial_id = ?", trialId)) {
      if (!rs.next()) {
        throw new StorageException("no trial with id " + trialId + " in " + url);
      }
      int number = rs.getInt(1);
      String state = rs.getString(2);
      if (!TrialState.RUNNING.name().equals(state)) {
        throw new StorageException("cannot " + what + " trial " + number + " (id " + trialId + ") in " + url
            + ": it is " + state + ", not RUNNING");
      }
      return number;
    }
  }

  @Override
  public synchronized FrozenTrial trial(long trialId) {
    return read(() -> loadTrial(trialId));
  }

  private FrozenTrial loadTrial(long trialId) throws SQLException {
    List<FrozenTrial> trials = loadTrials("trial_id = ?", trialId);
    if (trials.isEmpty()) {
      throw new StorageException("no trial with id " + trialId + " in " + url);
    }
    return trials.get(0);
  }

  @Override
  public synchronized List<FrozenTrial> trials(long studyId) {
    return read(() -> loadTrials("study_id = ?", studyId));
  }

  @Override
  public synchronized List<FrozenTrial> trials(long studyId, TrialState state) {
    return read(() -> loadTrials("study_id = ? AND state = ?", studyId, state.name()));
  }

  @Override
  public synchronized List<FrozenTrial> finishedTrials(long studyId) {
    return refresh(studyId).finished.snapshot();
  }

  @Override
  public synchronized List<FrozenTrial> bestTrials(long studyId, Direction direction, int limit) {
    // Infinite values are stored as NULL with their sign in value_type: rank them by it first.
    String order = direction == Direction.MINIMIZE
        ? "CASE v.value_type WHEN 'INF_NEG' THEN 0 WHEN 'FINITE' THEN 1 ELSE 2 END, v.value"
        : "CASE v.value_type WHEN 'INF_POS' THEN 0 WHEN 'FINITE' THEN 1 ELSE 2 END, v.value DESC";
    return read(() -> {
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = query("SELECT t.trial_id FROM trials t JOIN trial_values v ON v.trial_id = t.trial_id"
          + " AND v.objective = 0 WHERE t.study_id = ? AND t.state = ? ORDER BY " + order + ", t.number LIMIT ?",
          studyId, TrialState.COMPLETE.name(), limit)) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      if (ids.isEmpty()) {
        return List.<FrozenTrial>of();
      }
      Map<Long, FrozenTrial> byId = new HashMap<>();
      String in = "trial_id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")";
      for (FrozenTrial t : loadTrials(in, ids.toArray())) {
        byId.put(t.id(), t);
      }
      return ids.stream().map(byId::get).toList();
    });
  }

  @Override
  public synchronized int trialCount(long studyId) {
    return read(() -> {
      try (ResultSet rs = query("SELECT number FROM trials WHERE study_id = ? ORDER BY trial_id DESC LIMIT 1", studyId)) {
        return rs.next() ? rs.getInt(1) + 1 : 0;
      }
    });
  }

  /** Brings the study's cache up to date with what other connections wrote. */
  private StudyCache refresh(long studyId) {
    StudyCache cache = caches.computeIfAbsent(studyId, id -> new StudyCache());
    // One statement, no transaction, when nothing changed: the common case of an ask.
    long version;
    try (ResultSet rs = query("PRAGMA data_version")) {
      rs.next();
      version = rs.getLong(1);
    } catch (SQLException e) {
      throw sqlError("use", e);
    }
    if (version == cache.dataVersion) {
      return cache;
    }
    read(() -> {
      long from = cache.unfinished.isEmpty() ? cache.maxSeenId + 1 : Math.min(cache.unfinished.firstKey(), cache.maxSeenId + 1);
      // Reads the rows that are new or were unfinished; finished rows before them never change.
      for (FrozenTrial t : loadTrials("study_id = ? AND trial_id >= ?", studyId, from)) {
        cache.maxSeenId = Math.max(cache.maxSeenId, t.id());
        if (t.state().isFinished()) {
          cache.unfinished.remove(t.id());
          if (!cache.finishedIndex.containsKey(t.id())) {
            cache.finishedIndex.put(t.id(), cache.finished.add(t));
          }
        } else {
          cache.unfinished.put(t.id(), t.state());
        }
      }
      cache.dataVersion = version;
      return null;
    });
    return cache;
  }

  /**
   * The trials matching {@code where} (over the trials table), whole: six statements whatever
   * their number, each parameter's distribution read once per distinct text.
   */
  private List<FrozenTrial> loadTrials(String where, Object... args) throws SQLException {
    Map<Long, Row> rows = new LinkedHashMap<>();
    try (ResultSet rs = query("SELECT " + TRIAL_COLUMNS + " FROM trials WHERE " + where + " ORDER BY trial_id", args)) {
      // Each row is read by a method of its own: in a fresh process the JIT compiles a small method
      // after a few hundred calls, where a loop body waits for tens of thousands of iterations.
      while (rs.next()) {
        readTrialRow(rs, rows);
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    String ids = where.equals("trial_id = ?") ? " WHERE trial_id = ?"
        : " WHERE trial_id IN (SELECT trial_id FROM trials WHERE " + where + ")";
    try (ResultSet rs = query("SELECT trial_id, param_name, param_value, distribution_json FROM trial_params" + ids
        + " ORDER BY param_id", args)) {
      while (rs.next()) {
        readParamRow(rs, rows);
      }
    }
    try (ResultSet rs = query("SELECT trial_id, objective, value, value_type FROM trial_values" + ids
        + " ORDER BY trial_id, objective", args)) {
      while (rs.next()) {
        readValueRow(rs, rows);
      }
    }
    try (ResultSet rs = query("SELECT trial_id, step, intermediate_value, intermediate_value_type"
        + " FROM trial_intermediate_values" + ids, args)) {
      while (rs.next()) {
        readIntermediateRow(rs, rows);
      }
    }
    for (String table : List.of("trial_user_attributes", "trial_system_attributes")) {
      try (ResultSet rs = query("SELECT trial_id, key, value_json FROM " + table + ids
          + " ORDER BY " + table.substring(0, table.length() - 1) + "_id", args)) {
        boolean user = table.startsWith("trial_user");
        while (rs.next()) {
          readAttributeRow(rs, rows, user);
        }
      }
    }
    List<FrozenTrial> trials = new ArrayList<>(rows.size());
    for (Row row : rows.values()) {
      trials.add(new FrozenTrial(row.id, row.number, row.state, row.values, row.start, row.end, row.params,
          row.distributions, row.intermediate, row.user, row.system));
    }
    return trials;
  }

  private static void readTrialRow(ResultSet rs, Map<Long, Row> rows) throws SQLException {
    Row row = new Row(rs.getLong(1), rs.getInt(2), TrialState.valueOf(rs.getString(3)),
        Timestamps.read(rs.getString(4)), Timestamps.read(rs.getString(5)));
    rows.put(row.id, row);
  }

  private static void readParamRow(ResultSet rs, Map<Long, Row> rows) throws SQLException {
    Row row = rows.get(rs.getLong(1));
    String name = rs.getString(2);
    row.params.put(name, rs.getDouble(3));
    row.distributions.put(name, DistributionJson.read(rs.getString(4)));
  }

  private static void readValueRow(ResultSet rs, Map<Long, Row> rows) throws SQLException {
    rows.get(rs.getLong(1)).values.add(decode(rs.getDouble(3), rs.getString(4)));
  }

  private static void readIntermediateRow(ResultSet rs, Map<Long, Row> rows) throws SQLException {
    rows.get(rs.getLong(1)).intermediate.put(rs.getInt(2), decode(rs.getDouble(3), rs.getString(4)));
  }

  private static void readAttributeRow(ResultSet rs, Map<Long, Row> rows, boolean user) throws SQLException {
    Row row = rows.get(rs.getLong(1));
    (user ? row.user : row.system).put(rs.getString(2), rs.getString(3));
  }

  /** One trial being assembled from the rows of several tables. */
  private static final class Row {
    final long id;
    final int number;
    final TrialState state;
    final Instant start;
    final Instant end;
    final Map<String, Double> params = new LinkedHashMap<>();
    final Map<String, Distribution> distributions = new LinkedHashMap<>();
    final List<Double> values = new ArrayList<>();
    final TreeMap<Integer, Double> intermediate = new TreeMap<>();
    final Map<String, String> user = new LinkedHashMap<>();
    final Map<String, String> system = new LinkedHashMap<>();

    Row(long id, int number, TrialState state, Instant start, Instant end) {
      this.id = id;
      this.number = number;
      this.state = state;
      this.start = start;
      this.end = end;
    }
  }

  private void insertParams(long trialId, Map<String, Double> params, Map<String, Distribution> distributions)
      throws SQLException {
    if (params.isEmpty()) {
      return;
    }
    List<Object> args = new ArrayList<>(4 * params.size());
    for (Map.Entry<String, Double> e : params.entrySet()) {
      Distribution d = distributions.get(e.getKey());
      if (d == null) {
        throw new IllegalArgumentException("parameter '" + e.getKey() + "' has no distribution");
      }
      args.add(trialId);
      args.add(e.getKey());
      args.add(e.getValue());
      args.add(DistributionJson.write(d));
    }
    insertRows("INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) VALUES ", 4, args, "");
  }

  /**
   * Inserts rows of {@code width} values each ({@code args} in row order) with one multi-row
   * statement per {@value #ROWS_PER_INSERT} rows: one statement where a batch runs one per row.
   */
  private void insertRows(String insert, int width, List<Object> args, String suffix) throws SQLException {
    int rows = args.size() / width;
    for (int from = 0; from < rows; from += ROWS_PER_INSERT) {
      int n = Math.min(ROWS_PER_INSERT, rows - from);
      String row = "(" + "?, ".repeat(width - 1) + "?)";
      StringBuilder sql = new StringBuilder(insert);
      for (int i = 0; i < n; i++) {
        sql.append(i == 0 ? "" : ", ").append(row);
      }
      sql.append(suffix);
      update(sql.toString(), args.subList(from * width, (from + n) * width).toArray());
    }
  }

  private static final int ROWS_PER_INSERT = 100;

  private void insertValues(long trialId, List<Double> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      double v = values.get(i);
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("objective " + i + " of trial id " + trialId + " is NaN; a NaN value"
            + " marks a trial failed, it is not stored");
      }
      update("INSERT INTO trial_values (trial_id, objective, value, value_type) VALUES (?, ?, ?, ?)",
          trialId, i, Double.isInfinite(v) ? null : v, valueType(v));
    }
  }

  private void upsertIntermediate(long trialId, int step, double value) throws SQLException {
    update("INSERT INTO trial_intermediate_values (trial_id, step, intermediate_value, intermediate_value_type)"
        + " VALUES (?, ?, ?, ?) ON CONFLICT (trial_id, step) DO UPDATE SET intermediate_value ="
        + " excluded.intermediate_value, intermediate_value_type = excluded.intermediate_value_type",
        trialId, step, Double.isFinite(value) ? value : null, Double.isNaN(value) ? "NAN" : valueType(value));
  }

  private void insertTrialAttributes(String table, long trialId, Map<String, String> attributes) throws SQLException {
    if (attributes.isEmpty()) {
      return;
    }
    List<Object> args = new ArrayList<>(3 * attributes.size());
    attributes.forEach((key, json) -> {
      args.add(trialId);
      args.add(key);
      args.add(json);
    });
    insertRows("INSERT INTO " + table + " (trial_id, key, value_json) VALUES ", 3, args,
        " ON CONFLICT (trial_id, key) DO UPDATE SET value_json = excluded.value_json");
  }

  private int upsertTrialAttribute(String table, long trialId, String key, String json) throws SQLException {
    return update("INSERT INTO " + table + " (trial_id, key, value_json) VALUES (?, ?, ?)"
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

  // ---- JDBC plumbing ----

  @FunctionalInterface
  private interface Work<T> {
    T run() throws SQLException;
  }

  // Transactions are begun by hand, in autocommit mode: the driver's own transactions (autocommit
  // off) begin the next one right after each commit, which would hold the file's lock between calls.

  /** Runs {@code work} in one write transaction, committed, or rolled back if it throws. */
  private <T> T write(Work<T> work) {
    return transaction("BEGIN IMMEDIATE", work);
  }

  /** Runs {@code work} in a read transaction (one consistent snapshot, no lock on writers). */
  private <T> T read(Work<T> work) {
    return transaction("BEGIN DEFERRED", work);
  }

  private <T> T transaction(String begin, Work<T> work) {
    try {
      prepare(begin).execute();
      inTransaction = true;
      T result = work.run();
      prepare("COMMIT").execute();
      inTransaction = false;
      return result;
    } catch (SQLException e) {
      rollback();
      throw sqlError("use", e);
    } catch (RuntimeException e) {
      rollback();
      throw e;
    }
  }

  private void rollback() {
    try {
      if (inTransaction) {
        inTransaction = false;
        prepare("ROLLBACK").execute();
      }
    } catch (SQLException e) {
      log.warn("rollback failed on {}", url, e);
    }
  }

  private StorageException sqlError(String what, SQLException e) {
    if (e instanceof SQLiteException se && (se.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB
        || se.getResultCode() == SQLiteErrorCode.SQLITE_CORRUPT)) {
      return new StorageException(file + " is not a SQLite database, or is damaged (" + e.getMessage() + ")", e);
    }
    if (e instanceof SQLiteException se && se.getResultCode() == SQLiteErrorCode.SQLITE_BUSY) {
      return new StorageException(file + " stayed locked by another process for 30 s; is a process holding a"
          + " long transaction on it? (" + e.getMessage() + ")", e);
    }
    return new StorageException("cannot " + what + " study database " + file + ": " + e.getMessage(), e);
  }

  /**
   * How many SQL statements this storage has run (transaction begins and commits included): what
   * the benchmarks count per ask, to show it does not grow with the study.
   */
  public synchronized long statementCount() {
    return statementCount;
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    return prepare(sql, false);
  }

  /** A cached statement; only an insert whose id is read asks for generated keys (an extra query per run). */
  private PreparedStatement prepare(String sql, boolean keys) throws SQLException {
    statementCount++;
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = keys ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : connection.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
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
      } else {
        ps.setString(i + 1, (String) a);
      }
    }
  }

  private ResultSet query(String sql, Object... args) throws SQLException {
    PreparedStatement ps = prepare(sql);
    bind(ps, args);
    return ps.executeQuery();
  }

  private int update(String sql, Object... args) throws SQLException {
    PreparedStatement ps = prepare(sql);
    bind(ps, args);
    return ps.executeUpdate();
  }

  private long insert(String sql, Object... args) throws SQLException {
    PreparedStatement ps = prepare(sql, true);
    bind(ps, args);
    ps.executeUpdate();
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public synchronized void close() {
    try {
      for (PreparedStatement ps : statements.values()) {
        ps.close();
      }
      statements.clear();
      connection.close();
    } catch (SQLException e) {
      log.warn("closing {} failed", url, e);
    }
  }
}
