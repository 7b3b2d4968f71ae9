package io.paramspace.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;

/** A {@code @SearchSpace} record as the processor understood it: its components in order. */
record ConfigModel(TypeElement element, String simpleName, List<FieldModel> fields) {
  /** The field called {@code name}, or {@code null}. */
  FieldModel field(String name) {
    for (FieldModel field : fields) {
      if (field.name().equals(name)) {
        return field;
      }
    }
    return null;
  }

  List<String> fieldNames() {
    return fields.stream().map(FieldModel::name).toList();
  }
}
