package io.paramspace.runtime.sampling;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.InputNode;
import io.paramspace.runtime.InputProblem;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.InvalidConfigException;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.Trial;
import io.paramspace.runtime.internal.Suggestions;
import io.paramspace.runtime.internal.Values;
import io.paramspace.runtime.text.Literals;
import io.paramspace.runtime.view.SpaceTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a config from name/value pairs by sampling its space with a trial that answers from the
 * map. A missing or out-of-distribution answer is recorded and replaced by a valid stand-in, so
 * sampling goes on and every problem is found in one pass; names the sampling never asked are
 * unknown (with the closest name) or belong to an inactive branch.
 */
public final class ParameterReader implements Trial {
  private static final String SOURCE = "<parameters>";

  private final Map<String, ?> parameters;
  private final Set<String> asked = new HashSet<>();
  private final List<InputProblem> problems = new ArrayList<>();

  private ParameterReader(Map<String, ?> parameters) {
    this.parameters = parameters;
  }

  public static <T> T read(ConfigSpace<T> space, Map<String, ?> parameters) {
    ParameterReader reader = new ParameterReader(parameters);
    T config = space.sample(reader);
    Map<String, Distribution> known = space.distributions();
    for (String name : new TreeSet<>(parameters.keySet())) {
      if (reader.asked.contains(name)) {
        continue;
      }
      if (known.containsKey(name)) {
        reader.problem(name, "is a parameter of a branch that is not active for the other values given;"
            + " leave it out");
      } else {
        reader.problem(Literals.briefName(name), "is not a parameter of " + space.typeName() + "."
            + suggestion(name, known.keySet()));
      }
    }
    if (!reader.problems.isEmpty()) {
      throw new InvalidConfigException(space.typeName(), reader.problems);
    }
    return config;
  }

  /** The full name that ends with {@code name} ("optimizer" for "TuningConfig.optimizer"), else the closest. */
  private static String suggestion(String name, Set<String> known) {
    for (String candidate : known) {
      if (candidate.endsWith("." + name) || candidate.endsWith("::" + name)) {
        return " Did you mean \"" + candidate + "\"?";
      }
    }
    return Suggestions.didYouMean(name, List.copyOf(known));
  }

  private void problem(String name, String message) {
    problems.add(new InputProblem(SOURCE, name, InputNode.Location.UNKNOWN, message));
  }

  /** The value given for {@code name}, or {@code null} after recording that it is missing. */
  private Object given(String name, Space space) {
    asked.add(name);
    Object value = parameters.get(name);
    if (value == null) {
      problem(name, "is missing; it is active, so give a value of " + SpaceTree.label(space)
          + (space instanceof CategoricalSpace<?> c ? " of " + Values.list(c.choices()) : ""));
    }
    return value;
  }

  @Override
  public double suggestFloat(String name, FloatSpace space) {
    Object value = given(name, space);
    if (value == null) {
      return space.min();
    }
    if (!(value instanceof Number n) || !space.contains(n.doubleValue())) {
      problem(name, Literals.brief(value) + " is outside " + SpaceTree.label(space)
          + (value instanceof Number n && space.step() != 0 && n.doubleValue() >= space.min()
              && n.doubleValue() <= space.max() ? " (not on its step grid)" : ""));
      return space.min();
    }
    return n.doubleValue();
  }

  @Override
  public long suggestInt(String name, IntSpace space) {
    Object value = given(name, space);
    if (value == null) {
      return space.min();
    }
    if (!(value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)
        || !space.contains(((Number) value).longValue())) {
      problem(name, Literals.brief(value) + (value instanceof Number ? " is outside " : " is not an integer of ")
          + SpaceTree.label(space));
      return space.min();
    }
    return ((Number) value).longValue();
  }

  @Override
  public <T> T suggestCategorical(String name, CategoricalSpace<T> space) {
    Object value = given(name, space);
    if (value == null) {
      return space.choices().get(0);
    }
    int index = Values.indexOfChoice(space.choices(), value);
    if (index < 0) {
      problem(name, Literals.brief(value) + " is not a choice; choose one of " + Values.list(space.choices()));
      return space.choices().get(0);
    }
    return space.choices().get(index);
  }
}
