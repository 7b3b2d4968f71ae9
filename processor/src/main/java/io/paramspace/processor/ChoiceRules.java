package io.paramspace.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns a {@code @Choice} (or a type's implicit choices) into a space, checking literals, duplicates
 * and weights. Plain rules, no javac types.
 */
final class ChoiceRules {
  private ChoiceRules() {}

  /** A space, or {@code null} when the diagnostics leave none. */
  record Result(SpaceModel space, List<Diagnostic> problems) {}

  /**
   * Where a {@code @Choice} is: its {@code value} and {@code weights} arrays, and each of their
   * elements (an error about one literal or weight goes on it).
   */
  record Positions(Position values, List<Position> literals, Position weights, List<Position> weightElements) {
    static Positions all(Position position) {
      return new Positions(position, List.of(), position, List.of());
    }

    Position literal(int index) {
      return index < literals.size() ? literals.get(index) : values;
    }

    Position weight(int index) {
      return index < weightElements.size() ? weightElements.get(index) : weights;
    }
  }

  /**
   * @param implicit the values the type gives without {@code @Choice} (booleans, enum constants,
   *     branch names); empty for strings and numbers
   * @param literals the {@code @Choice} values; empty to keep {@code implicit}
   */
  static Result resolve(
      String field,
      ValueKind kind,
      String typeName,
      List<String> implicit,
      List<String> literals,
      List<Double> weights,
      Positions at) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (literals.isEmpty()) {
      if (implicit.isEmpty()) {
        problems.add(Diagnostic.of(Message.EMPTY_CHOICE, at.values(), field,
            LiteralParser.expected(kind, typeName, List.of())));
        return new Result(null, problems);
      }
      for (String name : implicit) {
        values.add(LiteralParser.parse(kind, name, implicit));
      }
    } else {
      for (int i = 0; i < literals.size(); i++) {
        String literal = literals.get(i);
        Object value = LiteralParser.parse(kind, literal, implicit);
        if (value == null) {
          problems.add(Diagnostic.of(Message.BAD_CHOICE_LITERAL, at.literal(i), field, literal,
              LiteralParser.expected(kind, typeName, implicit)));
        } else if (values.contains(value)) {
          problems.add(Diagnostic.of(Message.DUPLICATE_CHOICE, at.literal(i), field, LiteralParser.show(value)));
        } else {
          values.add(value);
        }
      }
    }
    if (!weights.isEmpty() && weights.size() != (literals.isEmpty() ? implicit.size() : literals.size())) {
      problems.add(Diagnostic.of(Message.WEIGHT_COUNT, at.weights(), field, weights.size(),
          literals.isEmpty() ? implicit.size() : literals.size()));
    }
    for (int i = 0; i < weights.size(); i++) {
      double weight = weights.get(i);
      if (!(weight > 0) || Double.isInfinite(weight)) {
        problems.add(Diagnostic.of(Message.WEIGHT_NOT_POSITIVE, at.weight(i), field, LiteralParser.number(weight)));
      }
    }
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    List<Double> effective = weights.isEmpty() ? Collections.nCopies(values.size(), 1.0) : weights;
    if (kind == ValueKind.POLYMORPHIC) {
      return new Result(new SpaceModel.Polymorphic(values.stream().map(String.class::cast).toList(), effective),
          problems);
    }
    if (values.size() == 1) {
      return new Result(new SpaceModel.Fixed(values.get(0)), problems);
    }
    return new Result(new SpaceModel.Categorical(values, effective), problems);
  }
}
