package io.paramspace.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.paramspace.processor.Compile.assertError;
import static io.paramspace.processor.Compile.source;
import static io.paramspace.processor.Compile.withProcessor;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A config that contains itself makes an infinite space. */
class NestingErrorsTest {

  @Test
  void configsThatContainEachOther() {
    JavaFileObject a = source("test.A", """
        package test;

        import io.paramspace.*;

        @SearchSpace
        record A(
            @IntRange(min = 1, max = 4) int width,
            B inner) {}
        """);
    JavaFileObject b = source("test.B", """
        package test;

        import io.paramspace.*;

        @SearchSpace
        record B(
            boolean shuffle,
            A outer) {}
        """);

    Compilation compilation = withProcessor(a, b);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertError(compilation, a, "NestingCycle", "'inner' makes an infinite space: A.inner -> B.outer -> A; break the cycle",
        "B inner");
    assertError(compilation, b, "NestingCycle", "'outer' makes an infinite space: B.outer -> A.inner -> B",
        "A outer");
  }

  @Test
  void configThatContainsItselfThroughABranch() {
    JavaFileObject source = source("test.Network", """
        package test;

        import io.paramspace.*;

        sealed interface Layer permits Leaf, Stack {}

        @SearchSpace
        record Leaf(@IntRange(min = 1, max = 64) int units) implements Layer {}

        @SearchSpace
        record Stack(
            Layer first,
            @IntRange(min = 1, max = 4) int repeat) implements Layer {}

        @SearchSpace
        record Network(
            Layer body) {}
        """);

    Compilation compilation = withProcessor(source);

    assertThat(compilation).failed();
    // Network holds the cycle but is not on it: Stack's error is the only one.
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, "NestingCycle", "'first' makes an infinite space: Stack.first -> Stack",
        "Layer first");
  }
}
