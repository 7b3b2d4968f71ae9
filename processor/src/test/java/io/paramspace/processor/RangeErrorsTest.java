package io.paramspace.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.paramspace.processor.Compile.assertError;
import static io.paramspace.processor.Compile.config;
import static io.paramspace.processor.Compile.source;
import static io.paramspace.processor.Compile.withProcessor;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Errors in {@code @FloatRange} and {@code @IntRange}: one test per tag, then its sub-cases. */
class RangeErrorsTest {

  @Test
  void minGreaterThanMax() {
    JavaFileObject source = config("Experiment", """
        @FloatRange(
            min = 0.5,
            max = 0.1)
        double dropout,
        @IntRange(
            min = 12,
            max = 2)
        int layers
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertError(compilation, source, "InvertedRange",
        "@FloatRange on 'dropout' has min 0.5 greater than max 0.1; swap them", "min = 0.5");
    assertError(compilation, source, "InvertedRange", "@IntRange on 'layers' has min 12 greater than max 2",
        "min = 12");
  }

  @Test
  void infiniteOrNaNBound() {
    JavaFileObject source = config("Experiment", """
        @FloatRange(min = 0,
            max = Double.POSITIVE_INFINITY)
        double weightDecay,
        @FloatRange(
            min = Double.NaN, max = 1)
        double dropout
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertError(compilation, source, "NonFiniteBound",
        "@FloatRange on 'weightDecay' has max Infinity; bounds must be finite numbers", "max = Double.POSITIVE_INFINITY");
    assertError(compilation, source, "NonFiniteBound", "@FloatRange on 'dropout' has min NaN", "min = Double.NaN");
  }

  @Test
  void rangeWiderThanADouble() {
    JavaFileObject source = config("Experiment", """
        @FloatRange(min = -1e308,
            max = 1e308)
        double bias
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "RangeTooWide",
        "@FloatRange on 'bias' is [-1.0E308, 1.0E308], whose width max - min overflows a double", "max = 1e308");
  }

  @Test
  void minEqualToMaxIsASingleValue() {
    JavaFileObject source = config("Experiment", """
        @IntRange(
            min = 4,
            max = 4)
        int layers
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "EmptyRange",
        "@IntRange on 'layers' has min = max = 4, a single value; fix it with @Choice(\"4\") instead", "max = 4");
  }

  @Test
  void logWithMinZeroOrBelow() {
    JavaFileObject source = config("Experiment", """
        @FloatRange(
            log = true,
            min = 0,
            max = 0.1)
        double learningRate,
        @IntRange(min = -8, max = 8, log = true)
        long offset,
        @FloatRange(min = 0, max = 1e-6,
            log = true) double tiny,
        @FloatRange(min = -1, max = 0,
            log = true) double negative,
        @IntRange(min = 0, max = 1,
            log = true) int bit
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(5);
    assertError(compilation, source, "LogNotPositive",
        "@FloatRange(log = true) on 'learningRate' needs min > 0, got min 0;"
            + " write a positive min, e.g. min = 1e-5, or drop log = true",
        "log = true,");
    assertError(compilation, source, "LogNotPositive",
        "@IntRange(log = true) on 'offset' needs min > 0, got min -8;"
            + " write a positive min, e.g. min = 1, or drop log = true",
        "max = 8, log = true");
    assertError(compilation, source, "LogNotPositive",
        "@FloatRange(log = true) on 'tiny' needs min > 0, got min 0;"
            + " write a positive min, e.g. min = 1.0E-9, or drop log = true",
        "log = true) double tiny");
    assertError(compilation, source, "LogNotPositive",
        "@FloatRange(log = true) on 'negative' needs min > 0, got min -1;"
            + " its values are not positive (max = 0), so drop log = true",
        "log = true) double negative");
    assertError(compilation, source, "LogNotPositive",
        "@IntRange(log = true) on 'bit' needs min > 0, got min 0;"
            + " a log range of whole numbers needs 0 < min < max = 1, so drop log = true",
        "log = true) int bit");
  }

  @Test
  void logAndStepTogether() {
    JavaFileObject source = config("Experiment", """
        @FloatRange(min = 1e-4, max = 1e-1, log = true,
            step = 1e-4)
        double learningRate
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "LogWithStep",
        "@FloatRange on 'learningRate' sets both log = true and step 1.0E-4; keep one", "step = 1e-4");
  }

  @Test
  void stepThatDoesNotDivideTheRange() {
    JavaFileObject source = config("Experiment", """
        @FloatRange(min = 0, max = 1,
            step = 0.3)
        double dropout
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "StepMismatch",
        "@FloatRange on 'dropout' has step 0.3, which does not fit the range [0, 1];"
            + " max - min = 1 is not a whole number of steps",
        "step = 0.3");
  }

  @Test
  void stepLargerThanTheRangeOrNotPositive() {
    JavaFileObject source = config("Experiment", """
        @IntRange(min = 0, max = 10,
            step = 20)
        int warmup,
        @IntRange(min = 0, max = 10,
            step = 0)
        int patience,
        @FloatRange(min = 0, max = 1,
            step = -0.25)
        double dropout
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(3);
    assertError(compilation, source, "StepMismatch", "step 20, which does not fit the range [0, 10];"
        + " it is larger than max - min = 10", "step = 20");
    assertError(compilation, source, "StepMismatch", "@IntRange on 'patience' has step 0,"
        + " which does not fit the range [0, 10]; a step must be positive", "step = 0)");
    assertError(compilation, source, "StepMismatch", "@FloatRange on 'dropout' has step -0.25",
        "step = -0.25");
  }

  @Test
  void intRangeBeyondInt() {
    JavaFileObject source = config("Experiment", """
        @IntRange(min = 0,
            max = 3_000_000_000L)
        int steps
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "IntRangeOverflow",
        "@IntRange on 'steps' is [0, 3000000000], beyond the range of int; use long or narrow it",
        "max = 3_000_000_000L");
  }

  /** Long bounds stay longs: near Long.MAX_VALUE neighbouring values are one double apart or none. */
  @Test
  void longBoundsNearTheirLimitsAreExact() {
    JavaFileObject source = config("Experiment", """
        @IntRange(min = Long.MAX_VALUE - 1, max = Long.MAX_VALUE) long seed,
        @IntRange(min = Long.MIN_VALUE, max = Long.MAX_VALUE) long anything,
        @IntRange(min = Long.MAX_VALUE - 9, max = Long.MAX_VALUE, step = 3) long offset,
        @IntRange(min = Long.MAX_VALUE - 10, max = Long.MAX_VALUE,
            step = 3) long shifted,
        @IntRange(min = Long.MAX_VALUE - 3, max = Long.MAX_VALUE, log = true) long logged,
        @IntRange(min = 9007199254740993L,
            max = 9007199254740995L) int narrow,
        @When(field = "offset", equalsTo = "9223372036854775801")
        @FloatRange(min = 0, max = 1) Double onTheGrid,
        @When(field = "offset",
            equalsTo = "9223372036854775802")
        @FloatRange(min = 0, max = 1) Double offTheGrid
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(3);
    assertError(compilation, source, "StepMismatch",
        "@IntRange on 'shifted' has step 3, which does not fit the range [9223372036854775797, 9223372036854775807];"
            + " max - min = 10 is not a whole number of steps",
        "step = 3) long shifted");
    assertError(compilation, source, "IntRangeOverflow",
        "@IntRange on 'narrow' is [9007199254740993, 9007199254740995], beyond the range of int",
        "max = 9007199254740995L");
    assertError(compilation, source, "ImpossibleWhenValue",
        "offset can never be \"9223372036854775802\"; it can be a long in [9223372036854775798, 9223372036854775807]"
            + " in steps of 3",
        "equalsTo = \"9223372036854775802\"");
  }

  /** The generated space draws the exact long bounds. */
  @Test
  void longBoundsNearTheirLimitsAreSampledExactly() {
    JavaFileObject source = config("Seeds", """
        @IntRange(min = Long.MAX_VALUE - 2, max = Long.MAX_VALUE) long seed,
        @IntRange(min = Long.MIN_VALUE, max = Long.MIN_VALUE + 4, step = 2) long low
        """);

    Compilation compilation = Compile.strictly(source);

    assertThat(compilation).succeededWithoutWarnings();
    GeneratedClasses.SpaceClass space = GeneratedClasses.of(compilation).space("test.SeedsSpace");
    java.util.Set<Object> seeds = new java.util.TreeSet<>();
    java.util.Set<Object> lows = new java.util.TreeSet<>();
    for (long seed = 0; seed < 200; seed++) {
      Object config = space.random(seed);
      seeds.add(GeneratedClasses.get(config, "seed"));
      lows.add(GeneratedClasses.get(config, "low"));
    }
    com.google.common.truth.Truth.assertThat(seeds)
        .containsExactly(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1, Long.MAX_VALUE).inOrder();
    com.google.common.truth.Truth.assertThat(lows)
        .containsExactly(Long.MIN_VALUE, Long.MIN_VALUE + 2, Long.MIN_VALUE + 4).inOrder();
  }

  /** The processor finds the component in the source again; a record nested in a class too. */
  @Test
  void errorInARecordNestedInAClassIsOnItsLine() {
    JavaFileObject source = source("test.Outer", """
        package test;

        import io.paramspace.*;

        final class Outer {
          @SearchSpace
          record Inner(@IntRange(min = 1, max = 8) int layers) {}

          @SearchSpace
          record Other(
              @IntRange(min = 1, max = 8) int layers,
              @IntRange(
                  min = 8,
                  max = 1) int width) {}
        }
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "InvertedRange", "@IntRange on 'width' has min 8 greater than max 1", "min = 8");
  }
}
