package io.paramspace.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Finds the generated space of a record by name: one lookup of the generated class {@code
 * pkg.Outer_InnerSpace} beside {@code pkg.Outer.Inner} and one call of its {@code space()}. No
 * registry file is generated, so the processor stays an isolating one for Gradle's incremental
 * compilation.
 */
final class SpaceLookup {
  private SpaceLookup() {}

  static ConfigSpace<?> forName(String className, ClassLoader loader) {
    Class<?> type = load(className, loader);
    if (type == null && className.contains(".")) {
      // A canonical name of a nested record (io.acme.Outer.Inner): try $ for the last dots.
      String binary = className;
      int dot;
      while (type == null && (dot = binary.lastIndexOf('.')) > 0) {
        binary = binary.substring(0, dot) + "$" + binary.substring(dot + 1);
        type = load(binary, loader);
      }
    }
    if (type == null) {
      throw new SpaceNotFoundException("no class " + className + " on the classpath; give the fully qualified"
          + " name of a @SearchSpace record (e.g. io.acme.TrainingConfig) and put its jar or classes on the"
          + " classpath");
    }
    if (!type.isRecord() && type.getSimpleName().endsWith("Space")) {
      ConfigSpace<?> space = fromGenerated(type);
      if (space != null) {
        return space;
      }
    }
    return forClass(type);
  }

  static ConfigSpace<?> forClass(Class<?> type) {
    String generated = generatedName(type);
    Class<?> spaceClass = load(generated, type.getClassLoader());
    ConfigSpace<?> space = spaceClass == null ? null : fromGenerated(spaceClass);
    if (space == null) {
      throw new SpaceNotFoundException(type.getName() + " has no generated space " + generated + ": "
          + (type.isRecord() ? "annotate it with @SearchSpace and run the paramspace-processor on it"
              + " (annotationProcessorPaths in Maven, annotationProcessor in Gradle)"
              : "it is not a record; @SearchSpace spaces are generated for records"));
    }
    return space;
  }

  /** {@code pkg.Outer$Inner} gets {@code pkg.Outer_InnerSpace}, as the processor names it. */
  private static String generatedName(Class<?> type) {
    String packageName = type.getPackageName();
    String nested = type.getName().substring(packageName.isEmpty() ? 0 : packageName.length() + 1);
    return (packageName.isEmpty() ? "" : packageName + ".") + nested.replace('$', '_') + "Space";
  }

  private static ConfigSpace<?> fromGenerated(Class<?> spaceClass) {
    try {
      MethodHandle space = MethodHandles.publicLookup()
          .findStatic(spaceClass, "space", MethodType.methodType(ConfigSpace.class));
      return (ConfigSpace<?>) space.invoke();
    } catch (NoSuchMethodException | IllegalAccessException notGenerated) {
      return null;
    } catch (Throwable failed) {
      throw new SpaceNotFoundException("the generated space " + spaceClass.getName() + " failed to load: "
          + failed, failed);
    }
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, true, loader != null ? loader : SpaceLookup.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
