package io.paramspace.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @SearchSpace} record as the processor understood it: its components in order.
 *
 * @param fields the components it could model; a component whose type has no space (reported
 *     where it is declared) is missing here, but not from {@code componentNames}
 * @param componentNames every component, in declaration order
 */
record ConfigModel(TypeElement element, String simpleName, List<FieldModel> fields, List<String> componentNames) {
  /** A config whose components were all modelled. */
  ConfigModel(TypeElement element, String simpleName, List<FieldModel> fields) {
    this(element, simpleName, fields, fields.stream().map(FieldModel::name).toList());
  }

  /** The field called {@code name}, or {@code null}. */
  FieldModel field(String name) {
    for (FieldModel field : fields) {
      if (field.name().equals(name)) {
        return field;
      }
    }
    return null;
  }

  /** The names of the modelled fields, in order. */
  List<String> fieldNames() {
    return fields.stream().map(FieldModel::name).toList();
  }

  /** {@code true} if {@code name} is a component that could not be modelled (its error is reported). */
  boolean failed(String name) {
    return field(name) == null && componentNames.contains(name);
  }
}
