package io.paramspace.study.storage;

import java.nio.file.Path;

/**
 * Opens a storage by URL:
 *
 * <ul>
 *   <li>{@code sqlite:PATH} (also Optuna's {@code sqlite:///PATH}): a SQLite file, created if
 *       missing (its directory must exist);
 *   <li>{@code memory:}: a new storage in this JVM's memory;
 *   <li>{@code jdbc:postgresql://HOST[:PORT]/DATABASE[?currentSchema=S&user=U&password=P]} (also
 *       SQLAlchemy's {@code postgresql://U:P@HOST/DATABASE}, as Optuna takes it): many workers on
 *       many machines; user and password from the URL or {@code PGUSER} and {@code PGPASSWORD}.
 * </ul>
 */
public final class Storages {
  private Storages() {}

  /** Opens {@code url} for reading and writing, creating the database if it does not exist. */
  public static Storage open(String url) {
    return open(url, false);
  }

  /**
   * Opens {@code url}; with {@code readOnly}, a missing or empty database is an error instead of
   * being created.
   *
   * @throws StorageException naming the URL if its scheme is unknown, or the database cannot be
   *     opened
   */
  public static Storage open(String url, boolean readOnly) {
    if (url == null || url.isBlank()) {
      throw new StorageException("no storage URL given; use sqlite:PATH (a file), jdbc:postgresql://HOST/DATABASE,"
          + " or memory:");
    }
    if (url.equals("memory:")) {
      return new InMemoryStorage();
    }
    if (url.startsWith("sqlite:")) {
      // SQLAlchemy's form: sqlite:///relative.db, sqlite:////absolute.db.
      String path = url.startsWith("sqlite:///") ? url.substring("sqlite:///".length()) : url.substring("sqlite:".length());
      if (path.isEmpty()) {
        throw new StorageException("the storage URL " + url + " names no file; use sqlite:PATH, e.g. sqlite:studies/a.db");
      }
      return SqliteStorage.open(Path.of(path), readOnly);
    }
    if (PostgresUrl.accepts(url)) {
      return PostgresStorage.open(url, readOnly);
    }
    throw new StorageException("unknown storage URL scheme in '" + PostgresUrl.maskAll(url) + "'; use sqlite:PATH"
        + " (a file, e.g. sqlite:studies/a.db), jdbc:postgresql://HOST/DATABASE or memory:");
  }
}
