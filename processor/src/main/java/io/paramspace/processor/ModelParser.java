package io.paramspace.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @SearchSpace} record (from source or from a class file of another compilation)
 * into a {@link ConfigModel}: kinds, spaces, conditions and fixed values, with the problems found
 * on the way. Conditions are only read here; {@link ConditionRules} checks what they refer to.
 */
final class ModelParser {
  static final String ANNOTATIONS = "io.paramspace";
  static final String SEARCH_SPACE = ANNOTATIONS + ".SearchSpace";
  private static final String FLOAT_RANGE = ANNOTATIONS + ".FloatRange";
  private static final String INT_RANGE = ANNOTATIONS + ".IntRange";
  private static final String CHOICE = ANNOTATIONS + ".Choice";
  private static final String WHEN = ANNOTATIONS + ".When";
  private static final String WHEN_ALL = ANNOTATIONS + ".When.All";
  private static final String WHEN_ANY = ANNOTATIONS + ".WhenAny";
  /** Every Paramspace annotation: the processor claims them all. */
  static final Set<String> ALL = Set.of(SEARCH_SPACE, FLOAT_RANGE, INT_RANGE, CHOICE, WHEN, WHEN_ALL, WHEN_ANY);
  /** The annotations of a component, which javac also accepts on fields. */
  static final List<String> COMPONENT_ANNOTATIONS =
      List.of(FLOAT_RANGE, INT_RANGE, CHOICE, WHEN, WHEN_ALL, WHEN_ANY);

  /** The name an annotation is written with; {@code When} for the container javac makes of repeated ones. */
  static String writtenName(AnnotationMirror mirror) {
    TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
    return type.getQualifiedName().contentEquals(WHEN_ALL) ? "When" : type.getSimpleName().toString();
  }

  private final Types types;

  ModelParser(Types types) {
    this.types = types;
  }

  /** The model of a record and the problems found; {@code unresolved} holds deferred types. */
  record Result(ConfigModel model, List<Diagnostic> problems, List<String> unresolved) {}

  Result parse(TypeElement record) {
    List<Diagnostic> problems = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    List<FieldModel> fields = new ArrayList<>();
    List<String> componentNames = new ArrayList<>();
    AnnotationMirror searchSpace = annotation(record, SEARCH_SPACE);
    if (!record.getTypeParameters().isEmpty()) {
      problems.add(Diagnostic.of(Message.GENERIC_RECORD, Position.of(record, searchSpace), record.getSimpleName()));
    }
    for (Element scope = record; scope instanceof TypeElement type; scope = scope.getEnclosingElement()) {
      if (type.getModifiers().contains(Modifier.PRIVATE)) {
        problems.add(Diagnostic.of(Message.NOT_ACCESSIBLE, Position.of(record, searchSpace), record.getSimpleName(),
            SpaceWriter.spaceClassOf(record).simpleName()));
        break;
      }
    }
    for (RecordComponentElement component : record.getRecordComponents()) {
      componentNames.add(component.getSimpleName().toString());
      if (component.asType().getKind() == TypeKind.ERROR) {
        unresolved.add(component.getSimpleName() + ": " + component.asType());
        continue;
      }
      FieldModel field = parseField(component, problems);
      if (field != null) {
        fields.add(field);
      }
    }
    ConfigModel model = new ConfigModel(record, record.getSimpleName().toString(), fields, componentNames);
    return new Result(model, problems, unresolved);
  }

  static boolean isSearchSpace(Element element) {
    return annotation(element, SEARCH_SPACE) != null;
  }

  private FieldModel parseField(RecordComponentElement component, List<Diagnostic> problems) {
    String name = component.getSimpleName().toString();
    Position at = Position.of(component);
    TypeMirror type = component.asType();
    TypeInfo info = typeInfo(type);
    if (info == null) {
      problems.add(Diagnostic.of(Message.UNSUPPORTED_TYPE, at, name, type));
      return null;
    }
    if (info.kind == ValueKind.CONFIG && !isSearchSpace(info.element)) {
      problems.add(Diagnostic.of(Message.NESTED_NOT_SEARCH_SPACE, at, name, info.typeName, info.element));
      return null;
    }
    if (info.kind == ValueKind.POLYMORPHIC) {
      boolean ok = true;
      Map<String, TypeElement> bySimpleName = new LinkedHashMap<>();
      for (TypeElement branch : info.branches) {
        TypeElement clash = bySimpleName.putIfAbsent(branch.getSimpleName().toString(), branch);
        if (clash != null) {
          problems.add(Diagnostic.of(Message.BRANCH_NAME_CLASH, at, name, info.typeName, clash, branch));
          ok = false;
        }
        if (branch.getKind() != ElementKind.RECORD || !isSearchSpace(branch)) {
          problems.add(Diagnostic.of(Message.PERMITTED_NOT_SEARCH_SPACE, at, name, info.typeName, branch));
          ok = false;
        }
      }
      if (!ok) {
        return null;
      }
    }

    AnnotationMirror floatRange = annotation(component, FLOAT_RANGE);
    AnnotationMirror intRange = annotation(component, INT_RANGE);
    AnnotationMirror choice = annotation(component, CHOICE);
    List<AnnotationMirror> whens = whens(component);
    List<AnnotationMirror> anyOf = annotations(component, WHEN_ANY);

    FixedValues fixed = fixedValues(component, info, whens, anyOf, problems);
    SpaceModel space = space(component, info, floatRange, intRange, choice, fixed.then != null, problems);
    ConditionModel condition = condition(component, whens, anyOf, problems);
    if (!condition.isEmpty() && !info.nullable && fixed.otherwise == null && !fixed.otherwiseBroken) {
      String boxed = switch (info.kind) {
        case DOUBLE -> "Double";
        case FLOAT -> "Float";
        case INT -> "Integer";
        case LONG -> "Long";
        default -> "Boolean";
      };
      problems.add(Diagnostic.of(Message.PRIMITIVE_WITHOUT_OTHERWISE,
          Position.of(component, firstWhen(whens, anyOf)), name, info.typeName, boxed + " (null while inactive)"));
    }
    return new FieldModel(name, at, type, info.kind, info.nullable, info.element, info.enumConstants,
        info.branches, space, condition, fixed.then, fixed.otherwise);
  }

  /** What the processor knows of a component's type. */
  private record TypeInfo(
      ValueKind kind,
      boolean nullable,
      String typeName,
      TypeElement element,
      List<String> enumConstants,
      List<TypeElement> branches) {

    /** The values the type has without {@code @Choice}. */
    List<String> implicitChoices() {
      return switch (kind) {
        case BOOLEAN -> List.of("true", "false");
        case ENUM -> enumConstants;
        case POLYMORPHIC -> branches.stream().map(b -> b.getSimpleName().toString()).toList();
        default -> List.of();
      };
    }
  }

  private TypeInfo typeInfo(TypeMirror type) {
    switch (type.getKind()) {
      case DOUBLE:
        return primitive(ValueKind.DOUBLE);
      case FLOAT:
        return primitive(ValueKind.FLOAT);
      case INT:
        return primitive(ValueKind.INT);
      case LONG:
        return primitive(ValueKind.LONG);
      case BOOLEAN:
        return primitive(ValueKind.BOOLEAN);
      case DECLARED:
        break;
      default:
        return null;
    }
    if (!((DeclaredType) type).getTypeArguments().isEmpty()) {
      return null;
    }
    TypeElement element = (TypeElement) types.asElement(type);
    String simple = element.getSimpleName().toString();
    switch (element.getQualifiedName().toString()) {
      case "java.lang.Double":
        return boxed(ValueKind.DOUBLE, simple);
      case "java.lang.Float":
        return boxed(ValueKind.FLOAT, simple);
      case "java.lang.Integer":
        return boxed(ValueKind.INT, simple);
      case "java.lang.Long":
        return boxed(ValueKind.LONG, simple);
      case "java.lang.Boolean":
        return boxed(ValueKind.BOOLEAN, simple);
      case "java.lang.String":
        return boxed(ValueKind.STRING, simple);
      default:
        break;
    }
    if (element.getKind() == ElementKind.ENUM) {
      List<String> constants = element.getEnclosedElements().stream()
          .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
          .map(e -> e.getSimpleName().toString())
          .toList();
      return new TypeInfo(ValueKind.ENUM, true, simple, element, constants, List.of());
    }
    if (element.getKind() == ElementKind.RECORD) {
      return new TypeInfo(ValueKind.CONFIG, true, simple, element, List.of(), List.of());
    }
    if (element.getKind() == ElementKind.INTERFACE && element.getModifiers().contains(Modifier.SEALED)) {
      List<TypeElement> branches = element.getPermittedSubclasses().stream()
          .map(t -> (TypeElement) types.asElement(t))
          .toList();
      return new TypeInfo(ValueKind.POLYMORPHIC, true, simple, element, List.of(), branches);
    }
    return null;
  }

  private static TypeInfo primitive(ValueKind kind) {
    return new TypeInfo(kind, false, kind.description(), null, List.of(), List.of());
  }

  private static TypeInfo boxed(ValueKind kind, String simpleName) {
    return new TypeInfo(kind, true, simpleName, null, List.of(), List.of());
  }

  private SpaceModel space(
      RecordComponentElement component,
      TypeInfo info,
      AnnotationMirror floatRange,
      AnnotationMirror intRange,
      AnnotationMirror choice,
      boolean hasThen,
      List<Diagnostic> problems) {
    String name = component.getSimpleName().toString();
    Position at = Position.of(component);
    if (floatRange != null && !info.kind.isReal()) {
      problems.add(Diagnostic.of(Message.WRONG_TYPE_FOR_ANNOTATION, Position.of(component, floatRange),
          "FloatRange", name, info.typeName,
          info.kind.isIntegral() ? "use @IntRange for whole numbers" : "it applies to double, float, Double and Float"));
      return null;
    }
    if (intRange != null && !info.kind.isIntegral()) {
      problems.add(Diagnostic.of(Message.WRONG_TYPE_FOR_ANNOTATION, Position.of(component, intRange),
          "IntRange", name, info.typeName,
          info.kind.isReal() ? "use @FloatRange for real numbers" : "it applies to int, long, Integer and Long"));
      return null;
    }
    if (choice != null && info.kind == ValueKind.CONFIG) {
      problems.add(Diagnostic.of(Message.WRONG_TYPE_FOR_ANNOTATION, Position.of(component, choice),
          "Choice", name, info.typeName, "a nested config has its own space; put @Choice on its fields"));
      return null;
    }
    AnnotationMirror range = floatRange != null ? floatRange : intRange;
    if (range != null && choice != null) {
      problems.add(Diagnostic.of(Message.CONFLICTING_SPACES, Position.of(component, choice), name,
          "@" + range.getAnnotationType().asElement().getSimpleName() + " and @Choice"));
      return null;
    }
    AnnotationMirror declared = range != null ? range : choice;
    if (hasThen && declared != null) {
      return null; // reported with the then value: the fixed value wins
    }
    if (range != null) {
      boolean log = (Boolean) value(range, "log");
      SpaceModel.Range model = range == intRange
          ? SpaceModel.Range.whole(whole(value(range, "min")), whole(value(range, "max")), log,
              whole(value(range, "step")))
          : SpaceModel.Range.real(number(value(range, "min")), number(value(range, "max")), log,
              number(value(range, "step")));
      List<Diagnostic> found = RangeRules.check(name, info.kind, model, new RangeRules.Positions(
          Position.of(component, range, "min"), Position.of(component, range, "max"),
          Position.of(component, range, "log"), Position.of(component, range, "step")));
      problems.addAll(found);
      return found.isEmpty() ? model : null;
    }
    if (choice != null || !info.implicitChoices().isEmpty()) {
      List<String> literals = choice == null ? List.of() : strings(value(choice, "value"));
      List<Double> weights = choice == null ? List.of() : doubles(value(choice, "weights"));
      ChoiceRules.Positions positions = choice == null ? ChoiceRules.Positions.all(at)
          : new ChoiceRules.Positions(
              Position.of(component, choice, "value"), Position.ofEach(component, choice, "value", literals.size()),
              Position.of(component, choice, "weights"),
              Position.ofEach(component, choice, "weights", weights.size()));
      ChoiceRules.Result result = ChoiceRules.resolve(name, info.kind, info.typeName, info.implicitChoices(),
          literals, weights, positions);
      problems.addAll(result.problems());
      return result.space();
    }
    if (info.kind == ValueKind.CONFIG) {
      return new SpaceModel.Config(info.element.getQualifiedName().toString());
    }
    if (hasThen) {
      return null;
    }
    String needed = info.kind.isReal() ? "@FloatRange or @Choice"
        : info.kind.isIntegral() ? "@IntRange or @Choice" : "@Choice";
    problems.add(Diagnostic.of(Message.MISSING_SPACE, at, name, info.typeName, needed));
    return null;
  }

  /** A {@code then} or {@code otherwise} literal and the {@code @When} it is written on. */
  private record Written(String text, AnnotationMirror on) {}

  /** The {@code then} and {@code otherwise} of a component's {@code @When}s, parsed. */
  private record FixedValues(Object then, Object otherwise, boolean otherwiseBroken) {}

  private FixedValues fixedValues(
      RecordComponentElement component,
      TypeInfo info,
      List<AnnotationMirror> whens,
      List<AnnotationMirror> anyOf,
      List<Diagnostic> problems) {
    String name = component.getSimpleName().toString();
    Map<String, Written> chosen = new LinkedHashMap<>(); // "then" / "otherwise" -> where first written
    List<AnnotationMirror> all = new ArrayList<>(whens);
    for (AnnotationMirror group : anyOf) {
      all.addAll(mirrors(value(group, "value")));
    }
    boolean broken = false;
    for (AnnotationMirror when : all) {
      for (String attribute : List.of("then", "otherwise")) {
        String text = (String) value(when, attribute);
        if (text.isEmpty()) {
          continue;
        }
        Written previous = chosen.get(attribute);
        if (previous != null && !previous.text().equals(text)) {
          problems.add(Diagnostic.of(Message.CONFLICTING_WHEN_VALUES, Position.of(component, when, attribute),
              name, attribute, previous.text(), text));
          broken = true;
        } else if (previous == null) {
          chosen.put(attribute, new Written(text, when));
        }
      }
    }
    Object then = null;
    Object otherwise = null;
    boolean otherwiseBroken = broken;
    for (var entry : chosen.entrySet()) {
      String attribute = entry.getKey();
      String text = entry.getValue().text();
      Position at = Position.of(component, entry.getValue().on(), attribute);
      Object parsed = LiteralParser.parse(info.kind, text, info.implicitChoices());
      if (info.kind == ValueKind.CONFIG || info.kind == ValueKind.POLYMORPHIC) {
        problems.add(Diagnostic.of(Message.BAD_WHEN_LITERAL, at, name, attribute, text,
            "allowed on a nested config, which is sampled while active and null while inactive; remove it"));
        otherwiseBroken = true;
      } else if (parsed == null) {
        problems.add(Diagnostic.of(Message.BAD_WHEN_LITERAL, at, name, attribute, text,
            LiteralParser.expected(info.kind, info.typeName, info.implicitChoices())));
        otherwiseBroken = true;
      } else if (attribute.equals("then")) {
        then = parsed;
        AnnotationMirror declared = annotation(component, FLOAT_RANGE) != null ? annotation(component, FLOAT_RANGE)
            : annotation(component, INT_RANGE) != null ? annotation(component, INT_RANGE)
            : annotation(component, CHOICE);
        if (declared != null) {
          problems.add(Diagnostic.of(Message.THEN_WITH_SPACE, at, text, name,
              "@" + declared.getAnnotationType().asElement().getSimpleName()));
        }
      } else {
        otherwise = parsed;
      }
    }
    return new FixedValues(then, otherwise, otherwiseBroken);
  }

  private ConditionModel condition(
      RecordComponentElement component,
      List<AnnotationMirror> whens,
      List<AnnotationMirror> anyOf,
      List<Diagnostic> problems) {
    List<ConditionModel.Test> all = new ArrayList<>();
    for (AnnotationMirror when : whens) {
      ConditionModel.Test test = test(component, when, problems);
      if (test != null) {
        all.add(test);
      }
    }
    List<List<ConditionModel.Test>> groups = new ArrayList<>();
    for (AnnotationMirror group : anyOf) {
      List<ConditionModel.Test> tests = new ArrayList<>();
      for (AnnotationMirror when : mirrors(value(group, "value"))) {
        ConditionModel.Test test = test(component, when, problems);
        if (test != null) {
          tests.add(test);
        }
      }
      if (!tests.isEmpty()) {
        groups.add(tests);
      }
    }
    return new ConditionModel(all, groups);
  }

  private ConditionModel.Test test(RecordComponentElement component, AnnotationMirror when, List<Diagnostic> problems) {
    String name = component.getSimpleName().toString();
    String path = (String) value(when, "field");
    List<String> equalsTo = strings(value(when, "equalsTo"));
    List<String> notEqualsTo = strings(value(when, "notEqualsTo"));
    double greaterThan = number(value(when, "greaterThan"));
    double atLeast = number(value(when, "atLeast"));
    double lessThan = number(value(when, "lessThan"));
    double atMost = number(value(when, "atMost"));
    List<String> set = new ArrayList<>();
    if (!equalsTo.isEmpty()) {
      set.add("equalsTo");
    }
    if (!notEqualsTo.isEmpty()) {
      set.add("notEqualsTo");
    }
    for (var bound : List.of(Map.entry("greaterThan", greaterThan), Map.entry("atLeast", atLeast),
        Map.entry("lessThan", lessThan), Map.entry("atMost", atMost))) {
      if (!Double.isNaN(bound.getValue())) {
        set.add(bound.getKey());
      }
    }
    Position whole = Position.of(component, when);
    if (set.isEmpty()) {
      problems.add(Diagnostic.of(Message.WHEN_NO_TEST, whole, path, name));
      return null;
    }
    boolean equality = !equalsTo.isEmpty() || !notEqualsTo.isEmpty();
    String mixed = null;
    if (equality && set.size() > 1) {
      mixed = "use one of equalsTo and notEqualsTo, without orderings";
    } else if (!Double.isNaN(greaterThan) && !Double.isNaN(atLeast)) {
      mixed = "keep one lower bound";
    } else if (!Double.isNaN(lessThan) && !Double.isNaN(atMost)) {
      mixed = "keep one upper bound";
    }
    if (mixed != null) {
      problems.add(Diagnostic.of(Message.WHEN_MIXED_TESTS, Position.of(component, when, set.get(1)), path, name,
          String.join(" and ", set), mixed));
      return null;
    }
    Position testAt = Position.of(component, when, set.get(0));
    Position fieldAt = Position.of(component, when, "field");
    if (equality) {
      boolean eq = !equalsTo.isEmpty();
      List<String> literals = eq ? equalsTo : notEqualsTo;
      return new ConditionModel.Test(path, eq ? ConditionModel.Operator.EQUALS : ConditionModel.Operator.NOT_EQUALS,
          literals, null, false, null, false, whole, fieldAt, testAt,
          Position.ofEach(component, when, set.get(0), literals.size()));
    }
    Double lower = !Double.isNaN(greaterThan) ? Double.valueOf(greaterThan)
        : !Double.isNaN(atLeast) ? Double.valueOf(atLeast) : null;
    Double upper = !Double.isNaN(lessThan) ? Double.valueOf(lessThan)
        : !Double.isNaN(atMost) ? Double.valueOf(atMost) : null;
    return new ConditionModel.Test(path, ConditionModel.Operator.ORDERING, List.of(),
        lower, Double.isNaN(greaterThan), upper, Double.isNaN(lessThan), whole, fieldAt, testAt, List.of());
  }

  private static AnnotationMirror firstWhen(List<AnnotationMirror> whens, List<AnnotationMirror> anyOf) {
    return !whens.isEmpty() ? whens.get(0) : anyOf.get(0);
  }

  /** The component's {@code @When}s, whether written once or repeated (in the container). */
  private static List<AnnotationMirror> whens(Element element) {
    List<AnnotationMirror> whens = new ArrayList<>(annotations(element, WHEN));
    for (AnnotationMirror container : annotations(element, WHEN_ALL)) {
      whens.addAll(mirrors(value(container, "value")));
    }
    return whens;
  }

  static AnnotationMirror annotation(Element element, String qualifiedName) {
    List<AnnotationMirror> found = annotations(element, qualifiedName);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<AnnotationMirror> annotations(Element element, String qualifiedName) {
    List<AnnotationMirror> found = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        found.add(mirror);
      }
    }
    return found;
  }

  /** The value of attribute {@code name}, with its default when not written. */
  private static Object value(AnnotationMirror mirror, String name) {
    for (var entry : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue().getValue();
      }
    }
    for (Element member : mirror.getAnnotationType().asElement().getEnclosedElements()) {
      if (member instanceof ExecutableElement method && method.getSimpleName().contentEquals(name)) {
        return method.getDefaultValue().getValue();
      }
    }
    throw new IllegalArgumentException("no attribute " + name + " on " + mirror);
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  /** An {@code @IntRange} attribute, exactly. */
  private static long whole(Object value) {
    return ((Number) value).longValue();
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return ((List<? extends AnnotationValue>) value).stream().map(v -> (String) v.getValue()).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Double> doubles(Object value) {
    return ((List<? extends AnnotationValue>) value).stream()
        .map(v -> ((Number) v.getValue()).doubleValue())
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static List<AnnotationMirror> mirrors(Object value) {
    return ((List<? extends AnnotationValue>) value).stream().map(v -> (AnnotationMirror) v.getValue()).toList();
  }
}
