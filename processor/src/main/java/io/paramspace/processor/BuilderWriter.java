package io.paramspace.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Arrays;
import java.util.List;
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
        .addJavadoc("Typed overrides of {@link $T}: each method narrows one field; values are checked when\n"
            + "the overrides are applied.\n", ClassName.get(config.element()))
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
    type.addMethod(method(field.name())
        .addJavadoc("Fixes {@code $L} to {@code value}.\n", field.name())
        .addParameter(number, "value")
        .addStatement("fix($S, value)", field.name())
        .addStatement("return this")
        .build());
    type.addMethod(method(field.name())
        .addJavadoc("Restricts {@code $L} to {@code values}, a categorical of them.\n", field.name())
        .addParameter(ArrayTypeName.of(number), "values")
        .varargs()
        .addStatement("restrict($S, $L)", field.name(), valueList(field))
        .addStatement("return this")
        .build());
    type.addMethod(method(field.name() + "Between")
        .addJavadoc("Narrows {@code $L} to {@code [min, max]}; its scale$L is kept.\n", field.name(),
            range.step() > (range.integral() ? 1 : 0) ? " and step are" : "")
        .addParameter(number, "min")
        .addParameter(number, "max")
        .addStatement("between($S, min, max)", field.name())
        .addStatement("return this")
        .build());
  }

  private void addChoices(TypeSpec.Builder type, FieldModel field) {
    TypeName value = valueType(field);
    type.addMethod(method(field.name())
        .addJavadoc("Fixes {@code $L} to {@code value}.\n", field.name())
        .addParameter(value, "value")
        .addStatement("fix($S, value)", field.name())
        .addStatement("return this")
        .build());
    if (field.kind() != ValueKind.BOOLEAN) {
      type.addMethod(method(field.name())
          .addJavadoc("Restricts {@code $L} to {@code values}, keeping their weights.\n", field.name())
          .addParameter(ArrayTypeName.of(value), "values")
          .varargs()
          .addStatement("restrict($S, $L)", field.name(), valueList(field))
          .addStatement("return this")
          .build());
    }
  }

  /** {@code values} as a list: primitive arrays are boxed by a stream. */
  private static CodeBlock valueList(FieldModel field) {
    return valueType(field).isPrimitive()
        ? CodeBlock.of("$T.stream(values).boxed().toList()", Arrays.class)
        : CodeBlock.of("$T.of(values)", List.class);
  }

  private void addNested(TypeSpec.Builder type, FieldModel field) {
    ClassName nested = builderOf(field.typeElement());
    type.addMethod(method(field.name())
        .addJavadoc("Overrides inside the nested {@code $L}.\n", field.name())
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
        .addJavadoc("The branches of {@code $L} to keep; each call keeps one more.\n", field.name())
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
          .addJavadoc("Keeps {@code $L} as it is.\n", name)
          .addStatement("branch($S, $S, $T.overrides())", field.name(), name, branchSpace)
          .addStatement("return this")
          .build());
      inner.addMethod(MethodSpec.methodBuilder(method)
          .addModifiers(Modifier.PUBLIC)
          .returns(branches)
          .addJavadoc("Keeps {@code $L}, with overrides inside it.\n", name)
          .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), branchBuilder), "overrides")
          .addStatement("$T overridden = $T.overrides()", branchBuilder, branchSpace)
          .addStatement("overrides.accept(overridden)")
          .addStatement("branch($S, $S, overridden)", field.name(), name)
          .addStatement("return this")
          .build());
    }
    type.addType(inner.build());
    type.addMethod(method(field.name())
        .addJavadoc("Keeps only the branches of {@code $L} that {@code branches} names.\n", field.name())
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
