package io.paramspace.processor;

/**
 * Every compile error (and the few warnings) the processor reports, with a stable tag. Messages
 * say what is wrong, with the offending name or value, and how to fix it.
 */
enum Message {
  NOT_A_RECORD("NotARecord", "@SearchSpace is on %s, which is not a record; declare it as a record%s"),
  MISPLACED_ANNOTATION(
      "MisplacedAnnotation",
      "@%s is on field '%s' of %s, which is not a record component, so nothing reads it;"
          + " put it on a component of a @SearchSpace record"),
  GENERIC_RECORD(
      "GenericRecord", "@SearchSpace record %s has type parameters; a search space needs concrete types, remove them"),
  NOT_ACCESSIBLE(
      "NotAccessible",
      "@SearchSpace record %s is private (or nested in a private type), so its generated %s cannot reach it;"
          + " make it package-private or public"),
  UNSUPPORTED_TYPE(
      "UnsupportedType",
      "'%s' has type %s, which has no search space; use boolean, an enum, a number with @FloatRange,"
          + " @IntRange or @Choice, a String with @Choice, a @SearchSpace record, or a sealed"
          + " interface of @SearchSpace records"),
  MISSING_SPACE("MissingSpace", "'%s' has type %s but no space; add %s"),
  NESTED_NOT_SEARCH_SPACE(
      "NestedNotSearchSpace", "'%s' has type %s, a record without @SearchSpace; annotate %s with @SearchSpace"),
  PERMITTED_NOT_SEARCH_SPACE(
      "PermittedNotSearchSpace",
      "'%s' has sealed type %s, but its permitted subtype %s is not a @SearchSpace record;"
          + " annotate it with @SearchSpace"),
  BRANCH_NAME_CLASH(
      "BranchNameClash",
      "'%s' has sealed type %s, whose permitted records %s and %s share the simple name that names"
          + " their parameters; rename one"),
  NESTING_CYCLE("NestingCycle", "'%s' makes an infinite space: %s; break the cycle"),
  WRONG_TYPE_FOR_ANNOTATION("WrongTypeForAnnotation", "@%s does not apply to '%s' of type %s; %s"),
  CONFLICTING_SPACES("ConflictingSpaces", "'%s' has both %s; keep one"),
  INVERTED_RANGE("InvertedRange", "@%s on '%s' has min %s greater than max %s; swap them"),
  NON_FINITE_BOUND("NonFiniteBound", "@%s on '%s' has %s %s; bounds must be finite numbers"),
  EMPTY_RANGE(
      "EmptyRange", "@%s on '%s' has min = max = %s, a single value; fix it with @Choice(\"%s\") instead"),
  RANGE_TOO_WIDE(
      "RangeTooWide", "@%s on '%s' is [%s, %s], whose width max - min overflows a double; narrow it"),
  LOG_NOT_POSITIVE("LogNotPositive", "@%s(log = true) on '%s' needs min > 0, got min %s; %s"),
  LOG_WITH_STEP("LogWithStep", "@%s on '%s' sets both log = true and step %s; keep one"),
  STEP_MISMATCH("StepMismatch", "@%s on '%s' has step %s, which does not fit the range [%s, %s]; %s"),
  INT_RANGE_OVERFLOW(
      "IntRangeOverflow", "@IntRange on '%s' is [%s, %s], beyond the range of int; use long or narrow it"),
  EMPTY_CHOICE("EmptyChoice", "@Choice on '%s' lists no values; list at least one (each %s)"),
  BAD_CHOICE_LITERAL("BadChoiceLiteral", "@Choice on '%s': \"%s\" is not %s"),
  DUPLICATE_CHOICE("DuplicateChoice", "@Choice on '%s' lists %s twice; remove the duplicate"),
  WEIGHT_COUNT("WeightCount", "@Choice on '%s' has %d weights for %d choices; give one weight per choice"),
  WEIGHT_NOT_POSITIVE("WeightNotPositive", "@Choice on '%s' has weight %s; weights must be positive and finite"),
  UNKNOWN_WHEN_FIELD("UnknownWhenField", "@When(field = \"%s\") on '%s' refers to no field of %s.%s"),
  SELF_CONDITION("SelfCondition", "@When on '%s' reads '%s' itself; a field cannot depend on its own value"),
  CONDITION_CYCLE("ConditionCycle", "@When on '%s' closes a cycle of conditions: %s; break the cycle"),
  WHEN_PATH_NOT_CONFIG(
      "WhenPathNotConfig",
      "@When(field = \"%s\") on '%s': '%s' is %s, not a nested @SearchSpace record, so it has no field '%s'"),
  WHEN_NO_TEST(
      "WhenNoTest",
      "@When(field = \"%s\") on '%s' sets no test; set equalsTo, notEqualsTo, or an ordering"
          + " (greaterThan, atLeast, lessThan, atMost)"),
  WHEN_MIXED_TESTS("WhenMixedTests", "@When(field = \"%s\") on '%s' sets %s together; %s"),
  IMPOSSIBLE_WHEN_VALUE(
      "ImpossibleWhenValue", "@When(field = \"%s\") on '%s': %s can never be %s; it can be %s"),
  CONDITION_NEVER_HOLDS(
      "ConditionNeverHolds",
      "@When(field = \"%s\") on '%s': %s is %s, so %s never holds; test a value %s can take, or remove the test"),
  /** A warning: the generated space is still written. */
  CONDITION_ALWAYS_HOLDS(
      "ConditionAlwaysHolds",
      "@When(field = \"%s\") on '%s': %s is %s, so %s always holds; remove the test, or change it to one %s can fail",
      true),
  ORDERING_ON_NON_NUMERIC(
      "OrderingOnNonNumeric",
      "@When(field = \"%s\") on '%s' uses %s, but '%s' is %s, not a number; use equalsTo or notEqualsTo"),
  WHEN_ON_CONFIG_VALUE(
      "WhenOnConfigValue",
      "@When(field = \"%s\") on '%s' compares the nested config '%s' itself; test one of its fields,"
          + " e.g. field = \"%s.<field>\""),
  BAD_WHEN_LITERAL("BadWhenLiteral", "@When on '%s': %s = \"%s\" is not %s"),
  CONFLICTING_WHEN_VALUES(
      "ConflictingWhenValues", "@When on '%s' sets %s to both \"%s\" and \"%s\"; set it once"),
  THEN_WITH_SPACE(
      "ThenWithSpace", "@When(then = \"%s\") fixes '%s' while active, so its %s has no effect; remove one"),
  PRIMITIVE_WITHOUT_OTHERWISE(
      "PrimitiveWithoutOtherwise",
      "'%s' is a conditional %s, which cannot be null while inactive; set @When(otherwise = ...) or use %s"),
  UNRESOLVED_TYPE("UnresolvedType", "'%s' has type %s, which could not be resolved"),
  INTERNAL_ERROR("InternalError", "the Paramspace processor failed on %s: %s; please report this");

  private final String tag;
  private final String template;
  private final boolean warning;

  Message(String tag, String template) {
    this(tag, template, false);
  }

  Message(String tag, String template, boolean warning) {
    this.tag = tag;
    this.template = template;
    this.warning = warning;
  }

  String tag() {
    return tag;
  }

  /** {@code true} for a warning, which does not stop the config's space from being generated. */
  boolean isWarning() {
    return warning;
  }

  /** The full text: the tag, then the message with {@code args} filled in. */
  String format(Object... args) {
    return "[Paramspace." + tag + "] " + String.format(template, args);
  }
}
