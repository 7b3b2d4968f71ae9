package io.paramspace.runtime;

import java.util.Objects;

/**
 * One component of a config record: its name, its declared type ({@code double.class}, {@code
 * Integer.class}, a record or sealed interface) and its space.
 */
public record FieldSpace(String name, Class<?> type, Space space) {
  public FieldSpace {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(space, "space");
  }
}
