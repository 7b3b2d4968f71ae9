package io.paramspace.runtime;

/** No generated space for a class name: the class is not on the classpath, or was not processed. */
public final class SpaceNotFoundException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public SpaceNotFoundException(String message) {
    super(message);
  }

  public SpaceNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
