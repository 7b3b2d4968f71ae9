package io.paramspace.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * A class that generated code names: its package and its simple names, outermost first ({@code
 * test}, {@code [Outer, Inner]}). {@link SourceFile} decides how each reference is written.
 */
record JavaName(String packageName, List<String> simpleNames) {
  JavaName {
    simpleNames = List.copyOf(simpleNames);
  }

  static JavaName of(String packageName, String... simpleNames) {
    return new JavaName(packageName, List.of(simpleNames));
  }

  static JavaName of(TypeElement type) {
    List<String> names = new ArrayList<>();
    Element element = type;
    while (element instanceof TypeElement) {
      names.add(0, element.getSimpleName().toString());
      element = element.getEnclosingElement();
    }
    // A local or anonymous class has no package to name it by; a record here never is one.
    return new JavaName(((PackageElement) element).getQualifiedName().toString(), names);
  }

  JavaName nested(String simpleName) {
    List<String> names = new ArrayList<>(simpleNames);
    names.add(simpleName);
    return new JavaName(packageName, names);
  }

  String simpleName() {
    return simpleNames.get(simpleNames.size() - 1);
  }

  JavaName topLevel() {
    return simpleNames.size() == 1 ? this : new JavaName(packageName, simpleNames.subList(0, 1));
  }

  /** The enclosing class, or {@code null} for a top-level one. */
  JavaName enclosing() {
    return simpleNames.size() == 1 ? null : new JavaName(packageName, simpleNames.subList(0, simpleNames.size() - 1));
  }

  String canonicalName() {
    String dotted = String.join(".", simpleNames);
    return packageName.isEmpty() ? dotted : packageName + "." + dotted;
  }
}
