package io.paramspace.runtime;

import java.util.function.Function;

/**
 * Reads the components of a config record and builds one from components, in declaration order:
 * what generated code supplies so the runtime can serialize and validate configs without
 * reflection.
 */
public interface ConfigAccess {
  /** The components of {@code config}, in declaration order. */
  Object[] components(Object config);

  /** A new config from its components, each of the component's exact type (boxed). */
  Object create(Object[] components);

  /** The access to records of {@code type}, from two generated methods. */
  static <C> ConfigAccess of(Class<C> type, Function<C, Object[]> components, Function<Object[], C> create) {
    return new ConfigAccess() {
      @Override
      public Object[] components(Object config) {
        return components.apply(type.cast(config));
      }

      @Override
      public Object create(Object[] values) {
        return create.apply(values);
      }
    };
  }
}
