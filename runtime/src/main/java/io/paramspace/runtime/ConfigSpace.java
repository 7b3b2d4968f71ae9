package io.paramspace.runtime;

import java.util.List;
import java.util.Objects;

/**
 * The space of a {@code @SearchSpace} record: its class, the simple name that trees and parameter
 * names use, and one {@link FieldSpace} per component, in declaration order.
 */
public record ConfigSpace(Class<?> type, String typeName, List<FieldSpace> fields) implements Space {
  public ConfigSpace {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(typeName, "typeName");
    fields = List.copyOf(fields);
  }

  /** The index of the field called {@code name}, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  public FieldSpace field(int index) {
    return fields.get(index);
  }
}
