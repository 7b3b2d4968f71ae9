package io.paramspace.sample;

import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.Space;

/**
 * Walks a space by a dotted path written as overrides write it: field names, branch class names
 * ({@code model.blockConfig.DenseConfig.numLayers}) and {@code true}/{@code false} for the sides
 * of a conditional. A conditional reached by a field name is returned as it is.
 */
final class SpaceAt {
  private SpaceAt() {}

  static Space at(Space space, String path) {
    for (String key : path.split("\\.")) {
      space = step(space, key, path);
    }
    return space;
  }

  private static Space step(Space space, String key, String path) {
    if (space instanceof ConfigSpace<?> config) {
      int index = config.indexOf(key);
      if (index >= 0) {
        return config.field(index).space();
      }
    } else if (space instanceof PolymorphicSpace polymorphic) {
      ConfigSpace<?> branch = polymorphic.branch(key);
      if (branch != null) {
        return branch;
      }
    } else if (space instanceof ConditionalSpace conditional) {
      if (key.equals("true")) {
        return conditional.whenTrue();
      }
      if (key.equals("false")) {
        return conditional.whenFalse();
      }
      return step(conditional.whenTrue(), key, path);
    }
    throw new AssertionError("no '" + key + "' in " + space + " (path " + path + ")");
  }
}
