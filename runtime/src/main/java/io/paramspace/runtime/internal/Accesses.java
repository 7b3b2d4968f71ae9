package io.paramspace.runtime.internal;

import io.paramspace.runtime.ConfigAccess;
import io.paramspace.runtime.ConfigSpace;

/** The generated access of a space, for the operations that need one. */
public final class Accesses {
  private Accesses() {}

  /** The access to the records of {@code space}, or an error saying it was built without one. */
  public static <T> ConfigAccess<T> require(ConfigSpace<T> space) {
    ConfigAccess<T> access = space.access();
    if (access == null) {
      throw new IllegalStateException("the space of " + space.typeName() + " was built without a ConfigAccess;"
          + " use the generated " + space.typeName() + "Space to sample, read, write or validate configs");
    }
    return access;
  }
}
