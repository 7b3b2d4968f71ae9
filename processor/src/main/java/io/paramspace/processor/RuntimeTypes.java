package io.paramspace.processor;

import com.palantir.javapoet.ClassName;

/**
 * The runtime classes generated code uses, by name: the processor never loads the runtime, so it
 * runs with only the annotations and JavaPoet on its path.
 */
final class RuntimeTypes {
  private static final String RUNTIME = "io.paramspace.runtime";
  private static final String SAMPLING = RUNTIME + ".sampling";
  private static final String OVERRIDES_PACKAGE = RUNTIME + ".overrides";
  private static final String TEXT = RUNTIME + ".text";
  private static final String VIEW = RUNTIME + ".view";

  static final ClassName CONFIG_SPACE = ClassName.get(RUNTIME, "ConfigSpace");
  static final ClassName FIELD_SPACE = ClassName.get(RUNTIME, "FieldSpace");
  static final ClassName FLOAT_SPACE = ClassName.get(RUNTIME, "FloatSpace");
  static final ClassName INT_SPACE = ClassName.get(RUNTIME, "IntSpace");
  static final ClassName CATEGORICAL_SPACE = ClassName.get(RUNTIME, "CategoricalSpace");
  static final ClassName FIXED_SPACE = ClassName.get(RUNTIME, "FixedSpace");
  static final ClassName POLYMORPHIC_SPACE = ClassName.get(RUNTIME, "PolymorphicSpace");
  static final ClassName CONDITIONAL_SPACE = ClassName.get(RUNTIME, "ConditionalSpace");
  static final ClassName CONDITION = ClassName.get(RUNTIME, "Condition");
  static final ClassName OPERATOR = CONDITION.nestedClass("Operator");
  static final ClassName CONFIG_SAMPLER = ClassName.get(SAMPLING, "ConfigSampler");
  static final ClassName TRIAL = ClassName.get(RUNTIME, "Trial");
  static final ClassName RANDOM_TRIAL = ClassName.get(RUNTIME, "RandomTrial");
  static final ClassName RNG = ClassName.get(RUNTIME, "Rng");
  static final ClassName FLOAT_DRAW = ClassName.get(SAMPLING, "FloatDraw");
  static final ClassName INT_DRAW = ClassName.get(SAMPLING, "IntDraw");
  static final ClassName CHOICE_DRAW = ClassName.get(SAMPLING, "ChoiceDraw");
  static final ClassName SPACE_TREE = ClassName.get(VIEW, "SpaceTree");
  static final ClassName PARAMETER_NAMES = ClassName.get(VIEW, "ParameterNames");
  static final ClassName CONFIG_ACCESS = ClassName.get(RUNTIME, "ConfigAccess");
  static final ClassName OVERRIDES = ClassName.get(RUNTIME, "Overrides");
  static final ClassName OVERRIDES_BUILDER = ClassName.get(OVERRIDES_PACKAGE, "OverridesBuilder");
  static final ClassName INPUT_FORMAT = ClassName.get(RUNTIME, "InputFormat");
  static final ClassName INPUT_PROBLEM = ClassName.get(RUNTIME, "InputProblem");
  static final ClassName CONFIG_CODEC = ClassName.get(TEXT, "ConfigCodec");

  private RuntimeTypes() {}
}
