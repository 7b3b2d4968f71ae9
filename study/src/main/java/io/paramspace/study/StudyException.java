package io.paramspace.study;

/**
 * A study cannot do what was asked: reopened with other directions, a study name that does not
 * exist, too many consecutive failed trials, a trial told twice. The message names the study or
 * trial and what to do.
 */
public class StudyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StudyException(String message) {
    super(message);
  }

  public StudyException(String message, Throwable cause) {
    super(message, cause);
  }
}
