package io.paramspace.processor;

import java.util.List;

/**
 * The space of one component as the processor resolved it: what it samples while active. Values
 * are typed as {@link LiteralParser} parses them.
 */
sealed interface SpaceModel {
  /**
   * {@code @FloatRange} or {@code @IntRange}. An int range keeps its exact bounds and step in
   * {@code intMin}, {@code intMax} and {@code intStep} (longs beyond 2^53 have no exact double);
   * its {@code min}, {@code max} and {@code step} are the nearest doubles. A float range has 0 in
   * the int components.
   */
  record Range(boolean integral, double min, double max, boolean log, double step, long intMin, long intMax,
      long intStep) implements SpaceModel {
    static Range real(double min, double max, boolean log, double step) {
      return new Range(false, min, max, log, step, 0, 0, 0);
    }

    static Range whole(long min, long max, boolean log, long step) {
      return new Range(true, min, max, log, step, min, max, step);
    }
  }

  /** Choices of their real type (enum constants and branch names as their names), weighted. */
  record Categorical(List<Object> values, List<Double> weights) implements SpaceModel {}

  /** One value: a single {@code @Choice}, or the {@code then} of a conditional. */
  record Fixed(Object value) implements SpaceModel {}

  /** A nested {@code @SearchSpace} record, by qualified name. */
  record Config(String qualifiedName) implements SpaceModel {}

  /** A sealed interface: the permitted records chosen among, by simple name, with weights. */
  record Polymorphic(List<String> branches, List<Double> weights) implements SpaceModel {}
}
