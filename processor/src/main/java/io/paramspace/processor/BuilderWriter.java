package io.paramspace.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code XxxSpace.Builder}, the typed overrides of a config: one method per way a field can
 * be narrowed ({@code batchSize(32, 64)}, {@code learningRateBetween(1e-4, 1e-3)}, {@code
 * optimizer(o -> o.name("adam"))}, {@code blockConfig(b -> b.denseConfig())}), so javac checks
 * every field name. Fields with nothing to narrow (fixed values) get no method.
 */
final class BuilderWriter {
  private static final JavaName CONSUMER = JavaName.of("java.util.function", "Consumer");

  private final ConfigModel config;
  private final JavaName builder;
  private final SourceFile file;
  /** The classes nested in the builder, written after its methods. */
  private final List<Runnable> nestedClasses = new ArrayList<>();

  BuilderWriter(ConfigModel config, JavaName spaceClass, SourceFile file) {
    this.config = config;
    this.builder = spaceClass.nested("Builder");
    this.file = file;
  }

  static JavaName builderOf(TypeElement record) {
    return SpaceWriter.spaceClassOf(record).nested("Builder");
  }

  void write() {
    file.line(1, "/**");
    file.line(1, " * Typed overrides of {@link " + file.name(JavaName.of(config.element()))
        + "}, checked when they are applied: {@code field(value)} fixes a");
    file.line(1, " * field, {@code field(a, b, ...)} restricts it to those values, {@code fieldBetween(min, max)}");
    file.line(1, " * narrows a range, {@code field(f -> ...)} reaches into a nested config and {@code field(b ->");
    file.line(1, " * b.branch())} keeps branches of a polymorphic one.");
    file.line(1, " */");
    file.line(1, "public static final class Builder extends " + file.name(RuntimeTypes.OVERRIDES_BUILDER) + " {");
    file.enter(builder);
    file.line(2, "private Builder() {");
    file.line(2, "}");
    for (FieldModel field : config.fields()) {
      if (field.then() != null || field.space() == null || field.space() instanceof SpaceModel.Fixed) {
        continue;
      }
      if (field.space() instanceof SpaceModel.Range) {
        addRange(field);
      } else if (field.space() instanceof SpaceModel.Categorical) {
        addChoices(field);
      } else if (field.space() instanceof SpaceModel.Config) {
        addNested(field);
      } else if (field.space() instanceof SpaceModel.Polymorphic polymorphic) {
        addBranches(field, polymorphic);
      }
    }
    nestedClasses.forEach(Runnable::run);
    file.exit();
    file.line(1, "}");
  }

  /** A public method of the builder, after a blank line, returning {@code this}. */
  private void method(int depth, String returns, String name, String parameters, String... statements) {
    file.blankLine();
    file.line(depth, "public " + returns + " " + name + "(" + parameters + ") {");
    for (String statement : statements) {
      file.line(depth + 1, statement);
    }
    file.line(depth + 1, "return this;");
    file.line(depth, "}");
  }

  private String builderName() {
    return file.name(builder);
  }

  private void addRange(FieldModel field) {
    String number = valueType(field);
    addValues(field, number);
    method(2, builderName(), field.name() + "Between", number + " min, " + number + " max",
        "between(" + SourceFile.stringLiteral(field.name()) + ", min, max);");
  }

  private void addChoices(FieldModel field) {
    String value = valueType(field);
    if (field.kind() == ValueKind.BOOLEAN) { // restricting {true, false} to both changes nothing
      method(2, builderName(), field.name(), value + " value", "fix(" + SourceFile.stringLiteral(field.name())
          + ", value);");
    } else {
      addValues(field, value);
    }
  }

  /** {@code field(a)} fixes the field, {@code field(a, b, ...)} restricts it: one method for both. */
  private void addValues(FieldModel field, String value) {
    method(2, builderName(), field.name(), value + "... values", "restrict(" + SourceFile.stringLiteral(field.name())
        + ", values);");
  }

  private void addNested(FieldModel field) {
    String nested = file.name(builderOf(field.typeElement()));
    method(2, builderName(), field.name(), file.name(CONSUMER) + "<" + nested + "> overrides",
        nested + " inner = " + file.name(SpaceWriter.spaceClassOf(field.typeElement())) + ".overrides();",
        "overrides.accept(inner);",
        "nested(" + SourceFile.stringLiteral(field.name()) + ", inner);");
  }

  private void addBranches(FieldModel field, SpaceModel.Polymorphic polymorphic) {
    String simple = Character.toUpperCase(field.name().charAt(0)) + field.name().substring(1) + "Branches";
    JavaName branches = builder.nested(simple);
    file.declareNested(builder, simple);
    nestedClasses.add(() -> writeBranches(field, polymorphic, branches));
    method(2, builderName(), field.name(), file.name(CONSUMER) + "<" + file.name(branches) + "> branches",
        "branches.accept(new " + file.name(branches) + "());");
  }

  private void writeBranches(FieldModel field, SpaceModel.Polymorphic polymorphic, JavaName branches) {
    file.blankLine();
    file.line(2, "public final class " + branches.simpleName() + " {");
    file.enter(branches);
    file.line(3, "private " + branches.simpleName() + "() {");
    file.line(3, "}");
    String fieldName = SourceFile.stringLiteral(field.name());
    for (String name : polymorphic.branches()) {
      TypeElement branch = field.branches().stream()
          .filter(b -> b.getSimpleName().contentEquals(name))
          .findFirst()
          .orElseThrow();
      String branchSpace = file.name(SpaceWriter.spaceClassOf(branch));
      String branchBuilder = file.name(builderOf(branch));
      String method = Character.toLowerCase(name.charAt(0)) + name.substring(1);
      String branchName = SourceFile.stringLiteral(name);
      method(3, file.name(branches), method, "",
          "branch(" + fieldName + ", " + branchName + ", " + branchSpace + ".overrides());");
      method(3, file.name(branches), method, file.name(CONSUMER) + "<" + branchBuilder + "> overrides",
          branchBuilder + " overridden = " + branchSpace + ".overrides();",
          "overrides.accept(overridden);",
          "branch(" + fieldName + ", " + branchName + ", overridden);");
    }
    file.exit();
    file.line(2, "}");
  }

  /** The type of a value of the field as builder methods take it. */
  private String valueType(FieldModel field) {
    return switch (field.kind()) {
      case DOUBLE, FLOAT -> "double";
      case INT -> "int";
      case LONG -> "long";
      case BOOLEAN -> "boolean";
      case STRING -> file.name(JavaName.of("java.lang", "String"));
      case ENUM -> file.name(JavaName.of(field.typeElement()));
      default -> throw new IllegalArgumentException(field.name() + " takes no single value");
    };
  }
}
