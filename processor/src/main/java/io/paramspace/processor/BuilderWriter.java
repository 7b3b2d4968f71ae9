package io.paramspace.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code XxxSpace.Builder}, the typed overrides of a config: one method per way a field can
 * be narrowed ({@code batchSize(32, 64)}, {@code learningRateBetween(1e-4, 1e-3)}, {@code
 * optimizer(o -> o.name("adam"))}, {@code blockConfig(b -> b.denseConfig())}), so javac checks
 * every field name. Fields with nothing to narrow (fixed values) get no method.
 */
final class BuilderWriter {
  private final ConfigModel config;
  private final ClassName builder;

  BuilderWriter(ConfigModel config, ClassName spaceClass) {
    this.config = config;
    this.builder = spaceClass.nestedClass("Builder");
  }

  static ClassName builderOf(TypeElement record) {
    return SpaceWriter.spaceClassOf(record).nestedClass("Builder");
  }

  TypeSpec write() {
    TypeSpec.Builder type = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(RuntimeTypes.OVERRIDES_BUILDER)
        .addJavadoc("Typed overrides of {@link $T}, checked when they are applied: {@code field(value)} fixes a\n"
            + "field, {@code field(a, b, ...)} restricts it to those values, {@code fieldBetween(min, max)}\n"
            + "narrows a range, {@code field(f -> ...)} reaches into a nested config and {@code field(b ->\n"
            + "b.branch())} keeps branches of a polymorphic one.\n", ClassName.get(config.element()))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (FieldModel field : config.fields()) {
      if (field.then() != null || field.space() == null || field.space() instanceof SpaceModel.Fixed) {
        continue;
      }
      if (field.space() instanceof SpaceModel.Range range) {
        addRange(type, field, range);
      } else if (field.space() instanceof SpaceModel.Categorical) {
        addChoices(type, field);
      } else if (field.space() instanceof SpaceModel.Config) {
        addNested(type, field);
      } else if (field.space() instanceof SpaceModel.Polymorphic polymorphic) {
        addBranches(type, field, polymorphic);
      }
    }
    return type.build();
  }

  private MethodSpec.Builder method(String name) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(builder);
  }

  private void addRange(TypeSpec.Builder type, FieldModel field, SpaceModel.Range range) {
    TypeName number = valueType(field);
    addValues(type, field, number);
    type.addMethod(method(field.name() + "Between")
        .addParameter(number, "min")
        .addParameter(number, "max")
        .addStatement("between($S, min, max)", field.name())
        .addStatement("return this")
        .build());
  }

  private void addChoices(TypeSpec.Builder type, FieldModel field) {
    TypeName value = valueType(field);
    if (field.kind() == ValueKind.BOOLEAN) { // restricting {true, false} to both changes nothing
      type.addMethod(method(field.name())
          .addParameter(value, "value")
          .addStatement("fix($S, value)", field.name())
          .addStatement("return this")
          .build());
    } else {
      addValues(type, field, value);
    }
  }

  /** {@code field(a)} fixes the field, {@code field(a, b, ...)} restricts it: one method for both. */
  private void addValues(TypeSpec.Builder type, FieldModel field, TypeName value) {
    type.addMethod(method(field.name())
        .addParameter(ArrayTypeName.of(value), "values")
        .varargs()
        .addStatement("restrict($S, values)", field.name())
        .addStatement("return this")
        .build());
  }

  private void addNested(TypeSpec.Builder type, FieldModel field) {
    ClassName nested = builderOf(field.typeElement());
    type.addMethod(method(field.name())
        .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), nested), "overrides")
        .addStatement("$T inner = $T.overrides()", nested, SpaceWriter.spaceClassOf(field.typeElement()))
        .addStatement("overrides.accept(inner)")
        .addStatement("nested($S, inner)", field.name())
        .addStatement("return this")
        .build());
  }

  private void addBranches(TypeSpec.Builder type, FieldModel field, SpaceModel.Polymorphic polymorphic) {
    String simple = Character.toUpperCase(field.name().charAt(0)) + field.name().substring(1) + "Branches";
    ClassName branches = builder.nestedClass(simple);
    TypeSpec.Builder inner = TypeSpec.classBuilder(branches)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (String name : polymorphic.branches()) {
      TypeElement branch = field.branches().stream()
          .filter(b -> b.getSimpleName().contentEquals(name))
          .findFirst()
          .orElseThrow();
      ClassName branchSpace = SpaceWriter.spaceClassOf(branch);
      ClassName branchBuilder = builderOf(branch);
      String method = Character.toLowerCase(name.charAt(0)) + name.substring(1);
      inner.addMethod(MethodSpec.methodBuilder(method)
          .addModifiers(Modifier.PUBLIC)
          .returns(branches)
          .addStatement("branch($S, $S, $T.overrides())", field.name(), name, branchSpace)
          .addStatement("return this")
          .build());
      inner.addMethod(MethodSpec.methodBuilder(method)
          .addModifiers(Modifier.PUBLIC)
          .returns(branches)
          .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), branchBuilder), "overrides")
          .addStatement("$T overridden = $T.overrides()", branchBuilder, branchSpace)
          .addStatement("overrides.accept(overridden)")
          .addStatement("branch($S, $S, overridden)", field.name(), name)
          .addStatement("return this")
          .build());
    }
    type.addType(inner.build());
    type.addMethod(method(field.name())
        .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), branches), "branches")
        .addStatement("branches.accept(new $T())", branches)
        .addStatement("return this")
        .build());
  }

  /** The type of a value of the field as builder methods take it. */
  private static TypeName valueType(FieldModel field) {
    return switch (field.kind()) {
      case DOUBLE, FLOAT -> TypeName.DOUBLE;
      case INT -> TypeName.INT;
      case LONG -> TypeName.LONG;
      case BOOLEAN -> TypeName.BOOLEAN;
      case STRING -> ClassName.get(String.class);
      case ENUM -> ClassName.get(field.typeElement());
      default -> throw new IllegalArgumentException(field.name() + " takes no single value");
    };
  }
}
