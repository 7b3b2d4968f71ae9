package io.paramspace.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.paramspace.processor.Compile.assertError;
import static io.paramspace.processor.Compile.config;
import static io.paramspace.processor.Compile.source;
import static io.paramspace.processor.Compile.withProcessor;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Errors in {@code @Choice}: one test per tag, then its sub-cases. */
class ChoiceErrorsTest {
  private static final String ACTIVATION = """
      package test;

      public enum Activation { RELU, GELU, SILU }
      """;

  @Test
  void choiceWithNoValues() {
    JavaFileObject source = config("Experiment", """
        @Choice({})
        String optimizer,
        @Choice double dropout
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertError(compilation, source, "EmptyChoice",
        "@Choice on 'optimizer' lists no values; list at least one (each a string)", "@Choice({})");
    assertError(compilation, source, "EmptyChoice", "@Choice on 'dropout' lists no values; list at least one (each a double)",
        "@Choice double dropout");
  }

  @Test
  void literalThatIsNotANumber() {
    JavaFileObject source = config("Experiment", """
        @Choice({"1", "two", "4"})
        int layers,
        @Choice({"0.1", "1/2"})
        Double dropout,
        @Choice({"yes", "no"})
        boolean shuffle
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(4);
    assertError(compilation, source, "BadChoiceLiteral", "@Choice on 'layers': \"two\" is not an int",
        "\"two\"");
    assertError(compilation, source, "BadChoiceLiteral", "@Choice on 'dropout': \"1/2\" is not a double",
        "\"1/2\"");
    assertError(compilation, source, "BadChoiceLiteral", "@Choice on 'shuffle': \"yes\" is not true or false",
        "\"yes\"");
    assertError(compilation, source, "BadChoiceLiteral", "@Choice on 'shuffle': \"no\" is not true or false",
        "\"yes\"");
  }

  /** The error is on the literal at fault, not on the array: here each literal has its own line. */
  @Test
  void errorsPointAtTheLiteralNotTheArray() {
    JavaFileObject activation = source("test.Activation", ACTIVATION);
    JavaFileObject source = config("Experiment", """
        @Choice({
            "RELU",
            "TANH",
            "GELU"})
        Activation activation,
        @Choice(value = {
            "adam",
            "sgd",
            "adam"},
            weights = {
                1,
                2,
                -3})
        String optimizer,
        @Choice({"sgd", "adam"}) String solver,
        @WhenAny({@When(field = "solver", equalsTo = {
            "sgd",
            "adamw"})})
        @FloatRange(min = 0, max = 0.9) Double momentum
        """);

    Compilation compilation = withProcessor(activation, source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(4);
    assertError(compilation, source, "ImpossibleWhenValue", "solver can never be \"adamw\"", "\"adamw\"");
    assertError(compilation, source, "BadChoiceLiteral", "\"TANH\" is not a constant of Activation", "\"TANH\"");
    assertError(compilation, source, "DuplicateChoice", "@Choice on 'optimizer' lists \"adam\" twice",
        "\"adam\"},");
    assertError(compilation, source, "WeightNotPositive", "@Choice on 'optimizer' has weight -3", "-3");
  }

  @Test
  void literalBeyondItsType() {
    JavaFileObject source = config("Experiment", """
        @Choice({"1", "3000000000"})
        int steps
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "BadChoiceLiteral", "\"3000000000\" is not an int", "3000000000");
  }

  @Test
  void literalThatIsNotAnEnumConstant() {
    JavaFileObject activation = source("test.Activation", ACTIVATION);
    JavaFileObject source = config("Experiment", """
        @Choice({"RELU", "TANH"})
        Activation activation
        """);

    Compilation compilation = withProcessor(activation, source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "BadChoiceLiteral",
        "@Choice on 'activation': \"TANH\" is not a constant of Activation (RELU, GELU, SILU)", "\"TANH\"");
  }

  @Test
  void literalThatIsNotAPermittedRecord() {
    JavaFileObject source = source("test.Model", """
        package test;

        import io.paramspace.*;

        sealed interface Block permits Dense, Conv {}

        @SearchSpace
        record Dense(@IntRange(min = 1, max = 4) int layers) implements Block {}

        @SearchSpace
        record Conv(@IntRange(min = 1, max = 7) int kernel) implements Block {}

        @SearchSpace
        record Model(
            @Choice({"Dense", "Rnn"})
            Block block) {}
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "BadChoiceLiteral",
        "@Choice on 'block': \"Rnn\" is not a permitted record of Block (Dense, Conv)", "\"Rnn\"");
  }

  @Test
  void sameValueTwice() {
    JavaFileObject source = config("Experiment", """
        @Choice({"adam", "sgd", "adam"})
        String optimizer
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "DuplicateChoice", "@Choice on 'optimizer' lists \"adam\" twice; remove the duplicate",
        "\"sgd\"");
  }

  @Test
  void sameNumberWrittenTwoWays() {
    JavaFileObject source = config("Experiment", """
        @Choice({"0.1", "0.5", "1e-1"})
        double dropout
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "DuplicateChoice", "@Choice on 'dropout' lists 0.1 twice", "1e-1");
  }

  @Test
  void weightsOfTheWrongCount() {
    JavaFileObject activation = source("test.Activation", ACTIVATION);
    JavaFileObject source = config("Experiment", """
        @Choice(value = {"adam", "sgd"},
            weights = {3})
        String optimizer,
        @Choice(
            weights = {1, 2})
        Activation activation
        """);

    Compilation compilation = withProcessor(activation, source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertError(compilation, source, "WeightCount",
        "@Choice on 'optimizer' has 1 weights for 2 choices; give one weight per choice", "weights = {3}");
    assertError(compilation, source, "WeightCount", "@Choice on 'activation' has 2 weights for 3 choices",
        "weights = {1, 2}");
  }

  @Test
  void weightsThatAreNotPositive() {
    JavaFileObject source = config("Experiment", """
        @Choice(value = {"adam", "sgd", "rmsprop"},
            weights = {2, 0, -1})
        String optimizer,
        @Choice(value = {"true", "false"},
            weights = {1, Double.POSITIVE_INFINITY})
        boolean shuffle
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(3);
    assertError(compilation, source, "WeightNotPositive",
        "@Choice on 'optimizer' has weight 0; weights must be positive and finite", "weights = {2, 0, -1}");
    assertError(compilation, source, "WeightNotPositive", "@Choice on 'optimizer' has weight -1",
        "weights = {2, 0, -1}");
    assertError(compilation, source, "WeightNotPositive", "@Choice on 'shuffle' has weight Infinity",
        "Double.POSITIVE_INFINITY");
  }
}
