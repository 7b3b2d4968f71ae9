package io.paramspace.runtime;

/** A single value: a fixed field, or the fixed side of a conditional. Never asked of a Trial. */
public record FixedSpace(Object value) implements Space {
  private static final FixedSpace NULL = new FixedSpace(null);

  public static FixedSpace of(Object value) {
    return value == null ? NULL : new FixedSpace(value);
  }
}
