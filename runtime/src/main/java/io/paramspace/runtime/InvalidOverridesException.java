package io.paramspace.runtime;

import java.util.List;

/** Overrides that cannot narrow the space they were applied to, with every problem found. */
public final class InvalidOverridesException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public InvalidOverridesException(String typeName, List<InputProblem> problems) {
    super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the overrides of "
        + typeName + "; nothing was applied:", problems);
  }
}
