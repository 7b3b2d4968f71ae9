package io.paramspace.runtime.text;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.Condition;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FixedSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.InputNode;
import io.paramspace.runtime.InputProblem;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.InvalidConfigException;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.internal.Accesses;
import io.paramspace.runtime.internal.FieldPaths;
import io.paramspace.runtime.internal.Values;
import io.paramspace.runtime.view.SpaceTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a config is a point of a space: every value in its range or among its choices,
 * conditional fields set only while active (and to their fixed value while inactive), polymorphic
 * fields of a kept branch, all the way down. Reports every violation.
 */
public final class ConfigValidator {
  /** The source of the problems of a config in memory: none, so that lines start at the key path. */
  public static final String IN_MEMORY = "";

  private final String source;
  private final List<InputProblem> problems = new ArrayList<>();

  private ConfigValidator(String source) {
    this.source = source;
  }

  public static List<InputProblem> violations(ConfigSpace<?> space, Object config, String source) {
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

  /**
   * The violations among the fields of a config that could not be built, at {@code path}: of
   * each field that was read ({@code read[i]}), a conditional one only if every field its test
   * reads was read.
   */
  static List<InputProblem> violations(ConfigSpace<?> space, Object[] values, boolean[] read, String path,
      String source) {
    ConfigValidator validator = new ConfigValidator(source);
    validator.fields(space, values, read, path);
    return List.copyOf(validator.problems);
  }

  public static void validate(ConfigSpace<?> space, Object config) {
    List<InputProblem> problems = violations(space, config, IN_MEMORY);
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(space.typeName(), problems);
    }
  }

  private void problem(String path, String message) {
    problems.add(new InputProblem(source, path, InputNode.Location.UNKNOWN, message));
  }

  private void config(ConfigSpace<?> space, Object config, String path) {
    fields(space, Accesses.require(space).components(config), null, path);
  }

  /** Checks every field, or with {@code read} those read (see the static violations). */
  private void fields(ConfigSpace<?> space, Object[] values, boolean[] read, String path) {
    for (int i = 0; i < space.fields().size(); i++) {
      if (read != null && !read[i]) {
        continue;
      }
      FieldSpace field = space.field(i);
      String at = FieldPaths.child(path, field.name());
      if (field.space() instanceof ConditionalSpace conditional) {
        if (read != null && !readsOnlyRead(space, conditional.condition(), read)) {
          continue;
        }
        boolean active = conditional.condition().test(p -> FieldPaths.value(space, values, p));
        if (active) {
          value(conditional.whenTrue(), field.type(), values[i], at);
        } else if (!(conditional.whenFalse() instanceof FixedSpace inactive)) {
          value(conditional.whenFalse(), field.type(), values[i], at);
        } else if (!Values.sameValue(values[i], inactive.value())) {
          problem(at, "is " + Literals.brief(values[i]) + " but inactive (not " + conditional.condition()
              + "), so it must be " + Literals.format(inactive.value()));
        }
      } else {
        value(field.space(), field.type(), values[i], at);
      }
    }
  }

  /** {@code true} if every field that {@code condition} reads (the first step of its path) was read. */
  private static boolean readsOnlyRead(ConfigSpace<?> space, Condition condition, boolean[] read) {
    for (String field : condition.fields()) {
      int dot = field.indexOf('.');
      int index = space.indexOf(dot < 0 ? field : field.substring(0, dot));
      if (index < 0 || !read[index]) {
        return false;
      }
    }
    return true;
  }

  /** Checks {@code value} of a field of type {@code type} against {@code space}. */
  private void value(Space space, Class<?> type, Object value, String path) {
    if (space instanceof FixedSpace fixed) {
      if (!Values.sameValue(value, fixed.value())) {
        problem(path, "is " + Literals.brief(value) + " but is fixed to " + Literals.format(fixed.value()));
      }
      return;
    }
    if (value == null) {
      problem(path, "is null; expected " + expected(space, type));
      return;
    }
    if (space instanceof FloatSpace || space instanceof IntSpace) {
      if (!(value instanceof Number) || !Values.contains(space, value)) {
        // As an override says it: a value within the bounds is off the step grid.
        problem(path, Literals.brief(value) + " is outside " + SpaceTree.label(space)
            + (value instanceof Number && Values.withinBounds(space, value) ? " (not on its step grid)" : ""));
      }
    } else if (space instanceof CategoricalSpace<?> c) {
      if (Values.indexOfChoice(c.choices(), value) < 0) {
        problem(path, Literals.brief(value) + " is not a choice; choose one of " + Values.list(c.choices()));
      }
    } else if (space instanceof ConfigSpace<?> c) {
      if (c.type().isInstance(value)) {
        config(c, value, path);
      } else {
        problem(path, "is a " + value.getClass().getSimpleName() + "; expected a " + c.typeName());
      }
    } else if (space instanceof PolymorphicSpace p) {
      ConfigSpace<?> branch = FieldPaths.branchOf(p, value);
      if (branch == null) {
        problem(path, "is a " + value.getClass().getSimpleName() + ", not one of the branches "
            + p.branches().stream().map(ConfigSpace::typeName).toList());
      } else {
        // The branch is a step of the path, as in the override grammar: regularizer.L1Reg.alpha.
        config(branch, value, FieldPaths.child(path, branch.typeName()));
      }
    } else {
      value(((ConditionalSpace) space).whenTrue(), type, value, path);
    }
  }

  /** What a field needs where it has no value, in the words of the space: its choices, its branches, its range. */
  private static String expected(Space space, Class<?> type) {
    if (space instanceof CategoricalSpace<?> c) {
      return "one of " + Values.list(c.choices());
    }
    if (space instanceof PolymorphicSpace p) {
      String branches = String.join(", ", p.branches().stream().map(ConfigSpace::typeName).toList());
      return "one of " + branches + (type == Object.class ? "" : " (" + article(type.getSimpleName()) + ")");
    }
    if (space instanceof ConfigSpace<?> c) {
      return article(c.typeName());
    }
    if (space instanceof ConditionalSpace c) {
      return expected(c.whenTrue(), type);
    }
    return "a value of " + SpaceTree.label(space);
  }

  private static String article(String name) {
    return (!name.isEmpty() && "AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }
}
