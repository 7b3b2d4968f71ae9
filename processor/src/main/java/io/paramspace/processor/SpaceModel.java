package io.paramspace.processor;

import java.util.List;

/**
 * The space of one component as the processor resolved it: what it samples while active. Values
 * are typed as {@link LiteralParser} parses them.
 */
sealed interface SpaceModel {
  /** {@code @FloatRange} or {@code @IntRange}; for an int range, bounds and step are whole. */
  record Range(boolean integral, double min, double max, boolean log, double step) implements SpaceModel {}

  /** Choices of their real type (enum constants and branch names as their names), weighted. */
  record Categorical(List<Object> values, List<Double> weights) implements SpaceModel {}

  /** One value: a single {@code @Choice}, or the {@code then} of a conditional. */
  record Fixed(Object value) implements SpaceModel {}

  /** A nested {@code @SearchSpace} record, by qualified name. */
  record Config(String qualifiedName) implements SpaceModel {}

  /** A sealed interface: the permitted records chosen among, by simple name, with weights. */
  record Polymorphic(List<String> branches, List<Double> weights) implements SpaceModel {}
}
