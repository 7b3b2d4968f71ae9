package io.paramspace.processor;

/**
 * The runtime classes generated code uses, by name: the processor never loads the runtime, so it
 * runs with only the annotations on its path.
 */
final class RuntimeTypes {
  private static final String RUNTIME = "io.paramspace.runtime";
  private static final String SAMPLING = RUNTIME + ".sampling";
  private static final String OVERRIDES_PACKAGE = RUNTIME + ".overrides";
  private static final String TEXT = RUNTIME + ".text";
  private static final String VIEW = RUNTIME + ".view";

  static final JavaName CONFIG_SPACE = JavaName.of(RUNTIME, "ConfigSpace");
  static final JavaName FIELD_SPACE = JavaName.of(RUNTIME, "FieldSpace");
  static final JavaName FLOAT_SPACE = JavaName.of(RUNTIME, "FloatSpace");
  static final JavaName INT_SPACE = JavaName.of(RUNTIME, "IntSpace");
  static final JavaName CATEGORICAL_SPACE = JavaName.of(RUNTIME, "CategoricalSpace");
  static final JavaName FIXED_SPACE = JavaName.of(RUNTIME, "FixedSpace");
  static final JavaName POLYMORPHIC_SPACE = JavaName.of(RUNTIME, "PolymorphicSpace");
  static final JavaName CONDITIONAL_SPACE = JavaName.of(RUNTIME, "ConditionalSpace");
  static final JavaName CONDITION = JavaName.of(RUNTIME, "Condition");
  static final JavaName OPERATOR = CONDITION.nested("Operator");
  static final JavaName CONFIG_SAMPLER = JavaName.of(SAMPLING, "ConfigSampler");
  static final JavaName TRIAL = JavaName.of(RUNTIME, "Trial");
  static final JavaName RANDOM_TRIAL = JavaName.of(RUNTIME, "RandomTrial");
  static final JavaName RNG = JavaName.of(RUNTIME, "Rng");
  static final JavaName FLOAT_DRAW = JavaName.of(SAMPLING, "FloatDraw");
  static final JavaName INT_DRAW = JavaName.of(SAMPLING, "IntDraw");
  static final JavaName CHOICE_DRAW = JavaName.of(SAMPLING, "ChoiceDraw");
  static final JavaName SPACE_TREE = JavaName.of(VIEW, "SpaceTree");
  static final JavaName PARAMETER_NAMES = JavaName.of(VIEW, "ParameterNames");
  static final JavaName CONFIG_ACCESS = JavaName.of(RUNTIME, "ConfigAccess");
  static final JavaName OVERRIDES = JavaName.of(RUNTIME, "Overrides");
  static final JavaName OVERRIDES_BUILDER = JavaName.of(OVERRIDES_PACKAGE, "OverridesBuilder");
  static final JavaName INPUT_FORMAT = JavaName.of(RUNTIME, "InputFormat");
  static final JavaName INPUT_PROBLEM = JavaName.of(RUNTIME, "InputProblem");
  static final JavaName CONFIG_CODEC = JavaName.of(TEXT, "ConfigCodec");

  private RuntimeTypes() {}
}
