package io.paramspace.runtime;

import io.paramspace.runtime.internal.Values;
import java.util.Collections;
import java.util.List;

/**
 * A field whose type is a sealed interface: one of its permitted {@code @SearchSpace} records,
 * each with its own space. The branch is chosen like a categorical over the records' simple names,
 * with the given weights.
 */
public record PolymorphicSpace(List<ConfigSpace<?>> branches, List<Double> weights) implements Space {
  public PolymorphicSpace {
    branches = List.copyOf(branches);
    weights = List.copyOf(weights);
    if (branches.isEmpty() || weights.size() != branches.size()) {
      throw new IllegalArgumentException(
          "a PolymorphicSpace needs at least one branch and one weight per branch, got "
              + branches.size() + " branches and " + weights.size() + " weights");
    }
    for (Double w : weights) {
      if (!(w > 0) || w.isInfinite()) {
        throw new IllegalArgumentException("branch weights must be positive and finite, got " + weights);
      }
    }
    if (branches.stream().map(ConfigSpace::typeName).distinct().count() != branches.size()) {
      throw new IllegalArgumentException("branch names must be distinct, got "
          + branches.stream().map(ConfigSpace::typeName).toList());
    }
  }

  public static PolymorphicSpace of(ConfigSpace<?>... branches) {
    return new PolymorphicSpace(List.of(branches), Collections.nCopies(branches.length, 1.0));
  }

  /** Branches with the given weights, in the same order (the form generated descriptors use). */
  public static PolymorphicSpace weighted(ConfigSpace<?>[] branches, double[] weights) {
    return new PolymorphicSpace(List.of(branches), Values.weights(weights));
  }

  /** The branch names, as a categorical space a Trial is asked; {@code null} with one branch. */
  public CategoricalSpace<String> choice() {
    if (branches.size() < 2) {
      return null;
    }
    return new CategoricalSpace<>(branches.stream().map(ConfigSpace::typeName).toList(), weights);
  }

  /** The branch called {@code typeName}, or {@code null}. */
  public ConfigSpace<?> branch(String typeName) {
    for (ConfigSpace<?> branch : branches) {
      if (branch.typeName().equals(typeName)) {
        return branch;
      }
    }
    return null;
  }
}
