package io.paramspace.processor;

import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.tools.Diagnostic.Kind;

/**
 * Prints diagnostics on the element, annotation and value at fault. javac 17 has no source
 * position for a record component: there the {@link SourceLocator} finds the annotation value in
 * the source; where it cannot (no source, not javac), a problem on a component is printed on the
 * record's field of the same name, which javac places on the component's name, so file and line
 * are still those of the offending component.
 */
final class Reporter {
  private final Messager messager;
  private final Trees trees;
  private final SourceLocator locator;

  Reporter(ProcessingEnvironment environment) {
    this.messager = environment.getMessager();
    this.trees = treesOf(environment);
    this.locator = SourceLocator.of(environment);
  }

  /** The compiler tree API, or {@code null} where the processing environment is not javac's. */
  private static Trees treesOf(ProcessingEnvironment environment) {
    try {
      return Trees.instance(environment);
    } catch (RuntimeException | LinkageError notJavac) {
      return null;
    }
  }

  void report(Diagnostic diagnostic) {
    Position at = diagnostic.position();
    Element element = at.element();
    Kind kind = diagnostic.isError() ? Kind.ERROR : Kind.WARNING;
    if (element instanceof RecordComponentElement component && locator != null
        && locator.print(kind, diagnostic.text(), component, at.annotation(), at.value())) {
      return;
    }
    if (element instanceof RecordComponentElement component && !hasSourcePosition(component)) {
      element = fieldOf(component);
    }
    messager.printMessage(kind, diagnostic.text(), element, at.annotation(), at.value());
  }

  private boolean hasSourcePosition(RecordComponentElement component) {
    try {
      return trees == null || trees.getPath(component) != null;
    } catch (RuntimeException unsupported) {
      return false;
    }
  }

  private static Element fieldOf(RecordComponentElement component) {
    for (Element member : component.getEnclosingElement().getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD && member.getSimpleName().equals(component.getSimpleName())) {
        return member;
      }
    }
    return component;
  }
}
