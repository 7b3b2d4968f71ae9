package io.paramspace.study.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.paramspace.runtime.Distribution;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A storage in a PostgreSQL database, in Optuna's RDB schema ({@link PostgresSchema}), for any
 * number of workers on any number of machines: Python Optuna opens the same study. Through the
 * PostgreSQL JDBC driver and a small HikariCP pool per process (4 connections, or system property
 * {@code paramspace.postgres.poolSize}).
 *
 * <p>Concurrency: the creators of a study's trials lock the study's row ({@code SELECT ... FOR NO
 * KEY UPDATE}), so numbers are handed out once each and a study's total is counted and extended
 * atomically; workers take enqueued trials {@code FOR UPDATE SKIP LOCKED}; a trial is finished by
 * a conditional update, so of a worker's late tell and another worker's failing of its stale
 * trial only one wins. Every transaction is short and is run again, whole, after a serialization
 * failure or deadlock (SQLSTATE 40001, 40P01) or a lost connection (08xxx, a backend terminated:
 * 57P01..57P03), with a growing random pause, for up to {@code paramspace.postgres.retrySeconds}
 * (default 60) seconds. A transaction whose commit was lost with the connection cannot tell
 * whether it committed: a finish that did is recognized when run again; a trial started that
 * way has no worker, and its heartbeat goes stale. A trial's start, parameters and finish are one
 * round trip each ({@link PostgresTrialSql}); the rarer writes use {@link TrialSql}'s statements.
 *
 * <p>The user and password come from the URL or from {@code PGUSER} and {@code PGPASSWORD}; every
 * message shows the URL with them masked, and the driver's messages are scrubbed of them.
 * Timestamps are naive UTC; heartbeats are the server's clock ({@code now() AT TIME ZONE 'UTC'}).
 */
public final class PostgresStorage implements Storage {
  private static final Logger log = LoggerFactory.getLogger(PostgresStorage.class);
  static final int DEFAULT_POOL_SIZE = 4;
  private static final int POOL_SIZE = Integer.getInteger("paramspace.postgres.poolSize", DEFAULT_POOL_SIZE);
  private static final long IDLE_IN_TRANSACTION_MILLIS =
      Long.getLong("paramspace.postgres.idleInTransactionMillis", 30_000);
  private static final long RETRY_NANOS =
      TimeUnit.SECONDS.toNanos(Long.getLong("paramspace.postgres.retrySeconds", 60));

  private final PostgresUrl url;
  private final HikariDataSource pool;
  private final Map<Long, StudyCache> caches = new ConcurrentHashMap<>();
  /**
   * What this process wrote of its running trials without waiting for the server's disk
   * (parameters, the config): written again, if lost, by the durable transaction that finishes
   * the trial.
   */
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

  /** A running trial's parameters and user attributes, as written. */
  private record Pending(Map<String, Double> params, Map<String, Distribution> distributions,
      Map<String, String> userAttributes) {
    Pending merge(Pending more) {
      Map<String, Double> p = new java.util.LinkedHashMap<>(params);
      p.putAll(more.params);
      Map<String, Distribution> d = new java.util.LinkedHashMap<>(distributions);
      d.putAll(more.distributions);
      Map<String, String> u = new java.util.LinkedHashMap<>(userAttributes);
      u.putAll(more.userAttributes);
      return new Pending(p, d, u);
    }
  }

  /** What this process knows of one study's finished trials. */
  private static final class StudyCache {
    final AppendOnlyList<FrozenTrial> finished = new AppendOnlyList<>();
    final Map<Long, Integer> finishedIndex = new HashMap<>();
    final TreeSet<Long> unfinished = new TreeSet<>();
    long maxSeenId;
  }

  /** One pooled connection in one transaction; its statements are closed at the end. */
  private final class Session extends SqlSession {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    Session(Connection connection) {
      super(SqlDialect.POSTGRES);
      this.connection = connection;
    }

    @Override
    PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement ps = statements.get(sql);
      if (ps == null) {
        ps = connection.prepareStatement(sql);
        statements.put(sql, ps);
      }
      return ps;
    }

    @Override
    String url() {
      return url.display();
    }

    void close() {
      for (PreparedStatement ps : statements.values()) {
        try {
          ps.close();
        } catch (SQLException e) {
          log.debug("closing a statement failed", e);
        }
      }
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    /** Runs inside one transaction; {@code attempt} is 1, or more when run again after an error. */
    T run(Session s, int attempt) throws SQLException;
  }

  private PostgresStorage(PostgresUrl url, HikariDataSource pool) {
    this.url = url;
    this.pool = pool;
  }

  /**
   * Opens the PostgreSQL database at {@code url}, creating Optuna's schema (in the URL's {@code
   * currentSchema}, else the search path's first schema) if it has no tables and not {@code
   * readOnly}. Several workers may do so at once: one creates it, under an advisory lock.
   *
   * @throws StorageException with the URL masked if the server cannot be reached, the
   *     credentials are refused, the schema is missing or not Optuna's, or of another version
   */
  public static PostgresStorage open(String url, boolean readOnly) {
    return open(PostgresUrl.parse(url, System.getenv()), readOnly);
  }

  static PostgresStorage open(PostgresUrl url, boolean readOnly) {
    Properties props = driverProperties(url);
    try (Connection c = new org.postgresql.Driver().connect(url.jdbcUrl(), props)) {
      if (c == null) {
        throw new StorageException("the PostgreSQL driver does not take the URL " + url.display());
      }
      prepareSchema(c, url, readOnly);
    } catch (SQLException e) {
      throw new StorageException("cannot open the PostgreSQL study database " + url.display() + ": "
          + url.scrub(e.getMessage()) + hint(e), null);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("paramspace-postgres");
    config.setDriverClassName("org.postgresql.Driver");
    config.setJdbcUrl(url.jdbcUrl());
    config.setDataSourceProperties(props);
    config.setAutoCommit(false);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    // A worker stopped (SIGSTOP, a debugger) inside a transaction would hold the study's lock and
    // stop every other worker; the server ends such a session after this long, and the worker,
    // once running again, reconnects.
    config.setConnectionInitSql("SET idle_in_transaction_session_timeout = " + IDLE_IN_TRANSACTION_MILLIS);
    config.setIsolateInternalQueries(true);
    // The schema check above reached the server; the pool connects on first use, and a lost
    // server is retried by tx(), not reported by the pool's own log lines.
    config.setInitializationFailTimeout(-1);
    return new PostgresStorage(url, new HikariDataSource(config));
  }

  private static Properties driverProperties(PostgresUrl url) {
    Properties props = new Properties();
    props.setProperty("user", url.user());
    if (url.password() != null) {
      props.setProperty("password", url.password());
    }
    // Strings bound to Optuna's enum columns (state, direction, value types) are typed by the server.
    props.setProperty("stringtype", "unspecified");
    props.setProperty("reWriteBatchedInserts", "true");
    props.setProperty("tcpKeepAlive", "true");
    props.setProperty("connectTimeout", "10");
    if (!url.jdbcUrl().contains("ApplicationName=")) {
      props.setProperty("ApplicationName", "paramspace");
    }
    return props;
  }

  private static String hint(SQLException e) {
    String state = e.getSQLState();
    if (state == null) {
      return "";
    }
    if (state.startsWith("08")) {
      return " (is a PostgreSQL server running and listening there?)";
    }
    if (state.equals("28P01") || state.equals("28000")) {
      return " (give the user and password in the URL, or in PGUSER and PGPASSWORD)";
    }
    if (state.equals("3D000")) {
      return " (create the database first: createdb NAME)";
    }
    return "";
  }

  private static void prepareSchema(Connection c, PostgresUrl url, boolean readOnly) throws SQLException {
    c.setAutoCommit(false);
    try {
      String schema;
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
        rs.next();
        schema = rs.getString(1);
      }
      if (schema == null) {
        throw new StorageException("the search path of " + url.display() + " names no schema that exists; create"
            + " it (CREATE SCHEMA name) or name an existing one with ?currentSchema=name");
      }
      // One creator at a time per schema: the others wait here, then find the tables.
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
        ps.setString(1, "paramspace schema " + schema);
        ps.executeQuery().close();
      }
      List<String> tables = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables"
          + " WHERE table_schema = ? ORDER BY table_name")) {
        ps.setString(1, schema);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            tables.add(rs.getString(1));
          }
        }
      }
      String where = url.display() + " (schema " + schema + ")";
      if (tables.isEmpty()) {
        if (readOnly) {
          throw new StorageException(where + " holds no studies (it has no tables)");
        }
        try (Statement s = c.createStatement()) {
          for (String ddl : PostgresSchema.DDL) {
            s.execute(ddl);
          }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO version_info (version_info_id, schema_version,"
            + " library_version) VALUES (?, ?, ?)")) {
          ps.setInt(1, 1);
          ps.setInt(2, SqliteSchema.SCHEMA_VERSION);
          ps.setString(3, SqliteStorage.libraryVersion());
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alembic_version (version_num) VALUES (?)")) {
          ps.setString(1, SqliteSchema.HEAD);
          ps.executeUpdate();
        }
        log.info("Created Optuna's schema (version {}, {}) in {}", SqliteSchema.SCHEMA_VERSION, SqliteSchema.HEAD,
            where);
      } else if (!tables.containsAll(PostgresSchema.REQUIRED)) {
        throw new StorageException(where + " is not an Optuna study database (its tables are " + tables + ");"
            + " name another database or schema (?currentSchema=name)");
      } else {
        Integer schemaVersion = null;
        String library = null;
        String revision = null;
        try (Statement s = c.createStatement()) {
          try (ResultSet rs = s.executeQuery("SELECT schema_version, library_version FROM version_info")) {
            if (rs.next()) {
              schemaVersion = rs.getInt(1);
              library = rs.getString(2);
            }
          }
          try (ResultSet rs = s.executeQuery("SELECT version_num FROM alembic_version")) {
            if (rs.next()) {
              revision = rs.getString(1);
            }
          }
        }
        SqliteSchema.checkVersion(where, "postgresql://USER:PASSWORD@HOST/DATABASE", schemaVersion, library,
            revision);
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // The connection is gone; nothing was committed.
      }
      throw e;
    }
  }

  @Override
  public String url() {
    return url.display();
  }

  // ---- transactions ----

  /**
   * Runs {@code work} in one transaction on a pooled connection, committed; rolled back and run
   * again, whole, after a serialization failure, a deadlock or a lost connection.
   */
  private <T> T tx(String what, Work<T> work) {
    return tx(what, true, work);
  }

  /**
   * {@link #tx(String, Work)}; a transaction that is not {@code durable} commits without waiting
   * for the server's disk ({@code synchronous_commit = off}: atomic and visible at once, lost only
   * if the server crashes in the next fraction of a second, and then made durable by the next
   * durable commit of any session, since the log is written in order). Used for what a crash may
   * lose without harm: the start of a trial (its worker then finds it gone), its parameters
   * (written again by the durable finish), heartbeats.
   */
  private <T> T tx(String what, boolean durable, Work<T> work) {
    Work<T> run = durable ? work : (s, attempt) -> {
      s.update("SET LOCAL synchronous_commit TO OFF");
      return work.run(s, attempt);
    };
    return withRetries(what, false, run);
  }

  /**
   * Runs {@code work}, which only reads, in autocommit mode: each statement is its own
   * transaction (and snapshot), so a one-statement read is one round trip, without a COMMIT
   * after it. Run again after a lost connection, as {@link #tx} is.
   */
  private <T> T read(String what, Work<T> work) {
    return withRetries(what, true, work);
  }

  private <T> T withRetries(String what, boolean autoCommit, Work<T> work) {
    long deadline = System.nanoTime() + RETRY_NANOS;
    for (int attempt = 1; ; attempt++) {
      try {
        return once(work, attempt, autoCommit);
      } catch (SQLException e) {
        String kind = retryable(e);
        if (kind == null || System.nanoTime() > deadline) {
          throw new StorageException("cannot " + what + " in " + url.display() + ": " + url.scrub(e.getMessage())
              + (kind == null ? "" : " (gave up after " + attempt + " attempts)"), null);
        }
        if (kind.equals("connection")) {
          log.warn("Lost the connection to {} ({}); reconnecting to {} again (attempt {})", url.display(),
              url.scrub(e.getMessage()), what, attempt + 1);
        } else {
          log.debug("{} on {}; running it again (attempt {})", kind, what, attempt + 1);
        }
        long cap = Math.min(1000, 10L << Math.min(attempt, 7));
        try {
          Thread.sleep(1 + ThreadLocalRandom.current().nextLong(cap));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new StorageException("interrupted while retrying to " + what + " in " + url.display(), null);
        }
      }
    }
  }

  private <T> T once(Work<T> work, int attempt, boolean autoCommit) throws SQLException {
    try (Connection c = pool.getConnection()) {
      Session s = new Session(c);
      if (autoCommit) {
        c.setAutoCommit(true); // no round trip: the driver only stops sending BEGIN; the pool resets it
        try {
          return work.run(s, attempt);
        } finally {
          s.close();
        }
      }
      try {
        T result = work.run(s, attempt);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // A lost connection: the pool drops it.
        }
        throw e;
      } finally {
        s.close();
      }
    }
  }

  /** "serialization", "deadlock" or "connection" if the transaction may be run again; else null. */
  static String retryable(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException se) {
        String state = se.getSQLState();
        if ("40001".equals(state)) {
          return "serialization failure";
        }
        if ("40P01".equals(state)) {
          return "deadlock";
        }
        if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
            || state.equals("57P03") || state.equals("53300"))) {
          return "connection";
        }
        if (se instanceof SQLTransientConnectionException) {
          return "connection";
        }
      }
      if (t instanceof java.io.IOException) {
        return "connection";
      }
    }
    return null;
  }

  // ---- studies ----

  @Override
  public StudyRecord createStudy(String name, List<Direction> directions) {
    return tx("create study '" + name + "'", (s, attempt) -> {
      Long id = null;
      try (ResultSet rs = s.query("INSERT INTO studies (study_name) VALUES (?) ON CONFLICT DO NOTHING"
          + " RETURNING study_id", name)) {
        if (rs.next()) {
          id = rs.getLong(1);
        }
      }
      if (id == null) {
        throw new StorageException("a study named '" + name + "' already exists in " + url.display());
      }
      TrialSql.insertDirections(s, id, directions);
      return new StudyRecord(id, name, directions);
    });
  }

  @Override
  public Optional<StudyRecord> findStudy(String name) {
    return read("find study '" + name + "'", (s, attempt) -> {
      Optional<Long> id = TrialSql.studyId(s, name);
      return id.isEmpty() ? Optional.<StudyRecord>empty()
          : Optional.of(new StudyRecord(id.get(), name, TrialSql.directions(s, id.get())));
    });
  }

  @Override
  public List<StudyRecord> studies() {
    return read("list studies", (s, attempt) -> TrialSql.studies(s));
  }

  @Override
  public void deleteStudy(long studyId) {
    tx("delete study " + studyId, (s, attempt) -> {
      TrialSql.deleteStudy(s, studyId);
      return null;
    });
    caches.remove(studyId);
  }

  @Override
  public Map<String, String> studyUserAttributes(long studyId) {
    return read("read study attributes", (s, a) -> TrialSql.attributes(s, "study_user_attributes", "study_id", studyId));
  }

  @Override
  public Map<String, String> studySystemAttributes(long studyId) {
    return read("read study attributes", (s, a) -> TrialSql.attributes(s, "study_system_attributes", "study_id",
        studyId));
  }

  @Override
  public void setStudyUserAttribute(long studyId, String key, String json) {
    tx("set a study attribute", (s, a) -> {
      TrialSql.upsertStudyAttribute(s, "study_user_attributes", studyId, key, json);
      return null;
    });
  }

  @Override
  public void setStudySystemAttribute(long studyId, String key, String json) {
    tx("set a study attribute", (s, a) -> {
      TrialSql.upsertStudyAttribute(s, "study_system_attributes", studyId, key, json);
      return null;
    });
  }

  @Override
  public String setStudySystemAttributeIfAbsent(long studyId, String key, String json) {
    return tx("set a study attribute", (s, a) -> TrialSql.insertStudyAttributeIfAbsent(s, studyId, key, json));
  }

  // ---- trials ----

  @Override
  public FrozenTrial createTrial(long studyId, FrozenTrial template) {
    return tx("create a trial", (s, a) -> TrialSql.insert(s, studyId, template));
  }

  /**
   * In one transaction, run again whole after a serialization failure, deadlock or lost
   * connection: the study's row lock (every creator of its trials takes it), the counter's row
   * {@code FOR UPDATE}, the counter advanced and the trial inserted; durable, as a created trial is.
   */
  @Override
  public Optional<FrozenTrial> createTrialWithTicket(long studyId, String counter, long limit,
      java.util.function.LongFunction<FrozenTrial> template) {
    return tx("create a trial with a ticket", (s, a) -> TrialSql.insertWithTicket(s, studyId, counter, limit,
        template));
  }

  @Override
  public Optional<FrozenTrial> claimWaitingTrial(long studyId) {
    return tx("take a waiting trial", (s, a) -> {
      Optional<Long> id = TrialSql.claimWaiting(s, studyId);
      return id.isEmpty() ? Optional.<FrozenTrial>empty() : Optional.of(TrialSql.load(s, id.get()));
    });
  }

  @Override
  public Optional<FrozenTrial> startTrial(long studyId, int maxTrials, Map<String, String> systemAttributes,
      boolean heartbeat) {
    return tx("start a trial", (s, a) -> {
      PostgresTrialSql.Started started = PostgresTrialSql.start(s, s.connection, studyId, maxTrials, systemAttributes,
          heartbeat);
      if (started.trial().isPresent() || (maxTrials > 0 && started.counted() >= maxTrials)) {
        return started.trial();
      }
      // Trials are waiting (enqueued): one of them is taken, in a transaction of its own.
      s.update("SET LOCAL synchronous_commit TO OFF");
      return TrialSql.start(s, studyId, maxTrials, systemAttributes, heartbeat);
    });
  }

  /**
   * One transaction under the study's row lock: the total, a waiting trial, else the next ticket
   * and a trial holding it. Durable, unlike a start without a ticket: the counter and the trial
   * would be lost together in a crash of the server (never one without the other), but the worker
   * would have evaluated a point that the next claimer is handed again.
   */
  @Override
  public Optional<FrozenTrial> startTrial(long studyId, int maxTrials, Map<String, String> systemAttributes,
      boolean heartbeat, TicketRequest ticket) {
    if (ticket == null) {
      return startTrial(studyId, maxTrials, systemAttributes, heartbeat);
    }
    return tx("start a trial with a ticket", (s, a) -> TrialSql.start(s, studyId, maxTrials, systemAttributes,
        heartbeat, ticket));
  }

  @Override
  public int countedTrials(long studyId) {
    return read("count trials", (s, a) -> TrialSql.counted(s, studyId));
  }

  @Override
  public void setParams(long trialId, Map<String, Double> internalValues, Map<String, Distribution> distributions) {
    setParams(trialId, internalValues, distributions, Map.of());
  }

  @Override
  public void setParams(long trialId, Map<String, Double> internalValues, Map<String, Distribution> distributions,
      Map<String, String> userAttributes) {
    // Run again after a lost commit, it finds the same values set: no change, no error.
    tx("set parameters", (s, a) -> {
      PostgresTrialSql.setParams(s, s.connection, trialId, internalValues, distributions, userAttributes);
      return null;
    });
    pending.merge(trialId, new Pending(new java.util.LinkedHashMap<>(internalValues),
        new java.util.LinkedHashMap<>(distributions), new java.util.LinkedHashMap<>(userAttributes)), Pending::merge);
  }

  @Override
  public void setIntermediateValue(long trialId, int step, double value) {
    tx("report a value", (s, a) -> {
      TrialSql.requireRunning(s, trialId, "report a value to");
      TrialSql.upsertIntermediate(s, trialId, step, value);
      return null;
    });
  }

  @Override
  public void setTrialUserAttribute(long trialId, String key, String json) {
    tx("set a trial attribute", (s, a) -> TrialSql.upsertTrialAttribute(s, "trial_user_attributes", trialId, key,
        json));
    updateCached(trialId, t -> t.withUserAttribute(key, json));
  }

  @Override
  public void setTrialSystemAttribute(long trialId, String key, String json) {
    tx("set a trial attribute", (s, a) -> TrialSql.upsertTrialAttribute(s, "trial_system_attributes", trialId, key,
        json));
    updateCached(trialId, t -> t.withSystemAttribute(key, json));
  }

  private void updateCached(long trialId, java.util.function.UnaryOperator<FrozenTrial> change) {
    for (StudyCache cache : caches.values()) {
      synchronized (cache) {
        Integer index = cache.finishedIndex.get(trialId);
        if (index != null) {
          cache.finished.replace(index, change.apply(cache.finished.snapshot().get(index)));
        }
      }
    }
  }

  @Override
  public FrozenTrial finishTrial(long trialId, TrialState state, List<Double> values) {
    return finishTrial(trialId, state, values, Map.of());
  }

  @Override
  public FrozenTrial finishTrial(long trialId, TrialState state, List<Double> values,
      Map<String, String> systemAttributes) {
    if (!state.isFinished()) {
      throw new IllegalArgumentException("finishTrial takes COMPLETE, PRUNED or FAIL, not " + state);
    }
    Pending written = pending.remove(trialId);
    return tx("finish a trial", (s, attempt) -> {
      PostgresTrialSql.Finished finished = PostgresTrialSql.finish(s, s.connection, trialId, state, values,
          systemAttributes, written == null ? Map.of() : written.params(),
          written == null ? Map.of() : written.distributions(), written == null ? Map.of() : written.userAttributes());
      FrozenTrial t = finished.trial();
      if (finished.changed()) {
        return t;
      }
      if (t == null) {
        throw new StorageException("no trial with id " + trialId + " in " + url.display());
      }
      // Run again after a lost connection, the first attempt's commit may have gone through.
      if (attempt > 1 && t.state() == state && t.values().equals(values)
          && t.systemAttributes().entrySet().containsAll(systemAttributes.entrySet())) {
        return t;
      }
      throw new StorageException("cannot finish trial " + t.number() + " (id " + trialId + ") in " + url.display()
          + ": it is " + t.state() + ", not RUNNING");
    });
  }

  // ---- heartbeats ----

  @Override
  public Set<Long> recordHeartbeats(Collection<Long> trialIds) {
    if (trialIds.isEmpty()) {
      return Set.of();
    }
    return tx("record heartbeats", false, (s, a) -> TrialSql.beat(s, trialIds));
  }

  @Override
  public Map<Long, Duration> heartbeatAges(long studyId) {
    return read("read heartbeats", (s, a) -> TrialSql.heartbeatAges(s, studyId));
  }

  @Override
  public Optional<FrozenTrial> failStaleTrial(long studyId, long trialId, Duration grace,
      Map<String, String> systemAttributes, FrozenTrial retry) {
    return tx("fail a stale trial", (s, a) -> TrialSql.failStale(s, studyId, trialId, grace, systemAttributes,
        retry));
  }

  // ---- reading ----

  @Override
  public FrozenTrial trial(long trialId) {
    return read("read a trial", (s, a) -> TrialSql.load(s, trialId));
  }

  @Override
  public List<FrozenTrial> trials(long studyId) {
    return read("read trials", (s, a) -> TrialSql.load(s, "study_id = ?", studyId));
  }

  @Override
  public List<FrozenTrial> trials(long studyId, TrialState state) {
    return read("read trials", (s, a) -> TrialSql.load(s, "study_id = ? AND state = ?", studyId, state.name()));
  }

  @Override
  public List<FrozenTrial> bestTrials(long studyId, Direction direction, int limit) {
    return read("read the best trials", (s, a) -> TrialSql.best(s, studyId, direction, limit));
  }

  @Override
  public int trialCount(long studyId) {
    return read("count trials", (s, a) -> TrialSql.nextNumber(s, studyId));
  }

  /**
   * Reads the trials that are new since the last call (ids above the last seen: trials of a study
   * are created under its lock, so ids grow in commit order) and those this cache saw unfinished,
   * by id; finished trials never change, so nothing else is read again.
   */
  @Override
  public List<FrozenTrial> finishedTrials(long studyId) {
    StudyCache cache = caches.computeIfAbsent(studyId, id -> new StudyCache());
    synchronized (cache) {
      List<FrozenTrial> changed = read("read finished trials", (s, a) -> {
        List<FrozenTrial> rows = new ArrayList<>(TrialSql.load(s, "study_id = ? AND trial_id > ?", studyId,
            cache.maxSeenId));
        List<Long> unfinished = new ArrayList<>(cache.unfinished);
        for (int from = 0; from < unfinished.size(); from += 200) {
          List<Long> chunk = unfinished.subList(from, Math.min(unfinished.size(), from + 200));
          Object[] args = new Object[chunk.size() + 1];
          args[0] = studyId;
          for (int i = 0; i < chunk.size(); i++) {
            args[i + 1] = chunk.get(i);
          }
          rows.addAll(TrialSql.load(s, "study_id = ? AND state IN ('COMPLETE', 'PRUNED', 'FAIL') AND trial_id IN ("
              + "?, ".repeat(chunk.size() - 1) + "?)", args));
        }
        return rows;
      });
      for (FrozenTrial t : changed) {
        cache.maxSeenId = Math.max(cache.maxSeenId, t.id());
        if (t.state().isFinished()) {
          cache.unfinished.remove(t.id());
          if (!cache.finishedIndex.containsKey(t.id())) {
            cache.finishedIndex.put(t.id(), cache.finished.add(t));
          }
        } else {
          cache.unfinished.add(t.id());
        }
      }
      return cache.finished.snapshot();
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
