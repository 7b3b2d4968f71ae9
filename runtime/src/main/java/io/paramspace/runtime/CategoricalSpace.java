package io.paramspace.runtime;

import io.paramspace.runtime.internal.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One of a list of values of their real type ({@code String}, {@code Boolean}, {@code Integer},
 * {@code Long}, {@code Double}, {@code Float}, an enum), each with a positive weight; the chance of
 * a choice is its weight over the sum. Choices are distinct, in declaration order.
 */
public record CategoricalSpace<T>(List<T> choices, List<Double> weights) implements Space {
  public CategoricalSpace {
    choices = List.copyOf(choices);
    weights = List.copyOf(weights);
    if (choices.size() < 2) {
      throw new IllegalArgumentException(
          "a CategoricalSpace needs at least two choices (one is a FixedSpace), got " + choices);
    }
    if (weights.size() != choices.size()) {
      throw new IllegalArgumentException(
          "a CategoricalSpace needs one weight per choice: " + choices.size() + " choices, "
              + weights.size() + " weights");
    }
    for (Double w : weights) {
      if (!(w > 0) || w.isInfinite()) {
        throw new IllegalArgumentException("categorical weights must be positive and finite, got " + weights);
      }
    }
    if (choices.stream().distinct().count() != choices.size()) {
      throw new IllegalArgumentException("categorical choices must be distinct, got " + choices);
    }
  }

  /** Equally weighted choices. */
  @SafeVarargs
  public static <T> CategoricalSpace<T> of(T... choices) {
    List<T> values = new ArrayList<>(choices.length);
    for (T choice : choices) {
      values.add(choice); // element by element: passing the array on is what -Xlint:varargs flags
    }
    return new CategoricalSpace<>(values, Collections.nCopies(choices.length, 1.0));
  }

  /** Choices with the given weights, in the same order. */
  public static <T> CategoricalSpace<T> weighted(List<T> choices, double... weights) {
    return new CategoricalSpace<>(choices, Values.weights(weights));
  }

  /**
   * Choices with the given weights, in the same order, as arrays: the form generated descriptors
   * use, because javac resolves a call with exact array arguments without trying boxing and
   * varargs first.
   */
  public static CategoricalSpace<Object> weighted(Object[] choices, double[] weights) {
    return new CategoricalSpace<>(List.of(choices), Values.weights(weights));
  }

  /** {@code true} if the weights differ, so a tree shows them. */
  public boolean isWeighted() {
    return weights.stream().distinct().count() > 1;
  }
}
