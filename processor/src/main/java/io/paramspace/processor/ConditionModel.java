package io.paramspace.processor;

import java.util.List;

/**
 * When a component is active: every one of {@code all} holds, and for each group in {@code
 * anyOf}, at least one of its tests holds.
 */
record ConditionModel(List<Test> all, List<List<Test>> anyOf) {
  /** One {@code @When}: a path, and its test. */
  record Test(
      String path,
      Operator operator,
      List<String> literals,
      Double lower,
      boolean lowerInclusive,
      Double upper,
      boolean upperInclusive,
      Position position,
      Position fieldPosition,
      Position testPosition,
      List<Position> literalPositions) {

    /** Where literal {@code index} of {@code equalsTo} / {@code notEqualsTo} is written. */
    Position literalPosition(int index) {
      return index < literalPositions.size() ? literalPositions.get(index) : testPosition;
    }

    String head() {
      int dot = path.indexOf('.');
      return dot < 0 ? path : path.substring(0, dot);
    }

    /** The attribute that holds the literals, for messages. */
    String attribute() {
      return operator == Operator.EQUALS ? "equalsTo" : "notEqualsTo";
    }
  }

  /** The kind of a test. */
  enum Operator {
    EQUALS,
    NOT_EQUALS,
    ORDERING
  }

  boolean isEmpty() {
    return all.isEmpty() && anyOf.isEmpty();
  }

  /** Every test, in declaration order. */
  List<Test> tests() {
    return java.util.stream.Stream.concat(all.stream(), anyOf.stream().flatMap(List::stream)).toList();
  }
}
