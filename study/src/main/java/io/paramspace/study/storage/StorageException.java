package io.paramspace.study.storage;

/**
 * A storage cannot do what was asked: a bad URL, a file that is not a study database, a schema
 * this version does not know, a study that does not exist, or an SQL error. The message names
 * the file, study or trial at fault and what to do.
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
