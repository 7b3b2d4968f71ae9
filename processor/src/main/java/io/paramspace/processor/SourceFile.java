package io.paramspace.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The text of one generated source file, written line by line, with its imports worked out at the
 * end. Every class the code names goes through {@link #name}, which leaves a mark; {@link #text}
 * then decides each name once: the first class seen with a simple name is imported, unless that
 * name is taken by a class of this file or of its package, and every other one is written in full.
 * A class of this file is named as short as its scope allows ({@code Builder} inside the class,
 * {@code OptimizerSpace.Builder} for another file's). The rules, and so the text, are JavaPoet's,
 * which wrote these files before: rendering with it (twice per file, once to collect imports) was
 * most of the processor's own time; one pass over a string costs next to nothing.
 */
final class SourceFile {
  /** Opens and closes a mark; no generated text holds it (string literals escape control characters). */
  private static final char MARK = '\u0000';
  private static final String INDENT = "  ";

  private final JavaName topLevel;
  /** The simple names of the classes nested in each class of this file. */
  private final Map<JavaName, Set<String>> nestedTypes = new HashMap<>();
  /** The classes whose bodies are being written, outermost first. */
  private final List<JavaName> scope = new ArrayList<>();
  private final List<Reference> references = new ArrayList<>();
  private final StringBuilder body = new StringBuilder(16384);

  /** A class named at one place of the text, and the classes whose bodies that place is in. */
  private record Reference(JavaName type, List<JavaName> scope) {}

  SourceFile(JavaName topLevel) {
    this.topLevel = topLevel;
  }

  /** Declares {@code owner}'s nested class {@code simpleName}, which hides other classes of that name. */
  void declareNested(JavaName owner, String simpleName) {
    nestedTypes.computeIfAbsent(owner, k -> new HashSet<>()).add(simpleName);
  }

  /** Names written from now on are in {@code type}'s body, until {@link #exit}. */
  void enter(JavaName type) {
    scope.add(type);
  }

  void exit() {
    scope.remove(scope.size() - 1);
  }

  /** A mark standing for {@code type}, written as {@link #text} decides. */
  String name(JavaName type) {
    references.add(new Reference(type, List.copyOf(scope)));
    return MARK + Integer.toString(references.size() - 1) + MARK;
  }

  /** One line at {@code depth} levels of indentation; it may hold more lines, already indented. */
  void line(int depth, String code) {
    body.append(INDENT.repeat(depth)).append(code).append('\n');
  }

  void blankLine() {
    body.append('\n');
  }

  static String indent(int depth) {
    return INDENT.repeat(depth);
  }

  /** The whole file: package, imports, and the code with every mark replaced by its class's name. */
  String text() {
    Names first = new Names(Map.of());
    forEachMark(first::write);
    Map<String, JavaName> imports = new LinkedHashMap<>(first.importable);
    imports.keySet().removeAll(first.samePackage);
    Names names = new Names(imports);

    StringBuilder text = new StringBuilder(body.length() + 1024);
    if (!topLevel.packageName().isEmpty()) {
      text.append("package ").append(topLevel.packageName()).append(";\n\n");
    }
    Map<String, JavaName> sorted = new TreeMap<>();
    imports.values().forEach(type -> sorted.put(type.canonicalName(), type));
    int lines = 0;
    for (JavaName type : sorted.values()) {
      if (!type.packageName().equals("java.lang")) { // implicitly imported; the entry still keeps its names short
        text.append("import ").append(type.canonicalName()).append(";\n");
        lines++;
      }
    }
    if (lines > 0) {
      text.append('\n');
    }
    String mark = String.valueOf(MARK);
    int from = 0;
    for (int start = body.indexOf(mark); start >= 0; start = body.indexOf(mark, from)) {
      int end = body.indexOf(mark, start + 1);
      text.append(body, from, start).append(names.write(references.get(Integer.parseInt(body, start + 1, end, 10))));
      from = end + 1;
    }
    return text.append(body, from, body.length()).toString();
  }

  private void forEachMark(Consumer<Reference> action) {
    String mark = String.valueOf(MARK);
    for (int start = body.indexOf(mark); start >= 0; ) {
      int end = body.indexOf(mark, start + 1);
      action.accept(references.get(Integer.parseInt(body, start + 1, end, 10)));
      start = body.indexOf(mark, end + 1);
    }
  }

  /** How names are written with a given set of imports, and what writing them asked for. */
  private final class Names {
    private final Map<String, JavaName> imports;
    /** By simple name, the first class of another package that could be imported. */
    final Map<String, JavaName> importable = new LinkedHashMap<>();
    /** Simple names of top-level classes of this package that the code names: never imported. */
    final Set<String> samePackage = new HashSet<>();

    Names(Map<String, JavaName> imports) {
      this.imports = imports;
    }

    String write(Reference reference) {
      JavaName type = reference.type();
      boolean resolved = false;
      // The shortest suffix that means the class here: Builder in its own file, Condition.Operator.
      for (JavaName suffix = type; suffix != null; suffix = suffix.enclosing()) {
        JavaName meant = resolve(suffix.simpleName(), reference.scope());
        resolved = meant != null;
        if (suffix.equals(meant)) {
          List<String> simpleNames = type.simpleNames();
          return String.join(".", simpleNames.subList(suffix.simpleNames().size() - 1, simpleNames.size()));
        }
      }
      if (resolved) { // the outermost simple name means another class here
        return type.canonicalName();
      }
      String outermost = type.simpleNames().get(0);
      if (type.packageName().equals(topLevel.packageName())) {
        samePackage.add(outermost);
        return String.join(".", type.simpleNames());
      }
      if (!type.packageName().isEmpty()) {
        importable.putIfAbsent(outermost, type.topLevel());
      }
      return type.canonicalName();
    }

    /** The class {@code simpleName} means in the body of the innermost class of {@code scope}. */
    private JavaName resolve(String simpleName, List<JavaName> scope) {
      for (int i = scope.size() - 1; i >= 0; i--) {
        Set<String> nested = nestedTypes.get(scope.get(i));
        if (nested != null && nested.contains(simpleName)) {
          return scope.get(i).nested(simpleName);
        }
      }
      if (topLevel.simpleName().equals(simpleName)) {
        return topLevel;
      }
      return imports.get(simpleName);
    }
  }

  /** A Java string literal of {@code value}. */
  static String stringLiteral(String value) {
    StringBuilder literal = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> literal.append("\\\"");
        case '\\' -> literal.append("\\\\");
        case '\b' -> literal.append("\\b");
        case '\t' -> literal.append("\\t");
        case '\n' -> literal.append("\\n");
        case '\f' -> literal.append("\\f");
        case '\r' -> literal.append("\\r");
        default -> {
          if (Character.isISOControl(c)) {
            literal.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            literal.append(c);
          }
        }
      }
    }
    return literal.append('"').toString();
  }
}
