package io.paramspace.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a config is a point of a space: every value in its range or among its choices,
 * conditional fields set only while active (and to their fixed value while inactive), polymorphic
 * fields of a kept branch, all the way down. Reports every violation.
 */
final class ConfigValidator {
  private final String source;
  private final List<InputProblem> problems = new ArrayList<>();

  private ConfigValidator(String source) {
    this.source = source;
  }

  static List<InputProblem> violations(ConfigSpace space, Object config, String source) {
    ConfigValidator validator = new ConfigValidator(source);
    if (config == null) {
      validator.problem("", "is null; expected a " + space.typeName());
    } else if (!space.type().isInstance(config)) {
      validator.problem("", "is a " + config.getClass().getSimpleName() + "; expected a " + space.typeName());
    } else {
      validator.config(space, config, "");
    }
    return List.copyOf(validator.problems);
  }

  static void validate(ConfigSpace space, Object config) {
    List<InputProblem> problems = violations(space, config, "<config>");
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(space.typeName(), problems);
    }
  }

  private void problem(String path, String message) {
    problems.add(new InputProblem(source, path, InputNode.Location.UNKNOWN, message));
  }

  private void config(ConfigSpace space, Object config, String path) {
    Object[] values = space.requireAccess().components(config);
    for (int i = 0; i < space.fields().size(); i++) {
      FieldSpace field = space.field(i);
      String at = InputProblem.child(path, field.name());
      if (field.space() instanceof ConditionalSpace conditional) {
        boolean active = conditional.condition().test(p -> FieldPaths.value(space, values, p));
        if (active) {
          value(conditional.whenTrue(), values[i], at);
        } else if (!(conditional.whenFalse() instanceof FixedSpace inactive)) {
          value(conditional.whenFalse(), values[i], at);
        } else if (!Values.sameValue(values[i], inactive.value())) {
          problem(at, "is " + Literals.format(values[i]) + " but inactive (not " + conditional.condition()
              + "), so it must be " + Literals.format(inactive.value()));
        }
      } else {
        value(field.space(), values[i], at);
      }
    }
  }

  private void value(Space space, Object value, String path) {
    if (space instanceof FixedSpace fixed) {
      if (!Values.sameValue(value, fixed.value())) {
        problem(path, "is " + Literals.format(value) + " but is fixed to " + Literals.format(fixed.value()));
      }
      return;
    }
    if (value == null) {
      problem(path, "is null; expected a value of " + SpaceTree.label(space));
      return;
    }
    if (space instanceof FloatSpace || space instanceof IntSpace) {
      if (!(value instanceof Number) || !Values.contains(space, value)) {
        problem(path, Literals.format(value) + " is outside " + SpaceTree.label(space));
      }
    } else if (space instanceof CategoricalSpace<?> c) {
      if (Values.indexOfChoice(c.choices(), value) < 0) {
        problem(path, Literals.format(value) + " is not a choice; choose one of " + Values.list(c.choices()));
      }
    } else if (space instanceof ConfigSpace c) {
      if (c.type().isInstance(value)) {
        config(c, value, path);
      } else {
        problem(path, "is a " + value.getClass().getSimpleName() + "; expected a " + c.typeName());
      }
    } else if (space instanceof PolymorphicSpace p) {
      ConfigSpace branch = FieldPaths.branchOf(p, value);
      if (branch == null) {
        problem(path, "is a " + value.getClass().getSimpleName() + ", not one of the branches "
            + p.branches().stream().map(ConfigSpace::typeName).toList());
      } else {
        config(branch, value, path);
      }
    } else {
      value(((ConditionalSpace) space).whenTrue(), value, path);
    }
  }
}
