package io.paramspace.runtime;

import io.paramspace.runtime.text.InputReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A narrowing of a config's space, keyed by the config's field names, in SpaX's grammar:
 *
 * <ul>
 *   <li>a scalar fixes a parameter: {@code "optimizer": "adam"};
 *   <li>a list restricts it to those values: {@code "learningRate": [1e-4, 1e-3]} (a numeric range
 *       becomes a categorical of them; a categorical keeps its weights);
 *   <li>{@code {"min": .., "max": ..}} narrows a range (log and step are kept);
 *   <li>an object of fields overrides inside a nested config;
 *   <li>{@code {"DenseConfig": {...}, "ConvConfig": {}}} keeps those branches of a polymorphic
 *       field and overrides inside them (a branch name, or a list of them, keeps those branches);
 *   <li>for a conditional field the override applies to its active side; {@code {"true": ...}}
 *       says so explicitly.
 * </ul>
 *
 * Overrides narrow, never widen; a fixed value cannot be changed; a field cannot be narrowed by
 * the same overrides that make it inactive for good ({@code "name": "adam"} with {@code
 * "momentum": 0.5} when momentum is active only for sgd). They are checked when applied to
 * a space (by {@code XxxSpace.random(seed, overrides)}, {@code sample}, {@code tree}, ...): every
 * problem is reported together in an {@link InvalidOverridesException} and nothing is applied.
 *
 * <p>Three ways to write them, one tree behind them: a generated builder ({@code
 * XxxSpace.overrides()}), a {@link #fromMap map}, or a {@link #fromFile file} in JSON, YAML or TOML.
 */
public interface Overrides {
  /** The overrides as a tree: an object keyed by field names. */
  InputNode.MapNode root();

  /** Where they come from, for messages: a file name, {@code <map>} or {@code <builder>}. */
  String source();

  /** No narrowing at all. */
  static Overrides none() {
    return new Parsed(new InputNode.MapNode(Map.of(), InputNode.Location.UNKNOWN), "<none>");
  }

  /**
   * Overrides from a map of field names to values (scalars, lists, maps), as a tool would build.
   * Scalars are strings, booleans, enum constants and numbers of the standard types: {@code
   * Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code Double}, {@code Float}, {@code
   * BigDecimal}, {@code BigInteger}.
   *
   * @throws InvalidOverridesException if a key is not a string or a value is of no supported type
   *     (another {@code Number}, such as an {@code AtomicInteger}, included)
   */
  static Overrides fromMap(Map<String, ?> map) {
    List<InputProblem> problems = new ArrayList<>();
    InputNode root = InputNode.fromJava(map, "", problems, "<map>");
    if (!problems.isEmpty()) {
      throw new InvalidOverridesException("a map", problems);
    }
    return new Parsed((InputNode.MapNode) root, "<map>");
  }

  /**
   * Overrides from a JSON, YAML or TOML file, by its extension.
   *
   * @throws InvalidOverridesException if the file does not exist ({@code no such file: path}),
   *     cannot be read, has another extension, is malformed, or is not an object; its problems
   *     name the file
   */
  static Overrides fromFile(Path file) {
    return of(read(() -> InputReader.read(file), file.toString()), file.toString());
  }

  /**
   * Overrides from text in {@code format}; {@code source} names it in messages.
   *
   * @throws InvalidOverridesException if the text is malformed or is not an object
   */
  static Overrides parse(String text, InputFormat format, String source) {
    return of(read(() -> InputReader.read(text, format, source), source), source);
  }

  /** What {@code reader} reads, its problems thrown as those of overrides. */
  private static InputNode read(java.util.function.Supplier<InputNode> reader, String source) {
    try {
      return reader.get();
    } catch (InvalidOverridesException e) {
      throw e;
    } catch (InvalidInputException e) {
      throw new InvalidOverridesException(source, e.problems());
    }
  }

  private static Overrides of(InputNode root, String source) {
    if (!(root instanceof InputNode.MapNode map)) {
      throw new InvalidOverridesException(source, List.of(new InputProblem(source, "", root.location(),
          "is " + InputNode.describe(root) + "; overrides are an object keyed by field names")));
    }
    return new Parsed(map, source);
  }

  /** Overrides read or built once. */
  record Parsed(InputNode.MapNode root, String source) implements Overrides {}
}
