package io.paramspace.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The valid configs in {@code src/test/resources/configs/test}, which use every feature, and
 * their strict compilation, done once for the behaviour and golden tests.
 */
final class Configs {
  static final List<String> NAMES =
      List.of("Experiment", "Optimizer", "Activation", "Block", "Dense", "Conv", "Identity", "Head", "Outer");

  private static Compilation compilation;

  private Configs() {}

  static JavaFileObject source(String simpleName) {
    return JavaFileObjects.forResource("configs/test/" + simpleName + ".java");
  }

  static JavaFileObject[] sources() {
    return NAMES.stream().map(Configs::source).toArray(JavaFileObject[]::new);
  }

  static synchronized Compilation compilation() {
    if (compilation == null) {
      compilation = Compile.strictly(sources());
    }
    return compilation;
  }
}
