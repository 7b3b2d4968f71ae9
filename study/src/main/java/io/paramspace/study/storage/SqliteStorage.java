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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A storage in one SQLite file, in Optuna's RDB schema ({@link SqliteSchema}), so that Python's
 * Optuna reads and continues the same studies. WAL journal, so readers never block the writer and
 * several processes on one machine can share the file; {@code synchronous=NORMAL}, so a told trial
 * survives the death of its process (not a power cut). Writes run in short {@code BEGIN IMMEDIATE}
 * transactions; every statement binds its values.
 *
 * <p>Several processes: a writer waits for the file's write lock (a busy timeout), and a
 * transaction that still finds the file busy or locked is rolled back and run again after a
 * random pause (jitter, growing), for up to 60 seconds, so workers never see
 * "database is locked". A file on a network file system (NFS, SMB, sshfs...) is refused: SQLite's
 * locks are not reliable there ({@link NetworkFileSystems}).
 *
 * <p>Finished trials are cached per study. A call to {@link #finishedTrials} first asks SQLite
 * whether another connection wrote since ({@code PRAGMA data_version}, no table read); only then
 * does it read the trials that are new or were unfinished, so an ask costs the same number of
 * statements at 100,000 trials as at 1,000.
 */
public final class SqliteStorage implements Storage {
  private static final Logger log = LoggerFactory.getLogger(SqliteStorage.class);
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  /** How long SQLite itself waits for a lock before it reports the file busy. */
  private static final int BUSY_TIMEOUT_MILLIS = 5_000;
  /** How long a transaction is run again while the file stays busy. */
  static final int RETRY_SECONDS = 60;

  private final Path file;
  private final String url;
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final Map<Long, StudyCache> caches = new HashMap<>();
  private final Session session = new Session();
  /**
   * Per study, the counts a trial's start needs, valid while no other connection has written
   * ({@code PRAGMA data_version} unchanged): a process working alone starts a trial without a
   * pass over the study's trials. Writes of this connection that could change the counts drop
   * them (see {@link #write}).
   */
  private final Map<Long, KnownCounts> startCounts = new HashMap<>();
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

  private record KnownCounts(long dataVersion, TrialSql.StartCounts counts) {}

  /** The one connection's statements, cached for its life. */
  private final class Session extends SqlSession {
    Session() {
      super(SqlDialect.SQLITE);
    }

    @Override
    PreparedStatement prepare(String sql) throws SQLException {
      return SqliteStorage.this.prepare(sql);
    }

    @Override
    String url() {
      return url;
    }
  }

  private SqliteStorage(Path file, Connection connection) {
    this.file = file;
    this.url = "sqlite:" + file;
    this.connection = connection;
  }

  /**
   * Opens (and, unless {@code readOnly}, creates) the study database {@code file}.
   *
   * @throws StorageException naming the file if its directory does not exist or is on a network
   *     file system, it is not a SQLite database, it is not an Optuna study database, or its
   *     schema is one this version does not read
   */
  public static SqliteStorage open(Path file, boolean readOnly) {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new StorageException("cannot open study database " + file + ": the directory " + dir
          + " does not exist; create it first (mkdir -p " + dir + ") or choose another path");
    }
    if (dir != null) {
      NetworkFileSystems.refuse(file, dir);
    }
    boolean exists = Files.exists(absolute);
    if (readOnly && !exists) {
      throw new StorageException("no study database " + file + " (the file does not exist)");
    }
    if (exists) {
      checkHeader(file);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
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

  /**
   * Checks (in autocommit mode, changing nothing) what the file holds, then creates the schema if
   * empty. Several processes may open a new file at once: the one that gets the write lock first
   * creates the schema, the others find it there.
   */
  private void prepareSchema(boolean readOnly) {
    retryingWhileBusy("open", () -> {
      List<String> tables = tables();
      if (tables.isEmpty()) {
        if (readOnly) {
          throw new StorageException(file + " holds no studies (it is an empty database)");
        }
        createSchema();
        tables = tables();
      }
      if (!tables.containsAll(List.of("studies", "trials", "trial_params", "version_info", "alembic_version"))) {
        throw new StorageException(file + " is a SQLite database but not an Optuna study database (its tables"
            + " are " + tables + "); give the path of a study database, or a new file name to create one");
      }
      checkVersion();
      if (!readOnly) {
        execute("PRAGMA journal_mode=WAL");
      }
      return null;
    });
  }

  private List<String> tables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  /** The whole schema in one transaction: a crash leaves an empty file, never half a schema. */
  private void createSchema() throws SQLException {
    // WAL is a property of the file: set it before the first write, outside a transaction.
    execute("PRAGMA journal_mode=WAL");
    write(() -> {
      if (!tables().isEmpty()) {
        return null; // another process created it while this one waited for the lock
      }
      try (Statement s = connection.createStatement()) {
        for (String ddl : SqliteSchema.DDL) {
          s.execute(ddl);
        }
      }
      session.update("INSERT INTO version_info (version_info_id, schema_version, library_version) VALUES (?, ?, ?)",
          1, SqliteSchema.SCHEMA_VERSION, libraryVersion());
      session.update("INSERT INTO alembic_version (version_num) VALUES (?)", SqliteSchema.HEAD);
      return null;
    });
  }

  static String libraryVersion() {
    String version = SqliteStorage.class.getPackage().getImplementationVersion();
    return "paramspace " + (version == null ? "0.1.0-SNAPSHOT" : version);
  }

  private void checkVersion() throws SQLException {
    Integer schemaVersion = null;
    String library = null;
    String revision = null;
    try (ResultSet rs = session.query("SELECT schema_version, library_version FROM version_info"
        + " WHERE version_info_id = ?", 1)) {
      if (rs.next()) {
        schemaVersion = rs.getInt(1);
        library = rs.getString(2);
      }
    }
    try (ResultSet rs = session.query("SELECT version_num FROM alembic_version")) {
      if (rs.next()) {
        revision = rs.getString(1);
      }
    }
    SqliteSchema.checkVersion(file.toString(), "sqlite:///" + file, schemaVersion, library, revision);
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
      if (TrialSql.studyId(session, name).isPresent()) {
        throw new StorageException("a study named '" + name + "' already exists in " + url);
      }
      long id = session.insert("INSERT INTO studies (study_name) VALUES (?) RETURNING study_id", name);
      TrialSql.insertDirections(session, id, directions);
      return new StudyRecord(id, name, directions);
    });
  }

  @Override
  public synchronized Optional<StudyRecord> findStudy(String name) {
    return read(() -> {
      Optional<Long> id = TrialSql.studyId(session, name);
      return id.isEmpty() ? Optional.<StudyRecord>empty()
          : Optional.of(new StudyRecord(id.get(), name, TrialSql.directions(session, id.get())));
    });
  }

  @Override
  public synchronized List<StudyRecord> studies() {
    return read(() -> TrialSql.studies(session));
  }

  @Override
  public synchronized void deleteStudy(long studyId) {
    write(() -> {
      TrialSql.deleteStudy(session, studyId);
      return null;
    });
    caches.remove(studyId);
  }

  @Override
  public synchronized Map<String, String> studyUserAttributes(long studyId) {
    return read(() -> TrialSql.attributes(session, "study_user_attributes", "study_id", studyId));
  }

  @Override
  public synchronized Map<String, String> studySystemAttributes(long studyId) {
    return read(() -> TrialSql.attributes(session, "study_system_attributes", "study_id", studyId));
  }

  @Override
  public synchronized void setStudyUserAttribute(long studyId, String key, String json) {
    write(() -> {
      TrialSql.upsertStudyAttribute(session, "study_user_attributes", studyId, key, json);
      return null;
    });
  }

  @Override
  public synchronized void setStudySystemAttribute(long studyId, String key, String json) {
    write(() -> {
      TrialSql.upsertStudyAttribute(session, "study_system_attributes", studyId, key, json);
      return null;
    });
  }

  @Override
  public synchronized String setStudySystemAttributeIfAbsent(long studyId, String key, String json) {
    return write(() -> TrialSql.insertStudyAttributeIfAbsent(session, studyId, key, json));
  }

  // ---- trials ----

  @Override
  public synchronized FrozenTrial createTrial(long studyId, FrozenTrial template) {
    FrozenTrial trial = write(() -> TrialSql.insert(session, studyId, template));
    cacheCreated(studyId, trial);
    return trial;
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
  public synchronized Optional<FrozenTrial> createTrialWithTicket(long studyId, String counter, long limit,
      LongFunction<FrozenTrial> template) {
    // BEGIN IMMEDIATE takes the write lock before the counter is read: no other connection can
    // draw the same ticket, and the counter and the trial commit together.
    Optional<FrozenTrial> trial = write(() -> TrialSql.insertWithTicket(session, studyId, counter, limit, template));
    trial.ifPresent(t -> cacheCreated(studyId, t));
    return trial;
  }

  @Override
  public synchronized Optional<FrozenTrial> claimWaitingTrial(long studyId) {
    StudyCache cache = refresh(studyId);
    for (Map.Entry<Long, TrialState> e : cache.unfinished.entrySet()) {
      if (e.getValue() != TrialState.WAITING) {
        continue;
      }
      long id = e.getKey();
      // Conditional on WAITING: another worker may have taken it since this cache saw it.
      int taken = write(() -> session.update("UPDATE trials SET state = 'RUNNING', datetime_start = ?"
          + " WHERE trial_id = ? AND state = 'WAITING'", Timestamps.now(), id));
      e.setValue(TrialState.RUNNING);
      if (taken == 1) {
        return Optional.of(trial(id));
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized Optional<FrozenTrial> startTrial(long studyId, int maxTrials,
      Map<String, String> systemAttributes, boolean heartbeat) {
    return startTrial(studyId, maxTrials, systemAttributes, heartbeat, null);
  }

  @Override
  public synchronized Optional<FrozenTrial> startTrial(long studyId, int maxTrials,
      Map<String, String> systemAttributes, boolean heartbeat, TicketRequest ticket) {
    // One BEGIN IMMEDIATE transaction: the total, a waiting trial, the ticket and the new trial.
    KnownCounts known = startCounts.remove(studyId);
    KnownCounts[] after = new KnownCounts[1];
    // Kept only once committed: a transaction run again (file busy) counts from what it finds.
    Optional<FrozenTrial> started = writeKeepingCounts(() -> {
      long version = dataVersion();
      TrialSql.StartCounts counts = known != null && known.dataVersion() == version ? known.counts()
          : TrialSql.startCounts(session, studyId);
      Optional<FrozenTrial> trial = TrialSql.start(session, studyId, maxTrials, systemAttributes, heartbeat, ticket,
          counts);
      after[0] = new KnownCounts(version, trial.map(counts::after).orElse(counts));
      return trial;
    });
    startCounts.put(studyId, after[0]);
    StudyCache cache = caches.get(studyId);
    if (cache != null && started.isPresent()) {
      cache.unfinished.put(started.get().id(), TrialState.RUNNING);
    }
    return started;
  }

  @Override
  public synchronized int countedTrials(long studyId) {
    return read(() -> TrialSql.counted(session, studyId));
  }

  @Override
  public synchronized void setParams(long trialId, Map<String, Double> internalValues,
      Map<String, Distribution> distributions) {
    setParams(trialId, internalValues, distributions, Map.of());
  }

  @Override
  public synchronized void setParams(long trialId, Map<String, Double> internalValues,
      Map<String, Distribution> distributions, Map<String, String> userAttributes) {
    writeKeepingCounts(() -> {
      TrialSql.setParams(session, trialId, internalValues, distributions, userAttributes);
      return null;
    });
  }

  @Override
  public synchronized void setIntermediateValue(long trialId, int step, double value) {
    writeKeepingCounts(() -> {
      TrialSql.requireRunning(session, trialId, "report a value to");
      TrialSql.upsertIntermediate(session, trialId, step, value);
      return null;
    });
  }

  @Override
  public synchronized void setTrialUserAttribute(long trialId, String key, String json) {
    writeKeepingCounts(() -> TrialSql.upsertTrialAttribute(session, "trial_user_attributes", trialId, key, json));
    updateCached(trialId, t -> t.withUserAttribute(key, json));
  }

  @Override
  public synchronized void setTrialSystemAttribute(long trialId, String key, String json) {
    write(() -> TrialSql.upsertTrialAttribute(session, "trial_system_attributes", trialId, key, json));
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
    return finishTrial(trialId, state, values, Map.of());
  }

  @Override
  public synchronized FrozenTrial finishTrial(long trialId, TrialState state, List<Double> values,
      Map<String, String> systemAttributes) {
    if (!state.isFinished()) {
      throw new IllegalArgumentException("finishTrial takes COMPLETE, PRUNED or FAIL, not " + state);
    }
    // A running trial finished counts as it did, unless it is marked retried.
    Work<FrozenTrial> finish = () -> TrialSql.finish(session, trialId, state, values, systemAttributes);
    FrozenTrial finished = systemAttributes.containsKey(RETRIED_AS_ATTRIBUTE) ? write(finish)
        : writeKeepingCounts(finish);
    cacheFinished(finished);
    return finished;
  }

  private void cacheFinished(FrozenTrial finished) {
    for (StudyCache cache : caches.values()) {
      if (cache.unfinished.remove(finished.id()) != null && !cache.finishedIndex.containsKey(finished.id())) {
        cache.finishedIndex.put(finished.id(), cache.finished.add(finished));
      }
    }
  }

  // ---- heartbeats ----

  @Override
  public synchronized Set<Long> recordHeartbeats(Collection<Long> trialIds) {
    if (trialIds.isEmpty()) {
      return Set.of();
    }
    return writeKeepingCounts(() -> TrialSql.beat(session, trialIds));
  }

  @Override
  public synchronized Map<Long, Duration> heartbeatAges(long studyId) {
    return read(() -> TrialSql.heartbeatAges(session, studyId));
  }

  @Override
  public synchronized Optional<FrozenTrial> failStaleTrial(long studyId, long trialId, Duration grace,
      Map<String, String> systemAttributes, FrozenTrial retry) {
    Optional<FrozenTrial> failed = write(() -> TrialSql.failStale(session, studyId, trialId, grace,
        systemAttributes, retry));
    if (failed.isPresent()) {
      cacheFinished(failed.get());
      StudyCache cache = caches.get(studyId);
      if (cache != null) {
        cache.dataVersion = Long.MIN_VALUE; // the retry is a new row: the next refresh reads it
      }
    }
    return failed;
  }

  // ---- reading ----

  @Override
  public synchronized FrozenTrial trial(long trialId) {
    return read(() -> TrialSql.load(session, trialId));
  }

  @Override
  public synchronized List<FrozenTrial> trials(long studyId) {
    return read(() -> TrialSql.load(session, "study_id = ?", studyId));
  }

  @Override
  public synchronized List<FrozenTrial> trials(long studyId, TrialState state) {
    return read(() -> TrialSql.load(session, "study_id = ? AND state = ?", studyId, state.name()));
  }

  @Override
  public synchronized List<FrozenTrial> finishedTrials(long studyId) {
    return refresh(studyId).finished.snapshot();
  }

  @Override
  public synchronized List<FrozenTrial> bestTrials(long studyId, Direction direction, int limit) {
    return read(() -> TrialSql.best(session, studyId, direction, limit));
  }

  @Override
  public synchronized int trialCount(long studyId) {
    return read(() -> TrialSql.nextNumber(session, studyId));
  }

  /** Brings the study's cache up to date with what other connections wrote. */
  private StudyCache refresh(long studyId) {
    StudyCache cache = caches.computeIfAbsent(studyId, id -> new StudyCache());
    read(() -> {
      long version = dataVersion();
      if (version == cache.dataVersion) {
        return null;
      }
      long from = cache.unfinished.isEmpty() ? cache.maxSeenId + 1
          : Math.min(cache.unfinished.firstKey(), cache.maxSeenId + 1);
      // Reads the rows that are new or were unfinished; finished rows before them never change.
      for (FrozenTrial t : TrialSql.load(session, "study_id = ? AND trial_id >= ?", studyId, from)) {
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

  // ---- JDBC plumbing ----

  @FunctionalInterface
  private interface Work<T> {
    T run() throws SQLException;
  }

  // Transactions are begun by hand, in autocommit mode: the driver's own transactions (autocommit
  // off) begin the next one right after each commit, which would hold the file's lock between calls.

  /**
   * Runs {@code work} in one write transaction, committed, or rolled back if it throws; the
   * known start counts are dropped, since the work may change them.
   */
  private <T> T write(Work<T> work) {
    startCounts.clear();
    return writeKeepingCounts(work);
  }

  /** {@link #write} for work that cannot change how many trials count, wait, or the next number. */
  private <T> T writeKeepingCounts(Work<T> work) {
    return retryingWhileBusy("write to", () -> transaction("BEGIN IMMEDIATE", work));
  }

  private long dataVersion() throws SQLException {
    try (ResultSet rs = session.query("PRAGMA data_version")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Runs {@code work} in a read transaction (one consistent snapshot, no lock on writers). */
  private <T> T read(Work<T> work) {
    return retryingWhileBusy("read", () -> transaction("BEGIN DEFERRED", work));
  }

  private <T> T transaction(String begin, Work<T> work) throws SQLException {
    try {
      prepare(begin).execute();
      inTransaction = true;
      T result = work.run();
      prepare("COMMIT").execute();
      inTransaction = false;
      return result;
    } catch (SQLException | RuntimeException e) {
      rollback();
      throw e;
    }
  }

  /**
   * Runs {@code work} (a whole transaction) again while SQLite reports the file busy or locked,
   * after random pauses that grow from a few milliseconds to a quarter of a second, for up to
   * 60 seconds. Work run again is the whole transaction, rolled back before.
   */
  private <T> T retryingWhileBusy(String what, Work<T> work) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
    for (int attempt = 1; ; attempt++) {
      try {
        return work.run();
      } catch (SQLException e) {
        if (!isBusy(e) || System.nanoTime() > deadline) {
          throw sqlError(what, e);
        }
        if (attempt == 10) {
          log.info("{} is busy (another process holds its lock); still trying ({})", file, e.getMessage());
        } else {
          log.debug("{} busy on attempt {}; retrying", file, attempt, e);
        }
        long cap = Math.min(250, 2L << Math.min(attempt, 7));
        try {
          Thread.sleep(1 + ThreadLocalRandom.current().nextLong(cap));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw sqlError(what, e);
        }
      }
    }
  }

  private static boolean isBusy(SQLException e) {
    if (e instanceof SQLiteException se) {
      int primary = se.getResultCode().code & 0xff;
      return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }
    return false;
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
    if (isBusy(e)) {
      return new StorageException(file + " stayed locked by another process for " + RETRY_SECONDS + " s; is a"
          + " process holding a long transaction on it? (" + e.getMessage() + ")", e);
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
    statementCount++;
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
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
