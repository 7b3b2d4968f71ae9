package io.paramspace.study;

/**
 * The sampler has nothing left to propose: every point of a grid has been claimed. {@link
 * Study#ask} throws it (and creates no trial); {@link Study#optimize} logs it and returns.
 */
public class SearchExhaustedException extends StudyException {
  private static final long serialVersionUID = 1L;

  public SearchExhaustedException(String message) {
    super(message);
  }
}
