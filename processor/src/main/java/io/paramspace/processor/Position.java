package io.paramspace.processor;

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
