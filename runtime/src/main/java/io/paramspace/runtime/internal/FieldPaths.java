package io.paramspace.runtime.internal;

import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.view.SpaceTree;

/**
 * Key paths ({@code model.blockConfig.DenseConfig.numLayers}): joins them for problems, and reads
 * the value at a condition's field path ({@code "optimizer.name"}) from a config's components.
 */
public final class FieldPaths {
  private FieldPaths() {}

  /** {@code parent.key}, or {@code key} at the top. */
  public static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** The value at {@code path}, or {@code null} if the path goes through a null config. */
  public static Object value(ConfigSpace<?> space, Object[] components, String path) {
    int dot = path.indexOf('.');
    String head = dot < 0 ? path : path.substring(0, dot);
    int index = space.indexOf(head);
    if (index < 0) {
      throw new IllegalArgumentException("a condition reads '" + path + "', but " + space.typeName()
          + " has no field '" + head + "'");
    }
    Object value = components[index];
    if (dot < 0 || value == null) {
    return value;
    }
    ConfigSpace<?> nested = configOf(space.field(index).space());
  return value(nested, Accesses.require(nested).components(value), path.substring(dot + 1));
  }

  /** The config space a field samples (through a conditional's active side). */
  static ConfigSpace<?> configOf(Space space) {
    if (space instanceof ConditionalSpace c) {
      return configOf(c.whenTrue());
    }
    if (space instanceof ConfigSpace<?> c) {
      return c;
    }
    throw new IllegalArgumentException("a condition path goes through " + SpaceTree.label(space)
        + ", which is not a nested config");
  }

  /** The branch of {@code space} that {@code value} is an instance of, or {@code null}. */
  public static ConfigSpace<?> branchOf(PolymorphicSpace space, Object value) {
    for (ConfigSpace<?> branch : space.branches()) {
      if (branch.type().isInstance(value)) {
        return branch;
      }
    }
    return null;
  }
}
