package io.paramspace.sweep;

import java.util.List;

/**
 * A source, sweep or manifest that cannot be built or read as asked, with every problem found:
 * each names the thing at fault (a parameter, a field path, an index, a manifest key) and says what
 * to do. The only exception this module throws for something a user wrote, besides {@link
 * IndexOutOfBoundsException} for an index outside a sequence and the runtime's {@code
 * InvalidConfigException} for a config that is not a point of its space.
 */
public class SweepException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public SweepException(String summary, List<String> problems) {
    super(problems.size() == 1 && summary.isEmpty() ? problems.get(0) : summary + lines(problems));
    this.problems = List.copyOf(problems);
  }

  public SweepException(String problem) {
    this("", List.of(problem));
  }

  private static String lines(List<String> problems) {
    StringBuilder text = new StringBuilder();
    for (String problem : problems) {
      text.append("\n  ").append(problem);
    }
    return text.toString();
  }

  /** Every problem, in the order found. */
  public List<String> problems() {
    return problems;
  }
}
