package io.paramspace.runtime;

import java.util.Objects;

/**
 * A field that samples {@code whenTrue} while its {@link Condition} holds and takes {@code
 * whenFalse} (a {@link FixedSpace}, in spaces the processor generates) otherwise.
 */
public record ConditionalSpace(Condition condition, Space whenTrue, Space whenFalse) implements Space {
  public ConditionalSpace {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(whenTrue, "whenTrue");
    Objects.requireNonNull(whenFalse, "whenFalse");
  }
}
