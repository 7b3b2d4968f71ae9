package io.paramspace.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.paramspace.processor.Compile.assertError;
import static io.paramspace.processor.Compile.assertWarning;
import static io.paramspace.processor.Compile.config;
import static io.paramspace.processor.Compile.source;
import static io.paramspace.processor.Compile.withProcessor;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Errors in {@code @When} and {@code @WhenAny}: one test per tag, then its sub-cases. */
class ConditionErrorsTest {
  /** A nested config, a sealed field type with two records, and an enum, for paths to reach into. */
  private static final JavaFileObject PARTS = source("test.Parts", """
      package test;

      import io.paramspace.*;

      enum Activation { RELU, GELU }

      sealed interface Block permits Dense, Conv {}

      @SearchSpace
      record Dense(@IntRange(min = 1, max = 4) int layers) implements Block {}

      @SearchSpace
      record Conv(@IntRange(min = 1, max = 7) int kernel) implements Block {}

      @SearchSpace
      record Optimizer(
          @Choice({"adam", "sgd"}) String name,
          @FloatRange(min = 1e-5, max = 1e-1, log = true) double learningRate) {}

      final class Parts {}
      """);

  private static Compilation compileWithParts(JavaFileObject source) {
    return withProcessor(PARTS, source);
  }

  // ---- what a @When refers to ------------------------------------------------------------------

  @Test
  void unknownFieldSuggestsTheClosestName() {
    JavaFileObject source = config("Experiment", """
        @FloatRange(min = 1e-5, max = 1e-2, log = true) double learningRate,
        @When(
            field = "learnignRate",
            atLeast = 1e-3)
        @IntRange(min = 0, max = 10) Integer warmup
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "UnknownWhenField",
        "@When(field = \"learnignRate\") on 'warmup' refers to no field of Experiment. Did you mean \"learningRate\"?",
        "field = \"learnignRate\"");
  }

  @Test
  void unknownFieldOfANestedConfigSuggestsFromThatConfig() {
    JavaFileObject source = config("Experiment", """
        Optimizer optimizer,
        @When(
            field = "optimizer.nmae",
            equalsTo = "sgd")
        @FloatRange(min = 0, max = 0.9) Double momentum
        """);

    Compilation compilation = compileWithParts(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "UnknownWhenField",
        "refers to no field of Optimizer. Did you mean \"name\"?", "field = \"optimizer.nmae\"");
  }

  @Test
  void unknownFieldFarFromEveryNameListsThem() {
    JavaFileObject source = config("Experiment", """
        boolean shuffle,
        @IntRange(min = 1, max = 8) int layers,
        @WhenAny({
            @When(field = "layers", atLeast = 4),
            @When(field = "temperature", atLeast = 0.5)})
        @FloatRange(min = 0, max = 0.5) Double dropout
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "UnknownWhenField",
        "@When(field = \"temperature\") on 'dropout' refers to no field of Experiment. Its fields are: shuffle,"
            + " layers, dropout.",
        "field = \"temperature\"");
  }

  @Test
  void fieldConditionedOnItself() {
    JavaFileObject source = config("Experiment", """
        @When(
            field = "dropout",
            atLeast = 0.1)
        @FloatRange(min = 0, max = 0.5) Double dropout
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "SelfCondition",
        "@When on 'dropout' reads 'dropout' itself; a field cannot depend on its own value", "field = \"dropout\"");
  }

  @Test
  void cycleOfConditionsIsReportedOnce() {
    JavaFileObject source = config("Experiment", """
        @When(field = "b", equalsTo = "true") Boolean a,
        @When(field = "c", equalsTo = "true") Boolean b,
        @When(field = "a", equalsTo = "true") Boolean c,
        @When(field = "a", equalsTo = "true") Boolean d
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "ConditionCycle",
        "@When on 'a' closes a cycle of conditions: a -> b -> c -> a; break the cycle", "Boolean a,");
  }

  @Test
  void pathThroughAFieldThatIsNotAConfig() {
    JavaFileObject source = config("Experiment", """
        @Choice({"adam", "sgd"}) String optimizer,
        @When(
            field = "optimizer.name",
            equalsTo = "sgd")
        @FloatRange(min = 0, max = 0.9) Double momentum
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "WhenPathNotConfig",
        "@When(field = \"optimizer.name\") on 'momentum': 'optimizer' is a String, not a nested @SearchSpace record,"
            + " so it has no field 'name'",
        "field = \"optimizer.name\"");
  }

  @Test
  void comparingANestedConfigItself() {
    JavaFileObject source = config("Experiment", """
        Optimizer optimizer,
        @When(
            field = "optimizer",
            equalsTo = "sgd")
        @FloatRange(min = 0, max = 0.9) Double momentum
        """);

    Compilation compilation = compileWithParts(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "WhenOnConfigValue",
        "compares the nested config 'optimizer' itself; test one of its fields, e.g. field = \"optimizer.<field>\"",
        "field = \"optimizer\"");
  }

  // ---- the test a @When makes ------------------------------------------------------------------

  @Test
  void whenWithNoTest() {
    JavaFileObject source = config("Experiment", """
        boolean useDropout,
        @When(field = "useDropout")
        @FloatRange(min = 0, max = 0.5) Double dropout
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "WhenNoTest",
        "@When(field = \"useDropout\") on 'dropout' sets no test; set equalsTo, notEqualsTo, or an ordering",
        "@When(field = \"useDropout\")");
  }

  @Test
  void equalityAndOrderingTogether() {
    JavaFileObject source = config("Experiment", """
        @IntRange(min = 1, max = 8) int layers,
        @When(field = "layers", equalsTo = "2",
            greaterThan = 1)
        @FloatRange(min = 0, max = 0.5) Double dropout
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "WhenMixedTests",
        "@When(field = \"layers\") on 'dropout' sets equalsTo and greaterThan together;"
            + " use one of equalsTo and notEqualsTo, without orderings",
        "greaterThan = 1");
  }

  @Test
  void twoLowerBounds() {
    JavaFileObject source = config("Experiment", """
        @IntRange(min = 1, max = 8) int layers,
        @When(field = "layers", greaterThan = 2,
            atLeast = 3)
        @FloatRange(min = 0, max = 0.5) Double dropout
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "WhenMixedTests", "sets greaterThan and atLeast together; keep one lower bound",
        "atLeast = 3");
  }

  @Test
  void valueNotAmongTheChoices() {
    JavaFileObject source = config("Experiment", """
        @Choice({"adam", "sgd"}) String optimizer,
        @When(field = "optimizer",
            equalsTo = {"sgd", "adamw"})
        @FloatRange(min = 0, max = 0.9) Double momentum
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "ImpossibleWhenValue",
        "@When(field = \"optimizer\") on 'momentum': optimizer can never be \"adamw\"; it can be \"adam\", \"sgd\"",
        "equalsTo = {\"sgd\", \"adamw\"}");
  }

  @Test
  void valueOfTheWrongType() {
    JavaFileObject source = config("Experiment", """
        @IntRange(min = 1, max = 8) int layers,
        boolean shuffle,
        @When(field = "layers",
            notEqualsTo = "two")
        @FloatRange(min = 0, max = 0.5) Double dropout,
        @When(field = "shuffle",
            equalsTo = "yes")
        @IntRange(min = 1, max = 4) Integer shards
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertError(compilation, source, "ImpossibleWhenValue",
        "layers can never be \"two\"; it can be an int in [1, 8]", "notEqualsTo = \"two\"");
    assertError(compilation, source, "ImpossibleWhenValue", "shuffle can never be \"yes\"; it can be true, false",
        "equalsTo = \"yes\"");
  }

  @Test
  void valueOutsideTheRangeOrOffItsSteps() {
    JavaFileObject source = config("Experiment", """
        @IntRange(min = 1, max = 8) int layers,
        @IntRange(min = 0, max = 100, step = 10) int warmup,
        @When(field = "layers",
            equalsTo = "12")
        @FloatRange(min = 0, max = 0.5) Double dropout,
        @When(field = "warmup",
            equalsTo = "15")
        @FloatRange(min = 0, max = 0.5) Double decay
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertError(compilation, source, "ImpossibleWhenValue",
        "layers can never be \"12\"; it can be an int in [1, 8]", "equalsTo = \"12\"");
    assertError(compilation, source, "ImpossibleWhenValue",
        "warmup can never be \"15\"; it can be an int in [0, 100] in steps of 10", "equalsTo = \"15\"");
  }

  @Test
  void valueNotAnEnumConstantNorABranchNorFixed() {
    JavaFileObject source = config("Experiment", """
        Activation activation,
        Block block,
        @IntRange(min = 1, max = 8) int layers,
        @When(field = "layers", atLeast = 4, then = "true", otherwise = "false") boolean deep,
        @When(field = "activation",
            equalsTo = "TANH")
        @FloatRange(min = 0, max = 0.5) Double dropout,
        @When(field = "block",
            equalsTo = "Rnn")
        @IntRange(min = 1, max = 4) Integer stride,
        @When(field = "optimizer.name",
            notEqualsTo = "lamb")
        @FloatRange(min = 0, max = 0.9) Double momentum,
        Optimizer optimizer,
        @When(field = "deep",
            equalsTo = "maybe")
        @IntRange(min = 1, max = 4) Integer shards
        """);

    Compilation compilation = compileWithParts(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(4);
    assertError(compilation, source, "ImpossibleWhenValue",
        "activation can never be \"TANH\"; it can be \"RELU\", \"GELU\"", "equalsTo = \"TANH\"");
    assertError(compilation, source, "ImpossibleWhenValue",
        "block can never be \"Rnn\"; it can be \"Dense\", \"Conv\"", "equalsTo = \"Rnn\"");
    assertError(compilation, source, "ImpossibleWhenValue",
        "optimizer.name can never be \"lamb\"; it can be \"adam\", \"sgd\"", "notEqualsTo = \"lamb\"");
    assertError(compilation, source, "ImpossibleWhenValue",
        "deep can never be \"maybe\"; it can be true, false (while inactive)", "equalsTo = \"maybe\"");
  }

  @Test
  void orderingOnAFieldThatIsNotANumber() {
    JavaFileObject source = config("Experiment", """
        @Choice({"adam", "sgd"}) String optimizer,
        @When(field = "optimizer",
            greaterThan = 1)
        @FloatRange(min = 0, max = 0.9) Double momentum
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "OrderingOnNonNumeric",
        "@When(field = \"optimizer\") on 'momentum' uses greaterThan, but 'optimizer' is a String, not a number;"
            + " use equalsTo or notEqualsTo",
        "greaterThan = 1");
  }

  @Test
  void orderingOnAnEnumOrABranch() {
    JavaFileObject source = config("Experiment", """
        Activation activation,
        Block block,
        @When(field = "activation",
            atMost = 1)
        @FloatRange(min = 0, max = 0.5) Double dropout,
        @When(field = "block",
            lessThan = 2)
        @IntRange(min = 1, max = 4) Integer stride
        """);

    Compilation compilation = compileWithParts(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertError(compilation, source, "OrderingOnNonNumeric", "uses atMost, but 'activation' is an enum (Activation)",
        "atMost = 1");
    assertError(compilation, source, "OrderingOnNonNumeric", "uses lessThan, but 'block' is a sealed interface (Block)",
        "lessThan = 2");
  }

  // ---- tests that can never hold, or always hold, given the field's space --------------------

  @Test
  void orderingThatNeverHolds() {
    JavaFileObject source = config("Experiment", """
        @IntRange(min = 2, max = 16) int maxDepth,
        @IntRange(min = 0, max = 100, step = 10) int warmup,
        @FloatRange(min = 0, max = 0.5) double dropout,
        @FloatRange(min = 0, max = 1, step = 0.25) double mix,
        @Choice({"16", "32", "64"}) int batchSize,
        @When(field = "maxDepth",
            greaterThan = 20)
        @FloatRange(min = 0, max = 1) Double gamma,
        @When(field = "maxDepth",
            lessThan = 1)
        @FloatRange(min = 0, max = 1) Double alpha,
        @When(field = "maxDepth",
            greaterThan = 16)
        @FloatRange(min = 0, max = 1) Double beta,
        @When(field = "maxDepth",
            greaterThan = 10.5, lessThan = 11)
        @FloatRange(min = 0, max = 1) Double delta,
        @When(field = "maxDepth", greaterThan = 15.5) @FloatRange(min = 0, max = 1) Double fine1,
        @When(field = "maxDepth", atLeast = 4, atMost = 8) @FloatRange(min = 0, max = 1) Double fine2,
        @When(field = "warmup",
            greaterThan = 0, lessThan = 10)
        @FloatRange(min = 0, max = 1) Double epsilon,
        @When(field = "warmup", atLeast = 5, atMost = 10) @FloatRange(min = 0, max = 1) Double fine3,
        @When(field = "dropout",
            greaterThan = 0.5)
        @FloatRange(min = 0, max = 1) Double zeta,
        @When(field = "dropout", atLeast = 0.5) @FloatRange(min = 0, max = 1) Double fine4,
        @When(field = "mix",
            greaterThan = 0.8, lessThan = 1)
        @FloatRange(min = 0, max = 1) Double eta,
        @When(field = "mix", greaterThan = 0.7, lessThan = 0.8) @FloatRange(min = 0, max = 1) Double fine5,
        @WhenAny({@When(field = "maxDepth", atLeast = 8), @When(field = "batchSize",
            greaterThan = 64)})
        @FloatRange(min = 0, max = 1) Double theta,
        @When(field = "batchSize", atMost = 16) @FloatRange(min = 0, max = 1) Double fine6,
        @When(field = "batchSize",
            atLeast = 8, atMost = 4)
        @FloatRange(min = 0, max = 1) Double iota
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(9);
    assertError(compilation, source, "ConditionNeverHolds",
        "@When(field = \"maxDepth\") on 'gamma': maxDepth is an int in [2, 16], so maxDepth > 20 never holds;",
        "greaterThan = 20");
    assertError(compilation, source, "ConditionNeverHolds", "maxDepth is an int in [2, 16], so maxDepth < 1 never holds",
        "  lessThan = 1)");
    assertError(compilation, source, "ConditionNeverHolds", "so maxDepth > 16 never holds", "greaterThan = 16)");
    assertError(compilation, source, "ConditionNeverHolds", "so 10.5 < maxDepth < 11 never holds",
        "greaterThan = 10.5, lessThan = 11");
    assertError(compilation, source, "ConditionNeverHolds",
        "warmup is an int in [0, 100] in steps of 10, so 0 < warmup < 10 never holds", "greaterThan = 0, lessThan = 10");
    assertError(compilation, source, "ConditionNeverHolds",
        "dropout is a double in [0, 0.5], so dropout > 0.5 never holds", "greaterThan = 0.5)");
    assertError(compilation, source, "ConditionNeverHolds",
        "mix is a double in [0, 1] in steps of 0.25, so 0.8 < mix < 1 never holds", "greaterThan = 0.8, lessThan = 1)");
    assertError(compilation, source, "ConditionNeverHolds",
        "@When(field = \"batchSize\") on 'theta': batchSize is one of 16, 32, 64, so batchSize > 64 never holds",
        "greaterThan = 64)})");
    assertError(compilation, source, "ConditionNeverHolds", "so 8 <= batchSize <= 4 never holds",
        "atLeast = 8, atMost = 4");
  }

  @Test
  void equalityThatNeverHolds() {
    JavaFileObject source = config("Experiment", """
        @Choice({"adam", "sgd"}) String optimizer,
        @IntRange(min = 1, max = 3) int layers,
        @When(field = "optimizer",
            notEqualsTo = {"sgd", "adam"})
        @FloatRange(min = 0, max = 1) Double gamma,
        @When(field = "layers",
            notEqualsTo = {"1", "2", "3"})
        @FloatRange(min = 0, max = 1) Double alpha,
        @When(field = "layers", notEqualsTo = {"1", "2"}) @FloatRange(min = 0, max = 1) Double fine
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertError(compilation, source, "ConditionNeverHolds",
        "@When(field = \"optimizer\") on 'gamma': optimizer is one of \"adam\", \"sgd\","
            + " so optimizer not in {\"sgd\", \"adam\"} never holds",
        "notEqualsTo = {\"sgd\", \"adam\"}");
    assertError(compilation, source, "ConditionNeverHolds",
        "layers is an int in [1, 3], so layers not in {1, 2, 3} never holds", "notEqualsTo = {\"1\", \"2\", \"3\"}");
  }

  /** A test that always holds keeps the field conditional for nothing: a warning, the space is generated. */
  @Test
  void testThatAlwaysHoldsIsAWarning() {
    JavaFileObject source = config("Experiment", """
        @IntRange(min = 2, max = 16) int maxDepth,
        @Choice({"16", "32", "64"}) long batchSize,
        boolean shuffle,
        @FloatRange(min = 0.25, max = 0.75) float ratio,
        @When(field = "maxDepth",
            atLeast = 2)
        @FloatRange(min = 0, max = 1) Double gamma,
        @When(field = "maxDepth",
            greaterThan = 1.5, atMost = 16)
        @FloatRange(min = 0, max = 1) Double alpha,
        @When(field = "batchSize",
            atLeast = 16)
        @FloatRange(min = 0, max = 1) Double beta,
        @When(field = "shuffle",
            equalsTo = {"true", "false"})
        @FloatRange(min = 0, max = 1) Double delta,
        @When(field = "ratio",
            lessThan = 1)
        @FloatRange(min = 0, max = 1) Double epsilon
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(5);
    assertThat(compilation).generatedSourceFile("test/ExperimentSpace");
    assertWarning(compilation, source, "ConditionAlwaysHolds",
        "@When(field = \"maxDepth\") on 'gamma': maxDepth is an int in [2, 16], so maxDepth >= 2 always holds;"
            + " remove the test, or change it to one maxDepth can fail",
        "atLeast = 2)");
    assertWarning(compilation, source, "ConditionAlwaysHolds", "so 1.5 < maxDepth <= 16 always holds",
        "greaterThan = 1.5, atMost = 16");
    assertWarning(compilation, source, "ConditionAlwaysHolds",
        "batchSize is one of 16, 32, 64, so batchSize >= 16 always holds", "atLeast = 16");
    assertWarning(compilation, source, "ConditionAlwaysHolds",
        "shuffle is one of true, false, so shuffle in {true, false} always holds", "equalsTo = {\"true\", \"false\"}");
    assertWarning(compilation, source, "ConditionAlwaysHolds", "ratio is a float in [0.25, 0.75], so ratio < 1 always holds",
        "lessThan = 1");
  }

  /** A field that may have no value (inactive, or inside an inactive config) fails every test. */
  @Test
  void testOnAFieldThatMayHaveNoValueDoesNotAlwaysHold() {
    JavaFileObject source = source("test.Experiment", """
        package test;

        import io.paramspace.*;

        @SearchSpace
        record Head(@IntRange(min = 1, max = 3) int layers) {}

        @SearchSpace
        record Experiment(
            boolean useDropout,
            @When(field = "useDropout", equalsTo = "true") @FloatRange(min = 0.1, max = 0.5) Double dropRate,
            @When(field = "useDropout", equalsTo = "true", otherwise = "0") @FloatRange(min = 0.1, max = 0.5) double rate,
            @When(field = "useDropout", equalsTo = "true") Head head,
            @When(field = "dropRate", atLeast = 0.1) Boolean a,
            @When(field = "head.layers", atLeast = 1) Boolean b,
            @When(field = "rate", atLeast = 0.1) Boolean c,
            @When(field = "rate", lessThan = 0.05) Boolean d,
            @When(field = "rate",
                atMost = 0.5)
            Boolean e,
            @When(field = "dropRate", notEqualsTo = "0.3") Boolean f) {}
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertWarning(compilation, source, "ConditionAlwaysHolds",
        "rate is a double in [0.1, 0.5], or 0.0 while inactive, so rate <= 0.5 always holds", "atMost = 0.5");
  }

  /** Bounds near Long.MAX_VALUE: a long compares exactly, and as the double it is promoted to. */
  @Test
  void orderingOnLongsNearTheirLimit() {
    JavaFileObject source = config("Experiment", """
        @IntRange(min = Long.MAX_VALUE - 1, max = Long.MAX_VALUE) long seed,
        @IntRange(min = 0, max = 9007199254740993L) long big,
        @When(field = "seed",
            greaterThan = 9.3e18)
        @FloatRange(min = 0, max = 1) Double gamma,
        @When(field = "big", greaterThan = 9007199254740992.0) @FloatRange(min = 0, max = 1) Double fine,
        @When(field = "seed", atLeast = 9.223372036854775807e18) @FloatRange(min = 0, max = 1) Double unsure
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertError(compilation, source, "ConditionNeverHolds",
        "seed is a long in [9223372036854775806, 9223372036854775807], so seed > 9.3E18 never holds",
        "greaterThan = 9.3e18");
  }

  // ---- a field whose own space failed: one mistake, one error -----------------------------------

  /** The @Choice of booster is wrong; DART is a constant of Booster, so the @When on it is fine. */
  @Test
  void conditionOnAFieldWhoseChoiceFailedStaysQuiet() {
    JavaFileObject booster = source("test.Booster", """
        package test;

        public enum Booster { GBTREE, DART }
        """);
    JavaFileObject source = config("Experiment", """
        @Choice({"GBTREE", "DARTS"}) Booster booster,
        @IntRange(min = 16, max = 2) int maxDepth,
        @When(field = "booster", equalsTo = "DART")
        @FloatRange(min = 0, max = 0.5) Double dropRate,
        @When(field = "maxDepth", equalsTo = "4")
        @FloatRange(min = 0, max = 1) Double gamma,
        @When(field = "booster",
            equalsTo = "GBLINEAR")
        @IntRange(min = 1, max = 4) Integer lanes
        """);

    Compilation compilation = withProcessor(booster, source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(3);
    assertError(compilation, source, "BadChoiceLiteral",
        "@Choice on 'booster': \"DARTS\" is not a constant of Booster (GBTREE, DART)", "\"DARTS\"");
    assertError(compilation, source, "InvertedRange", "@IntRange on 'maxDepth' has min 16 greater than max 2",
        "min = 16");
    // what is known of booster (its type) still rules out a literal that is no constant at all
    assertError(compilation, source, "ImpossibleWhenValue",
        "@When(field = \"booster\") on 'lanes': booster can never be \"GBLINEAR\";"
            + " it can be a constant of Booster (GBTREE, DART)",
        "equalsTo = \"GBLINEAR\"");
  }

  /** tree is a field, reported once for its type; conditions through it stay quiet, and a typo finds it. */
  @Test
  void conditionThroughAFieldWhoseTypeFailedStaysQuiet() {
    JavaFileObject parts = source("test.Tree", """
        package test;

        import io.paramspace.*;

        record Tree(@IntRange(min = 2, max = 16) int maxDepth) {}

        @SearchSpace
        record Model(
            java.util.List<String> layers,
            @IntRange(min = 1, max = 4) int depth) {}
        """);
    JavaFileObject source = config("Experiment", """
        Tree tree,
        Model model,
        @When(field = "tree.maxDepth", atLeast = 4)
        @FloatRange(min = 0, max = 1) Double gamma,
        @When(field = "model.layers", equalsTo = "dense")
        @FloatRange(min = 0, max = 1) Double alpha,
        @When(field = "tree", equalsTo = "x")
        @FloatRange(min = 0, max = 1) Double beta,
        @When(
            field = "tre.maxDepth",
            atLeast = 4)
        @FloatRange(min = 0, max = 1) Double delta
        """);

    Compilation compilation = withProcessor(parts, source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(3);
    assertError(compilation, source, "NestedNotSearchSpace",
        "'tree' has type Tree, a record without @SearchSpace; annotate test.Tree with @SearchSpace", "Tree tree");
    assertError(compilation, parts, "UnsupportedType", "'layers' has type java.util.List<java.lang.String>",
        "layers");
    assertError(compilation, source, "UnknownWhenField",
        "@When(field = \"tre.maxDepth\") on 'delta' refers to no field of Experiment. Did you mean \"tree\"?",
        "field = \"tre.maxDepth\"");
  }

  // ---- then and otherwise ----------------------------------------------------------------------

  @Test
  void otherwiseThatDoesNotParse() {
    JavaFileObject source = config("Experiment", """
        boolean useDropout,
        @When(field = "useDropout", equalsTo = "true",
            otherwise = "none")
        @FloatRange(min = 0, max = 0.5) double dropout
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "BadWhenLiteral", "@When on 'dropout': otherwise = \"none\" is not a double",
        "otherwise = \"none\"");
  }

  @Test
  void thenOnANestedConfig() {
    JavaFileObject source = config("Experiment", """
        boolean tune,
        @When(field = "tune", equalsTo = "true",
            then = "adam")
        Optimizer optimizer
        """);

    Compilation compilation = compileWithParts(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "BadWhenLiteral",
        "@When on 'optimizer': then = \"adam\" is not allowed on a nested config", "then = \"adam\"");
  }

  @Test
  void twoOtherwiseValues() {
    JavaFileObject source = config("Experiment", """
        boolean useDropout,
        @IntRange(min = 1, max = 8) int layers,
        @When(field = "useDropout", equalsTo = "true", otherwise = "0.0")
        @When(field = "layers", atLeast = 4,
            otherwise = "0.1")
        @FloatRange(min = 0, max = 0.5) double dropout
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "ConflictingWhenValues",
        "@When on 'dropout' sets otherwise to both \"0.0\" and \"0.1\"; set it once", "otherwise = \"0.1\"");
  }

  @Test
  void thenAndARangeTogether() {
    JavaFileObject source = config("Experiment", """
        boolean useDropout,
        @When(field = "useDropout", equalsTo = "true",
            then = "0.1")
        @FloatRange(min = 0, max = 0.5) Double dropout
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "ThenWithSpace",
        "@When(then = \"0.1\") fixes 'dropout' while active, so its @FloatRange has no effect; remove one",
        "then = \"0.1\"");
  }

  @Test
  void primitiveConditionalWithoutOtherwise() {
    JavaFileObject source = config("Experiment", """
        boolean useDropout,
        @When(field = "useDropout", equalsTo = "true")
        @FloatRange(min = 0, max = 0.5) double dropout,
        @WhenAny({@When(field = "useDropout", equalsTo = "false")})
        boolean augment
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertError(compilation, source, "PrimitiveWithoutOtherwise",
        "'dropout' is a conditional double, which cannot be null while inactive; set @When(otherwise = ...)"
            + " or use Double (null while inactive)",
        "@When(field = \"useDropout\", equalsTo = \"true\")");
    assertError(compilation, source, "PrimitiveWithoutOtherwise",
        "'augment' is a conditional boolean, which cannot be null while inactive; set @When(otherwise = ...)"
            + " or use Boolean (null while inactive)",
        "@WhenAny");
  }
}
