package io.paramspace.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Where a diagnostic goes: an element, and when known the annotation and the annotation value
 * that caused it, so javac points at {@code field = "lr"} rather than at the whole component.
 * Rules never look inside it; tests of plain rules may pass {@link #NONE}.
 */
record Position(Element element, AnnotationMirror annotation, AnnotationValue value) {
  static final Position NONE = new Position(null, null, null);

  static Position of(Element element) {
    return new Position(element, null, null);
  }

  static Position of(Element element, AnnotationMirror annotation) {
    return new Position(element, annotation, null);
  }

  /**
   * The position of element {@code index} of the array attribute {@code name} of {@code
   * annotation}, or of the attribute (or the annotation) when it has no such element.
   */
  static Position of(Element element, AnnotationMirror annotation, String name, int index) {
    Position attribute = of(element, annotation, name);
    if (attribute.value() != null && attribute.value().getValue() instanceof List<?> values
        && index >= 0 && index < values.size()) {
      return new Position(element, annotation, (AnnotationValue) values.get(index));
    }
    return attribute;
  }

  /** The positions of every element of the array attribute {@code name}, {@code count} of them. */
  static List<Position> ofEach(Element element, AnnotationMirror annotation, String name, int count) {
    List<Position> positions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      positions.add(of(element, annotation, name, i));
    }
    return positions;
  }

  /** The position of attribute {@code name} of {@code annotation}, or the annotation itself. */
  static Position of(Element element, AnnotationMirror annotation, String name) {
    for (var entry : annotation.getElementValues().entrySet()) {
      ExecutableElement attribute = entry.getKey();
      if (attribute.getSimpleName().contentEquals(name)) {
        return new Position(element, annotation, entry.getValue());
      }
    }
    return new Position(element, annotation, null);
  }
}
