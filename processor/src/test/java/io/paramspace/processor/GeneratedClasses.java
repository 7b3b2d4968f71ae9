package io.paramspace.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import io.paramspace.runtime.Trial;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * The class files of a successful compilation, defined in memory over the test class path (which
 * holds the runtime), so tests can run the generated {@code XxxSpace} classes.
 */
final class GeneratedClasses extends ClassLoader {
  private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

  private final Map<String, byte[]> classes;

  private GeneratedClasses(ClassLoader parent, Map<String, byte[]> classes) {
    super(parent);
    this.classes = classes;
  }

  static GeneratedClasses of(Compilation compilation) {
    return of(compilation, GeneratedClasses.class.getClassLoader());
  }

  static GeneratedClasses of(Compilation compilation, ClassLoader parent) {
    Map<String, byte[]> classes = new HashMap<>();
    classFiles(compilation).forEach((path, bytes) ->
        classes.put(path.substring(0, path.length() - ".class".length()).replace('/', '.'), bytes));
    return new GeneratedClasses(parent, classes);
  }

  /** Writes the class files under {@code directory}, as a class path entry. */
  static Path write(Compilation compilation, Path directory) throws IOException {
    for (var entry : classFiles(compilation).entrySet()) {
      Path file = directory.resolve(entry.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, entry.getValue());
    }
    return directory;
  }

  /** Class files by path relative to the output directory, e.g. {@code test/Outer$Inner.class}. */
  private static Map<String, byte[]> classFiles(Compilation compilation) {
    Map<String, byte[]> files = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      if (file.getKind() == JavaFileObject.Kind.CLASS && path.startsWith(CLASS_OUTPUT)) {
        try (InputStream in = file.openInputStream()) {
          files.put(path.substring(CLASS_OUTPUT.length()), in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return files;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  /** The generated space class {@code qualifiedName}, called as its static API. */
  SpaceClass space(String qualifiedName) {
    try {
      return new SpaceClass(loadClass(qualifiedName));
    } catch (ClassNotFoundException e) {
      throw new AssertionError("not generated: " + qualifiedName, e);
    }
  }

  /** A generated {@code XxxSpace}, called by reflection. */
  record SpaceClass(Class<?> type) {
    Object random(long seed) {
      return call("random", new Class<?>[] {long.class}, seed);
    }

    Object sample(Trial trial) {
      return call("sample", new Class<?>[] {Trial.class}, trial);
    }

    String tree() {
      return (String) call("tree", new Class<?>[0]);
    }

    @SuppressWarnings("unchecked")
    List<String> parameterNames() {
      return (List<String>) call("parameterNames", new Class<?>[0]);
    }

    private Object call(String method, Class<?>[] parameters, Object... arguments) {
      try {
        return type.getMethod(method, parameters).invoke(null, arguments);
      } catch (InvocationTargetException e) {
        throw new AssertionError(type.getSimpleName() + "." + method + " threw", e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** The value at {@code path} ("optimizer.name") of a record, through its accessors. */
  static Object get(Object record, String path) {
    Object value = record;
    for (String accessor : path.split("\\.")) {
      assertWithMessage("%s reaches null before '%s'", path, accessor).that(value).isNotNull();
      try {
        var method = value.getClass().getDeclaredMethod(accessor);
        method.setAccessible(true);
        value = method.invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("no accessor " + accessor + " on " + value.getClass(), e);
      }
    }
    return value;
  }
}
