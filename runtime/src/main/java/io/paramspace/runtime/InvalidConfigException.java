package io.paramspace.runtime;

import java.util.List;

/** A config that is not a point of its space (or could not be read), with every violation. */
public final class InvalidConfigException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String typeName, List<InputProblem> problems) {
    super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in a " + typeName + ":",
        problems);
  }
}
