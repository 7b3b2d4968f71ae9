package io.paramspace.runtime;

import java.util.List;

/** Short ways to build descriptors by hand, as generated code would, for the tests. */
public final class TestSpaces {
  private TestSpaces() {}

  public enum Activation {
    RELU,
    GELU
  }

  /** Stand-ins for the records of SpaX's example; only their classes matter here. */
  public record DenseConfig(int numLayers) implements BlockConfig {}

  public record ConvConfig(int kernelSize) implements BlockConfig {}

  public sealed interface BlockConfig permits DenseConfig, ConvConfig {}

  public static ConfigSpace<?> config(String typeName, FieldSpace... fields) {
    return new ConfigSpace<>(Object.class, typeName, List.of(fields));
  }

  public static ConfigSpace<?> config(Class<?> type, FieldSpace... fields) {
    return new ConfigSpace<>(type, type.getSimpleName(), List.of(fields));
  }

  public static FieldSpace field(String name, Space space) {
    return new FieldSpace(name, Object.class, space);
  }

  public static ConditionalSpace when(Condition condition, Space whenTrue, Object otherwise) {
    return new ConditionalSpace(condition, whenTrue, FixedSpace.of(otherwise));
  }

  public static ConfigSpace<?> dense() {
    return config(
        DenseConfig.class,
        field("numLayers", IntSpace.uniform(1, 4)),
        field("activation", CategoricalSpace.of(Activation.RELU, Activation.GELU)));
  }

  public static ConfigSpace<?> conv() {
    return config(
        ConvConfig.class,
        field("kernelSize", CategoricalSpace.of(3, 5)),
        field("padding", FixedSpace.of("same")));
  }
}
