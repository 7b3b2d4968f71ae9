package io.paramspace.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.paramspace.processor.Compile.assertError;
import static io.paramspace.processor.Compile.config;
import static io.paramspace.processor.Compile.source;
import static io.paramspace.processor.Compile.withProcessor;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Errors about what a type or an annotation can mean: one test per tag, then its sub-cases. */
class FieldTypeErrorsTest {

  @Test
  void searchSpaceOnAClassIsNotARecord() {
    JavaFileObject source = source("test.Experiment", """
        package test;

        import io.paramspace.SearchSpace;

        @SearchSpace
        final class Experiment {
          double learningRate;
        }
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "NotARecord", "@SearchSpace is on Experiment, which is not a record", "@SearchSpace");
  }

  /**
   * A class written where a record was meant, with the annotations on its fields: the mistake is
   * the class, reported once on it (javac stops before processors on an annotation it finds
   * misplaced, so the field annotations are allowed on fields and checked by the processor).
   */
  @Test
  void searchSpaceOnAClassWithAnnotatedFieldsIsNotARecord() {
    JavaFileObject source = source("test.Experiment", """
        package test;

        import io.paramspace.*;

        @SearchSpace
        final class Experiment {
          @FloatRange(min = 0, max = 1) double dropout;
          @When(field = "dropout", atLeast = 0.5)
          @When(field = "dropout", atMost = 0.9)
          @IntRange(min = 1, max = 4) Integer layers;
          @Choice({"adam", "sgd"}) String optimizer;
          static final int VERSION = 1;
        }
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "NotARecord",
        "@SearchSpace is on Experiment, which is not a record; declare it as a record whose components are its"
            + " fields: record Experiment(double dropout, Integer layers, String optimizer) {}",
        "@SearchSpace");
  }

  /** On a field anywhere else the annotations are read by no one: an error, where javac used to give one. */
  @Test
  void annotationOnAFieldThatIsNoComponent() {
    JavaFileObject source = source("test.Trainer", """
        package test;

        import io.paramspace.*;

        final class Trainer {
          @FloatRange(min = 0, max = 1) double dropout;
          @When(field = "dropout", atLeast = 0.5) @When(field = "dropout", atMost = 0.9) Integer layers;

          @SearchSpace
          record Experiment(@IntRange(min = 1, max = 4) int layers) {
            @Choice({"adam"}) static String optimizer = "adam";
          }
        }
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(3);
    assertError(compilation, source, "MisplacedAnnotation",
        "@FloatRange is on field 'dropout' of Trainer, which is not a record component, so nothing reads it;"
            + " put it on a component of a @SearchSpace record",
        "double dropout");
    assertError(compilation, source, "MisplacedAnnotation", "@When is on field 'layers' of Trainer", "Integer layers");
    assertError(compilation, source, "MisplacedAnnotation", "@Choice is on field 'optimizer' of Experiment",
        "static String optimizer");
  }

  @Test
  void listHasNoSpace() {
    JavaFileObject source = config("Experiment", """
        @FloatRange(min = 0, max = 1) double dropout,
        java.util.List<String> layerNames
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "UnsupportedType",
        "'layerNames' has type java.util.List<java.lang.String>, which has no search space", "layerNames");
  }

  @Test
  void charAndArrayAndPlainInterfaceHaveNoSpace() {
    JavaFileObject source = config("Experiment", """
        char separator,
        int[] widths,
        Runnable callback
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(3);
    assertError(compilation, source, "UnsupportedType", "'separator' has type char", "separator");
    assertError(compilation, source, "UnsupportedType", "'widths' has type int[]", "widths");
    assertError(compilation, source, "UnsupportedType", "'callback' has type java.lang.Runnable", "callback");
  }

  @Test
  void numberWithoutRangeOrChoiceHasNoSpace() {
    JavaFileObject source = config("Experiment", """
        double learningRate,
        String optimizer
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertError(compilation, source, "MissingSpace",
        "'learningRate' has type double but no space; add @FloatRange or @Choice", "learningRate");
    assertError(compilation, source, "MissingSpace", "'optimizer' has type String but no space; add @Choice",
        "optimizer");
  }

  @Test
  void nestedRecordWithoutSearchSpace() {
    JavaFileObject source = source("test.Experiment", """
        package test;

        import io.paramspace.*;

        record Optimizer(@Choice({"adam", "sgd"}) String name) {}

        @SearchSpace
        record Experiment(
            Optimizer optimizer,
            @IntRange(min = 1, max = 8) int layers) {}
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "NestedNotSearchSpace",
        "'optimizer' has type Optimizer, a record without @SearchSpace; annotate test.Optimizer with @SearchSpace",
        "Optimizer optimizer");
  }

  @Test
  void permittedSubtypeWithoutSearchSpace() {
    JavaFileObject source = source("test.Model", """
        package test;

        import io.paramspace.*;

        sealed interface Block permits Dense, Conv, Identity {}

        @SearchSpace
        record Dense(@IntRange(min = 1, max = 4) int layers) implements Block {}

        record Conv(@IntRange(min = 1, max = 7) int kernel) implements Block {}

        final class Identity implements Block {}

        @SearchSpace
        record Model(
            Block block) {}
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertError(compilation, source, "PermittedNotSearchSpace",
        "'block' has sealed type Block, but its permitted subtype test.Conv is not a @SearchSpace record",
        "Block block");
    assertError(compilation, source, "PermittedNotSearchSpace",
        "its permitted subtype test.Identity is not a @SearchSpace record", "Block block");
  }

  @Test
  void permittedRecordsWithTheSameSimpleName() {
    JavaFileObject source = source("test.Model", """
        package test;

        import io.paramspace.*;

        sealed interface Block permits A.Layer, B.Layer {}

        class A {
          @SearchSpace
          record Layer(@IntRange(min = 1, max = 4) int width) implements Block {}
        }

        class B {
          @SearchSpace
          record Layer(@IntRange(min = 1, max = 7) int kernel) implements Block {}
        }

        @SearchSpace
        record Model(
            Block block) {}
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "BranchNameClash",
        "'block' has sealed type Block, whose permitted records test.A.Layer and test.B.Layer share the simple name",
        "Block block");
  }

  @Test
  void genericRecord() {
    JavaFileObject source = source("test.Box", """
        package test;

        import io.paramspace.*;

        @SearchSpace
        record Box<T>(@IntRange(min = 1, max = 4) int size) {}
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "GenericRecord", "@SearchSpace record Box has type parameters", "@SearchSpace");
  }

  @Test
  void privateNestedRecord() {
    JavaFileObject source = source("test.Outer", """
        package test;

        import io.paramspace.*;

        class Outer {
          @SearchSpace
          private record Hidden(@IntRange(min = 1, max = 4) int size) {}
        }
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "NotAccessible",
        "@SearchSpace record Hidden is private (or nested in a private type), so its generated Outer_HiddenSpace",
        "@SearchSpace");
  }

  @Test
  void floatRangeOnAnInt() {
    JavaFileObject source = config("Experiment", """
        @FloatRange(min = 1, max = 8)
        int layers
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "WrongTypeForAnnotation",
        "@FloatRange does not apply to 'layers' of type int; use @IntRange for whole numbers", "@FloatRange");
  }

  @Test
  void intRangeOnAStringAndFloatRangeOnABoolean() {
    JavaFileObject source = config("Experiment", """
        @IntRange(min = 1, max = 8) String name,
        @FloatRange(min = 0, max = 1) Boolean shuffle
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertError(compilation, source, "WrongTypeForAnnotation",
        "@IntRange does not apply to 'name' of type String; it applies to int, long, Integer and Long", "String name");
    assertError(compilation, source, "WrongTypeForAnnotation",
        "@FloatRange does not apply to 'shuffle' of type Boolean; it applies to double, float, Double and Float",
        "Boolean shuffle");
  }

  @Test
  void choiceOnANestedConfig() {
    JavaFileObject source = source("test.Experiment", """
        package test;

        import io.paramspace.*;

        @SearchSpace
        record Optimizer(@Choice({"adam", "sgd"}) String name) {}

        @SearchSpace
        record Experiment(
            @Choice({"adam"})
            Optimizer optimizer) {}
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "WrongTypeForAnnotation",
        "@Choice does not apply to 'optimizer' of type Optimizer; a nested config has its own space",
        "@Choice({\"adam\"})");
  }

  @Test
  void rangeAndChoiceTogether() {
    JavaFileObject source = config("Experiment", """
        @FloatRange(min = 0, max = 1)
        @Choice({"0.1", "0.5"})
        double dropout
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "ConflictingSpaces", "'dropout' has both @FloatRange and @Choice; keep one",
        "@Choice");
  }

  @Test
  void typeThatDoesNotExistIsReportedOnceProcessingIsOver() {
    JavaFileObject source = config("Experiment", """
        @IntRange(min = 1, max = 8) int layers,
        Schedule schedule
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("Schedule");
    assertError(compilation, source, "UnresolvedType", "'schedule' has type Schedule, which could not be resolved",
        "record Experiment");
    assertThat(compilation).hadErrorCount(2);
  }
}
