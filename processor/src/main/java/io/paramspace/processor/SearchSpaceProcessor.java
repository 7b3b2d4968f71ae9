package io.paramspace.processor;

import com.google.auto.service.AutoService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.tools.JavaFileObject;

/**
 * The Paramspace annotation processor: for every {@code @SearchSpace} record, parse it into a
 * model, check it, and when it has no problems (and neither do the configs it nests from this
 * compilation) write its {@code XxxSpace}. Every problem is reported on the element and annotation
 * value that caused it; one failing config does not stop the others.
 */
@AutoService(Processor.class)
public final class SearchSpaceProcessor extends AbstractProcessor {
  private final Map<String, ModelParser.Result> parsed = new HashMap<>();
  private final Set<String> deferred = new LinkedHashSet<>();
  private Reporter reporter;
  /** {@code @Generated}, or {@code null} where the compiled-for JDK has no such annotation. */
  private JavaName generated;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    reporter = new Reporter(env);
    generated = env.getElementUtils().getTypeElement("javax.annotation.processing.Generated") == null
        ? null : JavaName.of("javax.annotation.processing", "Generated");
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return ModelParser.ALL;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    List<TypeElement> records = new ArrayList<>();
    for (String name : deferred) {
      TypeElement element = processingEnv.getElementUtils().getTypeElement(name);
      if (element != null) {
        records.add(element);
      }
    }
    deferred.clear();
    parsed.clear();
    // Each lookup scans every element of the round; javac names the annotations present, and the
    // round of the generated files has none of ours.
    TypeElement searchSpace = processingEnv.getElementUtils().getTypeElement(ModelParser.SEARCH_SPACE);
    if (searchSpace != null && annotations.contains(searchSpace)) {
      for (Element element : round.getElementsAnnotatedWith(searchSpace)) {
        if (element.getKind() != ElementKind.RECORD) {
          report(Diagnostic.of(Message.NOT_A_RECORD,
              Position.of(element, ModelParser.annotation(element, ModelParser.SEARCH_SPACE)),
              element.getSimpleName(), asRecord(element)));
        } else if (!records.contains(element)) {
          records.add((TypeElement) element);
        }
      }
    }
    reportMisplaced(annotations, round);
    processRecords(records, round.processingOver());
    return true; // they are ours: no other processor needs them, and -Xlint:processing stays quiet
  }

  /**
   * " whose components are its fields: record X(double a, int b) {}" for a class with instance
   * fields (the record it was meant to be), or "".
   */
  private static String asRecord(Element type) {
    if (type.getKind() != ElementKind.CLASS) {
      return "";
    }
    List<String> components = new ArrayList<>();
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD && !member.getModifiers().contains(Modifier.STATIC)) {
        components.add(simpleType(member.asType()) + " " + member.getSimpleName());
      }
    }
    return components.isEmpty() ? ""
        : " whose components are its fields: record " + type.getSimpleName() + "(" + String.join(", ", components)
            + ") {}";
  }

  /** A type as written with imports: {@code List<String>}, {@code double}, {@code int[]}. */
  private static String simpleType(TypeMirror type) {
    if (type instanceof DeclaredType declared) {
      String name = declared.asElement().getSimpleName().toString();
      List<String> arguments = declared.getTypeArguments().stream().map(SearchSpaceProcessor::simpleType).toList();
      return arguments.isEmpty() ? name : name + "<" + String.join(", ", arguments) + ">";
    }
    if (type instanceof ArrayType array) {
      return simpleType(array.getComponentType()) + "[]";
    }
    return type.toString();
  }

  /**
   * A component annotation on a field that is not a record component is read by no one (javac
   * accepts them on fields only so that a {@code @SearchSpace} class reaches this processor, which
   * reports the class instead: one mistake, one error).
   */
  private void reportMisplaced(Set<? extends TypeElement> present, RoundEnvironment round) {
    Set<Element> fields = new LinkedHashSet<>();
    for (String name : ModelParser.COMPONENT_ANNOTATIONS) {
      TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
      if (annotation != null && present.contains(annotation)) {
        round.getElementsAnnotatedWith(annotation).stream()
            .filter(e -> e.getKind() == ElementKind.FIELD)
            .forEach(fields::add);
      }
    }
    for (Element field : fields) {
      Element owner = field.getEnclosingElement();
      if (isComponentField(field) || (ModelParser.isSearchSpace(owner) && owner.getKind() != ElementKind.RECORD)) {
        continue;
      }
      AnnotationMirror first = field.getAnnotationMirrors().stream()
          .filter(m -> ModelParser.COMPONENT_ANNOTATIONS.contains(
              ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString()))
          .findFirst()
          .orElseThrow();
      report(Diagnostic.of(Message.MISPLACED_ANNOTATION, Position.of(field, first),
          ModelParser.writtenName(first), field.getSimpleName(), owner.getSimpleName()));
    }
  }

  /** The private field javac makes of a record component, which carries the component's annotations. */
  private static boolean isComponentField(Element field) {
    return field.getEnclosingElement() instanceof TypeElement record && record.getKind() == ElementKind.RECORD
        && !field.getModifiers().contains(Modifier.STATIC)
        && record.getRecordComponents().stream().anyMatch(c -> c.getSimpleName().equals(field.getSimpleName()));
  }

  private void processRecords(List<TypeElement> records, boolean lastRound) {
    Map<TypeElement, List<Diagnostic>> problems = new LinkedHashMap<>();
    Map<TypeElement, ConditionRules.Result> checked = new HashMap<>();
    for (TypeElement record : records) {
      try {
        ModelParser.Result result = parse(record);
        if (!result.unresolved().isEmpty()) {
          if (lastRound) {
            for (String unresolved : result.unresolved()) {
              String[] parts = unresolved.split(": ", 2);
              report(Diagnostic.of(Message.UNRESOLVED_TYPE, Position.of(record), parts[0], parts[1]));
            }
          } else {
            deferred.add(record.getQualifiedName().toString());
          }
          continue;
        }
        List<Diagnostic> found = new ArrayList<>(result.problems());
        ConditionRules.Result conditions = ConditionRules.check(result.model(), this::model);
        found.addAll(conditions.problems());
        found.addAll(NestingRules.check(result.model(), this::model));
        problems.put(record, found);
        checked.put(record, conditions);
      } catch (RuntimeException e) {
        problems.put(record, List.of(internalError(record, e)));
      }
    }
    problems.values().forEach(list -> list.forEach(this::report));
    for (TypeElement record : problems.keySet()) {
      if (!hasErrors(problems.get(record)) && !nestsFailingConfig(record, problems, new LinkedHashSet<>())) {
        write(record, checked.get(record));
      }
    }
  }

  /** {@code true} if a config this one nests failed in this round: its XxxSpace will not exist. */
  private boolean nestsFailingConfig(TypeElement record, Map<TypeElement, List<Diagnostic>> problems, Set<String> seen) {
    if (!seen.add(record.getQualifiedName().toString())) {
      return false;
    }
    ConfigModel model = model(record.getQualifiedName().toString());
    if (model == null) {
      return false;
    }
    for (FieldModel field : model.fields()) {
      for (String nested : NestingRules.contained(field)) {
        TypeElement element = processingEnv.getElementUtils().getTypeElement(nested);
        List<Diagnostic> found = problems.get(element);
        if (hasErrors(found) || (element != null && nestsFailingConfig(element, problems, seen))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Warnings alone do not stop a config from being generated. */
  private static boolean hasErrors(List<Diagnostic> found) {
    return found != null && found.stream().anyMatch(Diagnostic::isError);
  }

  private void write(TypeElement record, ConditionRules.Result conditions) {
    JavaFileObject source = null;
    try {
      String text = new SpaceWriter(parse(record).model(), conditions, generated).write();
      source = processingEnv.getFiler().createSourceFile(SpaceWriter.spaceClassOf(record).canonicalName(), record);
      try (Writer writer = source.openWriter()) {
        writer.write(text);
      }
    } catch (IOException | RuntimeException e) {
      if (source != null) {
        source.delete(); // no half-written file for javac to compile after the error
      }
      report(internalError(record, e));
    }
  }

  private ModelParser.Result parse(TypeElement record) {
    return parsed.computeIfAbsent(record.getQualifiedName().toString(),
        name -> new ModelParser(processingEnv.getTypeUtils()).parse(record));
  }

  /** The model of the config called {@code qualifiedName}, from source or class file. */
  private ConfigModel model(String qualifiedName) {
    TypeElement element = processingEnv.getElementUtils().getTypeElement(qualifiedName);
    if (element == null || element.getKind() != ElementKind.RECORD) {
      return null;
    }
    return parse(element).model();
  }

  private static Diagnostic internalError(TypeElement record, Exception e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return Diagnostic.of(Message.INTERNAL_ERROR, Position.of(record), record.getQualifiedName(), trace);
  }

  private void report(Diagnostic diagnostic) {
    reporter.report(diagnostic);
  }
}
