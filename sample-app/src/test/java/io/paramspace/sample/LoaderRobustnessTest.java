package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.InputFormat;
import io.paramspace.runtime.InputProblem;
import io.paramspace.runtime.InvalidConfigException;
import io.paramspace.runtime.InvalidInputException;
import io.paramspace.runtime.InvalidOverridesException;
import io.paramspace.runtime.Overrides;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.Space;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Random and mutated input to the override and config loaders. Whatever the input, a loader
 * returns something whole (a space that samples configs it accepts; a config that passes
 * validate) or throws {@link InvalidInputException} with a message and at least one problem.
 * Any other exception fails the property.
 */
class LoaderRobustnessTest {
  private static final int TRIES = 1_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper TOML = new TomlMapper();

  /** Every field and branch name of the test spaces, the grammar's keywords, and near misses. */
  private static final List<String> KEYS = keys();

  // ---- properties ------------------------------------------------------------------------------

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE) // edge cases of nested trees cost more than they find
  void overridesFromRandomMaps(@ForAll("overrideTrees") Map<String, Object> tree) {
    Overrides overrides = load(() -> Overrides.fromMap(tree));
    if (overrides != null) {
      applyEverywhere(overrides);
    }
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE) // edge cases of nested trees cost more than they find
  void overridesFromRandomFiles(@ForAll("overrideTrees") Map<String, Object> tree, @ForAll InputFormat format) {
    String text = write(tree, format);
    if (text != null) {
      parseAndApply(text, format);
    }
  }

  @Property(tries = TRIES)
  void overridesFromMutatedText(@ForAll("overrideTexts") String marker, @ForAll InputFormat format,
      @ForAll("edits") @Size(min = 1, max = 6) List<Edit> edits) {
    parseAndApply(Edit.applyAll(edits, template(marker, format)), format);
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE) // edge cases of nested trees cost more than they find
  void configsFromRandomAndMutatedTrees(@ForAll("configTrees") Map<String, Object> tree, @ForAll InputFormat format) {
    String text = write(tree, format);
    if (text != null) {
      readConfigs(text, format);
    }
  }

  @Property(tries = TRIES)
  void configsFromMutatedText(@ForAll long seed, @ForAll InputFormat format,
      @ForAll("edits") @Size(min = 1, max = 6) List<Edit> edits) {
    String valid = seed % 2 == 0
        ? write(TrainingConfigSpace.random(seed), format, TrainingConfigSpace.space()::toJson, TrainingConfigSpace.space()::toYaml,
            TrainingConfigSpace.space()::toToml)
        : write(TuningConfigSpace.random(seed), format, TuningConfigSpace.space()::toJson, TuningConfigSpace.space()::toYaml,
            TuningConfigSpace.space()::toToml);
    readConfigs(Edit.applyAll(edits, valid), format);
  }

  @Property(tries = TRIES)
  void arbitraryStrings(@ForAll String text, @ForAll InputFormat format) {
    parseAndApply(text, format);
    readConfigs(text, format);
  }

  @Property(tries = TRIES)
  void stringsOfSyntax(@ForAll("syntax") String text, @ForAll InputFormat format) {
    parseAndApply(text, format);
    readConfigs(text, format);
  }

  // ---- huge input --------------------------------------------------------------------------------

  @Example
  void aHugeInputIsRejectedBeforeItIsParsed() throws IOException {
    Path dir = Files.createTempDirectory("paramspace-huge");
    String huge = "x".repeat(10 * 1024 * 1024);
    String limit = "over the limit of 1 MiB (1048576 ";
    for (InputFormat format : InputFormat.values()) {
      String text = switch (format) {
        case JSON -> "{\"optimizer\": {\"name\": \"" + huge + "\"}}";
        case YAML -> "optimizer:\n  name: " + huge + "\n";
        case TOML -> "optimizer.name = \"" + huge + "\"\n";
      };
      String name = "huge." + format.name().toLowerCase(java.util.Locale.ROOT);
      Path file = write(dir, name, text);
      long start = System.nanoTime();
      InvalidInputException fromFile = assertThrows(InvalidInputException.class, () -> Overrides.fromFile(file));
      InvalidInputException fromText = assertThrows(InvalidInputException.class, () -> Overrides.parse(text, format, name));
      InvalidInputException config = assertThrows(InvalidInputException.class, () -> TrainingConfigSpace.space().load(file));
      // Seconds per megabyte of YAML before the check; milliseconds now.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(only(fromFile).toString()).isEqualTo(file + ": is too large: " + Files.size(file) + " bytes, " + limit
          + "bytes)");
      assertThat(only(fromText).toString()).isEqualTo(name + ": is too large: " + text.length() + " characters, " + limit
          + "characters)");
      assertThat(only(config).toString()).isEqualTo(only(fromFile).toString());
      Files.delete(file);
    }
    Files.delete(dir);
  }

  @Example
  void aHugeValueIsCutInMessages() {
    String big = "y".repeat(500_000);
    InvalidOverridesException choice = assertThrows(InvalidOverridesException.class,
        () -> TrainingConfigSpace.space().narrow(Overrides.parse("{\"optimizer\": {\"name\": \"" + big + "\"}}",
            InputFormat.JSON, "o.json")));
    assertThat(only(choice).message()).isEqualTo("'" + "y".repeat(40) + "'... (500000 characters) is not a choice;"
        + " choose one of ['adam', 'sgd']");
    InvalidOverridesException type = assertThrows(InvalidOverridesException.class,
        () -> TrainingConfigSpace.space().narrow(Overrides.fromMap(Map.of("batchSize", big, big, 1))));
    assertThat(type.problems().stream().map(InputProblem::toString).toList()).containsExactly(
        "<map>: batchSize: is the string '" + "y".repeat(40) + "'... (500000 characters); expected an integer (int)",
        "<map>: " + "y".repeat(40) + "... (500000 characters): is not a field of TrainingConfig. Known: model,"
            + " optimizer, batchSize.");
    InvalidConfigException config = assertThrows(InvalidConfigException.class, () -> TrainingConfigSpace.space()
        .validate(new TrainingConfig(TrainingConfigSpace.random(1).model(), new OptimizerConfig(big, 1e-3, null, null), 32)));
    assertThat(config.getMessage().length()).isLessThan(500);
  }

  // ---- what each input goes through -------------------------------------------------------------

  private static void parseAndApply(String text, InputFormat format) {
    Overrides overrides = load(() -> Overrides.parse(text, format, "fuzz." + format.name().toLowerCase()));
    if (overrides != null) {
      applyEverywhere(overrides);
    }
  }

  /** Applies overrides to both spaces; where they apply, samples and checks the samples. */
  private static void applyEverywhere(Overrides overrides) {
    ConfigSpace<?> training = load(() -> TrainingConfigSpace.space().narrow(overrides));
    if (training != null) {
      for (long seed = 0; seed < 3; seed++) {
        TrainingConfig config = TrainingConfigSpace.space().narrow(overrides).random(seed);
        training.validate(config);
        TrainingConfigSpace.space().validate(config); // narrowed, never widened
      }
      TrainingConfigSpace.space().narrow(overrides).tree();
      TrainingConfigSpace.space().narrow(overrides).parameterNames();
      TrainingConfigSpace.space().narrow(overrides).hash();
    }
    ConfigSpace<?> tuning = load(() -> TuningConfigSpace.space().narrow(overrides));
    if (tuning != null) {
      for (long seed = 0; seed < 3; seed++) {
        TuningConfig config = TuningConfigSpace.space().narrow(overrides).random(seed);
        tuning.validate(config);
        TuningConfigSpace.space().validate(config);
      }
      TuningConfigSpace.space().narrow(overrides).tree();
      TuningConfigSpace.space().narrow(overrides).parameterNames();
      TuningConfigSpace.space().narrow(overrides).hash();
    }
  }

  /** Reads {@code text} as both configs; a config that comes back is whole and writes back the same. */
  private static void readConfigs(String text, InputFormat format) {
    TrainingConfig training = load(() -> switch (format) {
      case JSON -> TrainingConfigSpace.space().fromJson(text);
      case YAML -> TrainingConfigSpace.space().fromYaml(text);
      case TOML -> TrainingConfigSpace.space().fromToml(text);
    });
    if (training != null) {
      TrainingConfigSpace.space().validate(training);
      if (!TrainingConfigSpace.space().fromJson(TrainingConfigSpace.space().toJson(training)).equals(training)) {
        throw new AssertionError("read " + training + " from\n" + text + "\nbut it does not round trip");
      }
    }
    TuningConfig tuning = load(() -> switch (format) {
      case JSON -> TuningConfigSpace.space().fromJson(text);
      case YAML -> TuningConfigSpace.space().fromYaml(text);
      case TOML -> TuningConfigSpace.space().fromToml(text);
    });
    if (tuning != null) {
      TuningConfigSpace.space().validate(tuning);
      if (!TuningConfigSpace.space().fromJson(TuningConfigSpace.space().toJson(tuning)).equals(tuning)) {
        throw new AssertionError("read " + tuning + " from\n" + text + "\nbut it does not round trip");
      }
    }
  }

  /**
   * The loader's result, or {@code null} if it threw the documented exception, which must say what
   * is wrong. Any other exception escapes and fails the property.
   */
  private static <T> T load(Supplier<T> loader) {
    try {
      T result = loader.get();
      if (result == null) {
        throw new AssertionError("a loader returned null");
      }
      return result;
    } catch (InvalidInputException e) {
      if (e.getMessage() == null || e.getMessage().isBlank() || e.problems().isEmpty()) {
        throw new AssertionError("InvalidInputException without a message or problems", e);
      }
      for (InputProblem problem : e.problems()) {
        if (problem.message() == null || problem.message().isBlank() || problem.source() == null
            || problem.path() == null || problem.location() == null) {
          throw new AssertionError("an incomplete problem: " + problem, e);
        }
      }
      return null;
    }
  }

  private static InputProblem only(InvalidInputException e) {
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  private static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- generators -------------------------------------------------------------------------------

  /** Random trees keyed by real names, and the override templates with a few random changes. */
  @Provide
  Arbitrary<Map<String, Object>> overrideTrees() {
    Arbitrary<Map<String, Object>> random = Arbitraries.maps(keysArbitrary(), trees()).ofMaxSize(5);
    Arbitrary<Map<String, Object>> mutated = Combinators.combine(
            Arbitraries.of(List.of(tree(TrainingConfigSpace.space().overrideTemplate()),
                tree(TuningConfigSpace.space().overrideTemplate()), tree(EXAMPLE_OVERRIDES))),
            Arbitraries.longs(), trees().list().ofMinSize(1).ofMaxSize(4))
        .as(TreeMutation::mutate);
    return Arbitraries.frequencyOf(
        Tuple.of(1, random),
        Tuple.of(2, mutated));
  }

  /** Real configs with a few random changes, and random trees keyed by real names. */
  @Provide
  Arbitrary<Map<String, Object>> configTrees() {
    Arbitrary<Map<String, Object>> random = Arbitraries.maps(keysArbitrary(), trees()).ofMaxSize(5);
    Arbitrary<Map<String, Object>> mutated = Combinators.combine(
            Arbitraries.longs().between(0, 10_000), Arbitraries.longs(), trees().list().ofMinSize(1).ofMaxSize(4))
        .as((configSeed, editSeed, replacements) -> TreeMutation.mutate(
            tree(configSeed % 2 == 0 ? TrainingConfigSpace.space().toJson(TrainingConfigSpace.random(configSeed))
                : TuningConfigSpace.space().toJson(TuningConfigSpace.random(configSeed))),
            editSeed, replacements));
    return Arbitraries.frequencyOf(
        Tuple.of(1, random),
        Tuple.of(3, mutated));
  }

  /** Valid override files to mutate: the two templates and one hand-written file, by marker. */
  @Provide
  Arbitrary<String> overrideTexts() {
    return Arbitraries.of("{TRAINING}", "{TUNING}", "{EXAMPLE}");
  }

  @Provide
  Arbitrary<List<Edit>> edits() {
    Arbitrary<Character> chars = Arbitraries.oneOf(
        Arbitraries.of('{', '}', '[', ']', ':', ',', '"', '\'', '=', '\n', ' ', '-', '.', '0', '1', '9', 'e', '#',
            '&', '*', '!', '|', '>', 't', 'n', '\t', '\\'),
        Arbitraries.chars());
    return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 1), chars)
        .as(Edit::new).list();
  }

  @Provide
  Arbitrary<String> syntax() {
    Arbitrary<String> tokens = Arbitraries.oneOf(
        Arbitraries.strings().withChars("{}[]:,\"'= \n\t-.#&*!|>0123456789eE+_").ofLength(1),
        Arbitraries.of(KEYS),
        Arbitraries.of("adam", "sgd", "RELU", "true", "null", "1e-3", "[32, 64]", "{}", "- ", "\n  ", " = ", ": ",
            "\"min\": ", "[model]\n", "---\n"));
    return tokens.list().ofMaxSize(25).map(parts -> String.join("", parts));
  }

  private static Arbitrary<Object> trees() {
    return Arbitraries.recursive(
        LoaderRobustnessTest::scalars,
        inner -> Arbitraries.oneOf(
            inner,
            inner.list().ofMaxSize(4).map(list -> (Object) list),
            Arbitraries.maps(keysArbitrary(), inner).ofMaxSize(4).map(map -> (Object) map)),
        0, 4);
  }

  private static Arbitrary<Object> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-3, 200).map(x -> (Object) x),
        Arbitraries.longs().map(x -> (Object) x),
        Arbitraries.doubles().map(x -> (Object) x),
        Arbitraries.of(0.5, 0.1, 1e-3, 1e-4, 0.99, 0.999, 1e-5, 1e308, -0.0, 4.9e-324, 1e-320, 12.0, 1e19)
            .map(x -> (Object) x),
        Arbitraries.floats().map(x -> (Object) x),
        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(18), BigInteger.TEN.pow(40)).map(x -> (Object) x),
        Arbitraries.just((Object) new BigDecimal("1e400")),
        Arbitraries.strings().ofMaxLength(8).map(x -> (Object) x),
        Arbitraries.of("adam", "sgd", "rmsprop", "RELU", "relu", "SILU", "NaN", "nan", "inf", "-Infinity", "1e400",
            "0x10", "DenseConfig", "ConvConfig", "true", "null", "", " ").map(x -> (Object) x),
        Arbitraries.of(true, false).map(x -> (Object) x))
        .injectNull(0.08);
  }

  private static Arbitrary<String> keysArbitrary() {
    return Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().ofMaxLength(6));
  }

  private static List<String> keys() {
    Set<String> keys = new LinkedHashSet<>(List.of("min", "max", "true", "false", "__type__", "LstmConfig",
        "numLayer", "", "log", "step", "weights"));
    collect(TrainingConfigSpace.space(), keys);
    collect(TuningConfigSpace.space(), keys);
    return List.copyOf(keys);
  }

  private static void collect(Space space, Set<String> keys) {
    if (space instanceof ConfigSpace<?> config) {
      keys.add(config.typeName());
      for (FieldSpace field : config.fields()) {
        keys.add(field.name());
        collect(field.space(), keys);
      }
    } else if (space instanceof PolymorphicSpace polymorphic) {
      polymorphic.branches().forEach(branch -> collect(branch, keys));
    } else if (space instanceof ConditionalSpace conditional) {
      collect(conditional.whenTrue(), keys);
    }
  }

  // ---- texts and trees --------------------------------------------------------------------------

  private static final String EXAMPLE_OVERRIDES = """
      {"batchSize": [32, 64], "shuffle": true,
       "optimizer": {"name": "adam", "learningRate": {"min": 1e-4, "max": 1e-3}, "beta2": {"true": [0.9, 0.99]}},
       "model": {"numBlocks": {"min": 4, "max": 10},
                 "blockConfig": {"DenseConfig": {"numLayers": 4, "activation": ["RELU", "GELU"]}, "ConvConfig": {}}},
       "block": "ConvConfig", "warmup": {"name": "sgd"}, "dropout": {"min": 0.2, "max": 0.6}}
      """;

  /** The valid text a marker names, in {@code format}. */
  private static String template(String marker, InputFormat format) {
    return switch (marker) {
      case "{TRAINING}" -> TrainingConfigSpace.space().overrideTemplate(format);
      case "{TUNING}" -> TuningConfigSpace.space().overrideTemplate(format);
      default -> write(tree(EXAMPLE_OVERRIDES), format);
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tree(String json) {
    try {
      return JSON.readValue(json, LinkedHashMap.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code tree} in {@code format}, or {@code null} if Jackson cannot write it so (TOML has no null). */
  private static String write(Object tree, InputFormat format) {
    ObjectMapper mapper = switch (format) {
      case JSON -> JSON;
      case YAML -> YAML;
      case TOML -> TOML;
    };
    try {
      return mapper.writeValueAsString(tree);
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  private static <C> String write(C config, InputFormat format, java.util.function.Function<C, String> json,
      java.util.function.Function<C, String> yaml, java.util.function.Function<C, String> toml) {
    return switch (format) {
      case JSON -> json.apply(config);
      case YAML -> yaml.apply(config);
      case TOML -> toml.apply(config);
    };
  }

  /** One character edit: 0 deletes, 1 inserts, 2 swaps with the next, 3 replaces; {@code at} in [0, 1]. */
  record Edit(int kind, double at, char c) {
    static String applyAll(List<Edit> edits, String text) {
      for (Edit edit : edits) {
        text = edit.apply(text);
      }
      return text;
    }

    String apply(String text) {
      int i = Math.min(text.length(), (int) (at * (text.length() + 1)));
      StringBuilder out = new StringBuilder(text);
      switch (kind) {
        case 0 -> {
          if (i < text.length()) {
            out.deleteCharAt(i);
          }
        }
        case 1 -> out.insert(i, c);
        case 2 -> {
          if (i + 1 < text.length()) {
            out.setCharAt(i, text.charAt(i + 1));
            out.setCharAt(i + 1, text.charAt(i));
          }
        }
        default -> {
          if (i < text.length()) {
            out.setCharAt(i, c);
          }
        }
      }
      return out.toString();
    }
  }

  /** Changes to a tree of maps and lists: replace, remove or add an entry somewhere in it. */
  static final class TreeMutation {
    private TreeMutation() {}

    static Map<String, Object> mutate(Map<String, Object> tree, long seed, List<Object> replacements) {
      Random random = new Random(seed);
      Map<String, Object> copy = deepCopy(tree);
      for (Object replacement : replacements) {
        List<Object> containers = new ArrayList<>();
        collectContainers(copy, containers);
        Object target = containers.get(random.nextInt(containers.size()));
        if (target instanceof Map<?, ?> raw) {
          @SuppressWarnings("unchecked")
          Map<String, Object> map = (Map<String, Object>) raw;
          List<String> keys = new ArrayList<>(map.keySet());
          int op = random.nextInt(3);
          if (op == 0 && !keys.isEmpty()) {
            map.put(keys.get(random.nextInt(keys.size())), replacement);
          } else if (op == 1 && !keys.isEmpty()) {
            map.remove(keys.get(random.nextInt(keys.size())));
          } else {
            map.put(KEYS.get(random.nextInt(KEYS.size())), replacement);
          }
        } else {
          @SuppressWarnings("unchecked")
          List<Object> list = (List<Object>) target;
          if (!list.isEmpty() && random.nextBoolean()) {
            list.set(random.nextInt(list.size()), replacement);
          } else {
            list.add(replacement);
          }
        }
      }
      return copy;
    }

    private static void collectContainers(Object node, List<Object> out) {
      if (node instanceof Map<?, ?> map) {
        out.add(map);
        map.values().forEach(value -> collectContainers(value, out));
      } else if (node instanceof List<?> list) {
        out.add(list);
        list.forEach(item -> collectContainers(item, out));
      }
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T node) {
      if (node instanceof Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put((String) key, deepCopy(value)));
        return (T) copy;
      }
      if (node instanceof List<?> list) {
        List<Object> copy = new ArrayList<>();
        list.forEach(item -> copy.add(deepCopy(item)));
        return (T) copy;
      }
      return node;
    }
  }
}
