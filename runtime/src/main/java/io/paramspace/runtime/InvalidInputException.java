package io.paramspace.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input, with every problem found in it: the only exception the override and config loaders
 * throw for anything a user wrote. Nothing is half-applied or half-built when it is thrown.
 */
public class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<InputProblem> problems;

  public InvalidInputException(String summary, List<InputProblem> problems) {
    this(summary, inReadingOrder(problems), true);
  }

  private InvalidInputException(String summary, List<InputProblem> sorted, boolean ignored) {
    super(summary + sorted.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
    this.problems = sorted;
  }

  /** Problems with a known position by line and column, the others after them, as found. */
  private static List<InputProblem> inReadingOrder(List<InputProblem> problems) {
    return problems.stream()
        .sorted(Comparator.comparing((InputProblem p) -> !p.location().isKnown())
            .thenComparingInt(p -> p.location().line())
            .thenComparingInt(p -> p.location().column()))
        .toList();
  }

  /** Every problem, in the order found. */
  public List<InputProblem> problems() {
    return problems;
  }
}
