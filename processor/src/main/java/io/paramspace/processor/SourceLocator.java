package io.paramspace.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.RecordComponentElement;
import javax.tools.Diagnostic.Kind;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Puts an error (or warning) on the annotation value of a record component that caused it. javac 17's
 * {@code Messager} finds no tree for a record component (an error printed on one has no file and
 * no line), and the trees javac keeps for the record no longer carry the component's annotations.
 * So the file is parsed again, only when an error is reported, and the error is printed at the
 * offset of the value in that parse, which is its offset in the file javac compiles.
 */
final class SourceLocator {
  private final Trees trees;
  private final JavaCompiler parser;
  private final Map<JavaFileObject, Parsed> parsedFiles = new HashMap<>();

  private record Parsed(CompilationUnitTree unit, SourcePositions positions) {}

  private SourceLocator(Trees trees, JavaCompiler parser) {
    this.trees = trees;
    this.parser = parser;
  }

  /** A locator, or {@code null} when the compiler is not javac. */
  static SourceLocator of(ProcessingEnvironment env) {
    try {
      JavaCompiler parser = ToolProvider.getSystemJavaCompiler();
      return parser == null ? null : new SourceLocator(Trees.instance(env), parser);
    } catch (IllegalArgumentException notJavac) {
      return null;
    }
  }

  /**
   * Prints {@code text} as a diagnostic of {@code kind} on {@code value} of {@code annotation} on
   * {@code component} (or on the annotation, or the component, when {@code null}); {@code false}
   * when the component has no source to point at.
   */
  boolean print(Kind kind, String text, RecordComponentElement component, AnnotationMirror annotation,
      AnnotationValue value) {
    TreePath record = trees.getPath(component.getEnclosingElement());
    if (record == null) {
      return false;
    }
    CompilationUnitTree root = record.getCompilationUnit();
    Parsed parsed = parse(root.getSourceFile());
    long start = trees.getSourcePositions().getStartPosition(root, record.getLeaf());
    VariableTree variable = parsed == null ? null : component(parsed, start, component.getSimpleName());
    if (variable == null) {
      return false;
    }
    Tree found = annotation == null ? null : written(component, variable, annotation, value);
    trees.printMessage(kind, text, found != null ? found : variable, root);
    return true;
  }

  private Parsed parse(JavaFileObject file) {
    if (!parsedFiles.containsKey(file)) {
      Parsed parsed = null;
      try {
        JavacTask task = (JavacTask) parser.getTask(null, null, diagnostic -> {}, List.of("-proc:none"), null,
            List.of(file));
        CompilationUnitTree unit = task.parse().iterator().next();
        parsed = new Parsed(unit, Trees.instance(task).getSourcePositions());
      } catch (IOException | RuntimeException unparsable) {
        // no precise position; the caller falls back to the Messager
      }
      parsedFiles.put(file, parsed);
    }
    return parsedFiles.get(file);
  }

  /** The component called {@code name} of the record that starts at {@code recordStart}. */
  private static VariableTree component(Parsed parsed, long recordStart, Name name) {
    VariableTree[] found = new VariableTree[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        if (parsed.positions().getStartPosition(parsed.unit(), tree) == recordStart) {
          for (Tree member : tree.getMembers()) {
            if (member instanceof VariableTree v && v.getName().contentEquals(name)
                && !v.getModifiers().getFlags().contains(Modifier.STATIC)) {
              found[0] = v;
            }
          }
          return null;
        }
        return super.visitClass(tree, unused);
      }
    }.scan(parsed.unit(), null);
    return found[0];
  }

  /**
   * The tree of {@code value} (or {@code target} itself) among the annotations written on the
   * component. Mirrors and written annotations are paired in order by simple name; a container
   * javac made for repeated annotations stands for the annotations it holds.
   */
  private static Tree written(RecordComponentElement component, VariableTree variable, AnnotationMirror target,
      AnnotationValue value) {
    List<? extends AnnotationTree> written = variable.getModifiers().getAnnotations();
    Map<String, Integer> seen = new HashMap<>();
    for (AnnotationMirror mirror : component.getAnnotationMirrors()) {
      for (AnnotationMirror asWritten : asWritten(mirror, written)) {
        String name = simpleName(asWritten);
        int ordinal = seen.merge(name, 1, Integer::sum) - 1;
        List<? extends AnnotationTree> sameName = written.stream().filter(t -> simpleName(t).equals(name)).toList();
        Tree found = ordinal < sameName.size() ? search(asWritten, sameName.get(ordinal), target, value) : null;
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static List<AnnotationMirror> asWritten(AnnotationMirror mirror, List<? extends AnnotationTree> written) {
    String name = simpleName(mirror);
    if (written.stream().anyMatch(t -> simpleName(t).equals(name))) {
      return List.of(mirror);
    }
    for (var entry : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value") && entry.getValue().getValue() instanceof List<?> list) {
        return list.stream().map(v -> ((AnnotationValue) v).getValue())
            .filter(AnnotationMirror.class::isInstance)
            .map(AnnotationMirror.class::cast)
            .toList();
      }
    }
    return List.of();
  }

  private static Tree search(AnnotationMirror mirror, AnnotationTree tree, AnnotationMirror target,
      AnnotationValue value) {
    for (var entry : mirror.getElementValues().entrySet()) {
      ExpressionTree argument = argument(tree, entry.getKey().getSimpleName());
      if (mirror.equals(target)) {
        if (argument == null) {
          continue;
        }
        if (entry.getValue().equals(value)) {
          return argument;
        }
        Tree element = arrayElement(entry.getValue(), argument, value);
        if (element != null) {
          return element;
        }
      } else {
        Tree found = searchValue(entry.getValue(), argument, target, value);
        if (found != null) {
          return found;
        }
      }
    }
    return mirror.equals(target) ? tree : null;
  }

  private static Tree searchValue(AnnotationValue annotationValue, ExpressionTree written, AnnotationMirror target,
      AnnotationValue value) {
    Object content = annotationValue.getValue();
    if (content instanceof AnnotationMirror nested && written instanceof AnnotationTree nestedTree) {
      return search(nested, nestedTree, target, value);
    }
    if (content instanceof List<?> values && written != null) {
      List<? extends ExpressionTree> elements =
          written instanceof NewArrayTree array ? array.getInitializers() : List.of(written);
      for (int i = 0; i < Math.min(values.size(), elements.size()); i++) {
        Tree found = searchValue((AnnotationValue) values.get(i), elements.get(i), target, value);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * The tree of {@code value} when it is an element of the array {@code annotationValue}, written
   * as {@code written}: the i-th initializer of {@code {a, b, c}}, or a lone value written without
   * braces; {@code null} when it is not an element.
   */
  private static Tree arrayElement(AnnotationValue annotationValue, ExpressionTree written, AnnotationValue value) {
    if (value == null || !(annotationValue.getValue() instanceof List<?> values)) {
      return null;
    }
    List<? extends ExpressionTree> elements =
        written instanceof NewArrayTree array ? array.getInitializers() : List.of(written);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == value) {
        return i < elements.size() ? elements.get(i) : written;
      }
    }
    return null;
  }

  /** The expression written for {@code attribute}: {@code name = expr}, or a lone value. */
  private static ExpressionTree argument(AnnotationTree tree, Name attribute) {
    for (ExpressionTree argument : tree.getArguments()) {
      if (argument instanceof AssignmentTree assignment) {
        if (assignment.getVariable() instanceof IdentifierTree name && name.getName().contentEquals(attribute)) {
          return assignment.getExpression();
        }
      } else if (attribute.contentEquals("value")) {
        return argument;
      }
    }
    return null;
  }

  private static String simpleName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  /** The last identifier of {@code @When}, {@code @io.paramspace.When} or {@code @When.All}. */
  private static String simpleName(AnnotationTree tree) {
    Tree type = tree.getAnnotationType();
    if (type instanceof MemberSelectTree select) {
      return select.getIdentifier().toString();
    }
    return type.toString();
  }
}
