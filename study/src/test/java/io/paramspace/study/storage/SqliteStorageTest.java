package io.paramspace.study.storage;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStorageTest extends StorageContract {
  @TempDir Path dir;

  @Override
  Storage create() {
    return Storages.open("sqlite:" + dir.resolve("study.db"));
  }

  @Override
  Storage another() {
    return Storages.open("sqlite:" + dir.resolve("study.db"));
  }

  @Test
  void whatOneConnectionWritesAnotherReads() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    try (Storage other = Storages.open("sqlite:" + dir.resolve("study.db"))) {
      assertThat(other.finishedTrials(study)).isEmpty();
      FrozenTrial a = storage.createTrial(study, running());
      FrozenTrial b = other.createTrial(study, running());
      assertThat(b.number()).isEqualTo(1);
      storage.finishTrial(a.id(), TrialState.COMPLETE, List.of(1.0));
      assertThat(other.finishedTrials(study).stream().map(FrozenTrial::number).toList()).containsExactly(0);
      other.finishTrial(b.id(), TrialState.COMPLETE, List.of(2.0));
      assertThat(storage.finishedTrials(study).stream().map(FrozenTrial::number).toList()).containsExactly(0, 1).inOrder();
      assertThat(other.finishedTrials(study)).hasSize(2);
    }
  }

  @Test
  void startsCountWhatOtherConnectionsWroteBetweenThem() {
    // One connection keeps the study's counts between its own starts; another's writes must show.
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    try (Storage other = Storages.open("sqlite:" + dir.resolve("study.db"))) {
      FrozenTrial a = storage.startTrial(study, 4, java.util.Map.of(), false).orElseThrow();
      FrozenTrial b = storage.startTrial(study, 4, java.util.Map.of(), false).orElseThrow();
      FrozenTrial c = other.startTrial(study, 4, java.util.Map.of(), false).orElseThrow();
      other.createTrial(study, FrozenTrial.template(TrialState.WAITING, null, null, List.of(), java.util.Map.of(),
          java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of()));
      FrozenTrial claimed = storage.startTrial(study, 4, java.util.Map.of(), false).orElseThrow();
      assertThat(List.of(a.number(), b.number(), c.number(), claimed.number())).containsExactly(0, 1, 2, 3).inOrder();
      assertThat(storage.startTrial(study, 4, java.util.Map.of(), false)).isEmpty();
      assertThat(other.startTrial(study, 4, java.util.Map.of(), false)).isEmpty();
      assertThat(storage.startTrial(study, 5, java.util.Map.of(), false).orElseThrow().number()).isEqualTo(4);
      assertThat(other.startTrial(study, 6, java.util.Map.of(), false).orElseThrow().number()).isEqualTo(5);
    }
  }

  @Test
  void aWaitingTrialIsClaimedByOneConnectionOnly() {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    storage.createTrial(study, FrozenTrial.template(TrialState.WAITING, null, null, List.of(), java.util.Map.of(),
        java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of()));
    try (Storage other = Storages.open("sqlite:" + dir.resolve("study.db"))) {
      assertThat(other.claimWaitingTrial(study)).isPresent();
      assertThat(storage.claimWaitingTrial(study)).isEmpty();
    }
  }

  @Test
  void theFileIsInWalMode() throws Exception {
    storage.createStudy("s", List.of(Direction.MINIMIZE));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("study.db"));
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("PRAGMA journal_mode");
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void aMissingDirectoryIsNamed() {
    Path missing = dir.resolve("nope").resolve("a.db");
    StorageException e = assertThrows(StorageException.class, () -> Storages.open("sqlite:" + missing));
    assertThat(e).hasMessageThat().contains("the directory " + dir.resolve("nope") + " does not exist");
    assertThat(e).hasMessageThat().contains("mkdir -p");
  }

  @Test
  void aFileThatIsNotSqliteIsNamed() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello, this is not a database\n");
    StorageException e = assertThrows(StorageException.class, () -> Storages.open("sqlite:" + text));
    assertThat(e).hasMessageThat().contains(text + " is not a SQLite database");
    assertThat(Files.readString(text)).isEqualTo("hello, this is not a database\n");
  }

  @Test
  void aSqliteFileThatIsNotAStudyIsNamed() throws Exception {
    Path other = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INTEGER)");
    }
    StorageException e = assertThrows(StorageException.class, () -> Storages.open("sqlite:" + other));
    assertThat(e).hasMessageThat().contains(other + " is a SQLite database but not an Optuna study database");
    assertThat(e).hasMessageThat().contains("[customers]");
  }

  @Test
  void aNewerSchemaIsAClearErrorAndTheFileIsLeftAlone() throws Exception {
    storage.close();
    Path file = dir.resolve("study.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("UPDATE alembic_version SET version_num = 'v6.0.0.a'");
    }
    byte[] before = Files.readAllBytes(file);
    StorageException e = assertThrows(StorageException.class, () -> Storages.open("sqlite:" + file));
    assertThat(e).hasMessageThat().contains("has a newer schema than this Paramspace reads");
    assertThat(e).hasMessageThat().contains("v6.0.0.a");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    storage = Storages.open("memory:");
  }

  @Test
  void anOlderSchemaAsksForOptunasUpgrade() throws Exception {
    storage.close();
    Path file = dir.resolve("study.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("UPDATE alembic_version SET version_num = 'v2.6.0.a'");
    }
    StorageException e = assertThrows(StorageException.class, () -> Storages.open("sqlite:" + file));
    assertThat(e).hasMessageThat().contains("optuna storage upgrade --storage sqlite:///" + file);
    storage = Storages.open("memory:");
  }

  @Test
  void aDatabaseOfOptuna31OpensAndKeepsItsStamp() throws Exception {
    Path file = dir.resolve("optuna31.db");
    SqlDump.load(SqlDump.resource("optuna-3.1-reference.sql"), file);
    try (Storage s = Storages.open("sqlite:" + file)) {
      StudyRecord reference = s.findStudy("reference").orElseThrow();
      assertThat(s.trials(reference.id())).hasSize(6);
      FrozenTrial next = s.createTrial(reference.id(), running());
      assertThat(next.number()).isEqualTo(6);
    }
    assertThat(SqlDump.rows(file).get("alembic_version")).containsExactly("'v3.0.0.d'");
  }

  @Test
  void readOnlyOpeningNeedsAnExistingDatabase() throws Exception {
    Path missing = dir.resolve("missing.db");
    StorageException e = assertThrows(StorageException.class, () -> Storages.open("sqlite:" + missing, true));
    assertThat(e).hasMessageThat().contains("no study database " + missing);
    assertThat(Files.exists(missing)).isFalse();
    Path empty = Files.createFile(dir.resolve("empty.db"));
    e = assertThrows(StorageException.class, () -> Storages.open("sqlite:" + empty, true));
    assertThat(e).hasMessageThat().contains("holds no studies");
  }

  @Test
  void unknownSchemesAreNamed() {
    StorageException e = assertThrows(StorageException.class, () -> Storages.open("mysql://localhost/db"));
    assertThat(e).hasMessageThat().contains("unknown storage URL scheme in 'mysql://localhost/db'");
    assertThat(e).hasMessageThat().contains("sqlite:PATH");
  }

  @Test
  void sqlalchemysUrlFormIsAccepted() {
    Path file = dir.resolve("alchemy.db");
    Storages.open("sqlite:///" + file).close();
    assertThat(Files.exists(file)).isTrue();
  }

  @Test
  void connectionsNeverDrawTheSameTicket() throws Exception {
    long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
    java.util.Set<String> drawn = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<Thread> threads = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      threads.add(new Thread(() -> {
        try (Storage own = Storages.open("sqlite:" + dir.resolve("study.db"))) {
          for (int k = 0; k < 20; k++) {
            own.createTrialWithTicket(study, "next", 45, StorageContract::holding)
                .ifPresent(t -> assertThat(drawn.add(t.systemAttributes().get("ticket"))).isTrue());
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(drawn).hasSize(45);
    assertThat(storage.trials(study)).hasSize(45);
  }
}
