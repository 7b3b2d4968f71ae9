package io.paramspace.runtime;

import java.util.List;
import java.util.Objects;

/**
 * The space of a {@code @SearchSpace} record: its class, the simple name that trees and parameter
 * names use, one {@link FieldSpace} per component in declaration order, and the generated {@link
 * ConfigAccess} that reads and builds the record ({@code null} for spaces built by hand, which then
 * cannot be serialized or validated).
 */
public record ConfigSpace(Class<?> type, String typeName, List<FieldSpace> fields, ConfigAccess access)
    implements Space {
  public ConfigSpace {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(typeName, "typeName");
    fields = List.copyOf(fields);
  }

  /** A space without access to its records: enough for trees, names and sampling. */
  public ConfigSpace(Class<?> type, String typeName, List<FieldSpace> fields) {
    this(type, typeName, fields, null);
  }

  /**
   * The space of a generated {@code XxxSpace}: the fields as an array, which javac checks without
   * inferring a list's element type over many nested arguments.
   */
  public static ConfigSpace of(Class<?> type, String typeName, FieldSpace[] fields, ConfigAccess access) {
    return new ConfigSpace(type, typeName, List.of(fields), access);
  }

  /** The same space with other fields (a narrowed copy). */
  public ConfigSpace withFields(List<FieldSpace> newFields) {
    return new ConfigSpace(type, typeName, newFields, access);
  }

  /**
   * This space narrowed by {@code overrides}.
   *
   * @throws InvalidOverridesException with every problem, if they do not fit this space
   */
  public ConfigSpace narrow(Overrides overrides) {
    return OverrideApplier.apply(this, overrides);
  }

  /** The whole space in the override grammar, as a file to copy and edit. */
  public String overrideTemplate(InputFormat format) {
    return OverrideTemplate.write(this, format);
  }

  /** A stable SHA-256 (hex) of this space: equal spaces hash equal, any narrowing changes it. */
  public String hash() {
    return SpaceHash.of(this);
  }

  /** Every way {@code config} is not a point of this space; empty if it is one. */
  public List<InputProblem> violations(Object config) {
    return ConfigValidator.violations(this, config, "<config>");
  }

  /**
   * Checks that {@code config} is a point of this space.
   *
   * @throws InvalidConfigException with every violation
   */
  public void validate(Object config) {
    ConfigValidator.validate(this, config);
  }

  /** The access to the records, or an error saying this space was built without one. */
  ConfigAccess requireAccess() {
    if (access == null) {
      throw new IllegalStateException("the space of " + typeName + " was built without a ConfigAccess;"
          + " use the generated " + typeName + "Space to read, write or validate configs");
    }
    return access;
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
