package io.paramspace.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Writes the sources of the compile-time benchmark: {@code count} {@code @SearchSpace} records,
 * {@code perPackage} to a package, varied the way real configs are. Each package also gets an enum
 * ({@code Mode}) and a sealed interface ({@code Block}) whose permitted records are the package's
 * first two configs.
 *
 * <ul>
 *   <li>Every config has a weighted string choice ({@code optimizer}), an int range ({@code
 *       layers}), a log float range, a conditional on {@code optimizer} and an ordering
 *       conditional with fixed {@code then}/{@code otherwise}, plus a random pick of stepped and
 *       log ranges, numeric choices, enums, booleans and an "or" ({@code @WhenAny}).
 *   <li>Every fifth config (from a package's fourth on) is a composite: it nests a leaf config of its package,
 *       holds a {@code Block} (polymorphic), a conditional nested config, a condition on a dotted
 *       path ({@code encoder.optimizer}) and one on the branch the block took.
 * </ul>
 *
 * Leaves never nest, so there are no nesting cycles; the same arguments give the same sources.
 *
 * <p>The same records can be written for a peer processor ({@link Flavor}): the same packages,
 * names, components (types and names, in the same order), enums and sealed interfaces, with
 * Paramspace's annotations (spaces, conditions) removed and the peer's own annotation instead.
 */
final class ConfigSources {
  static final String ROOT_PACKAGE = "bench.gen";

  /** One source file: its path relative to the source root, and its text. */
  record Source(String path, String text) {}

  /** Which processor the records are written for. */
  enum Flavor {
    /** {@code @SearchSpace} records with their ranges, choices and conditions. */
    PARAMSPACE,
    /** Immutables' builder for records: {@code @Value.Builder}, which generates {@code <Record>Builder}. */
    IMMUTABLES,
    /**
     * AutoValue's {@code @AutoBuilder} on an interface nested in the record, with one setter per
     * component and {@code build()}, which generates {@code AutoBuilder_<Record>_Builder}. The
     * usual static factory that calls the generated class is left out, so that the same sources
     * also compile without the processor (the mode's baseline).
     */
    AUTO_BUILDER,
    /** record-builder's {@code @RecordBuilder}, which generates {@code <Record>Builder}. */
    RECORD_BUILDER;

    /** The simple name of the class the flavor's processor generates for a record. */
    String generatedName(String record) {
      return switch (this) {
        case PARAMSPACE -> record + "Space";
        case IMMUTABLES, RECORD_BUILDER -> record + "Builder";
        case AUTO_BUILDER -> "AutoBuilder_" + record + "_Builder";
      };
    }
  }

  /** A record component: its annotations for Paramspace (possibly none), its type and its name. */
  private record Field(String annotations, String type, String name) {
    static Field of(String annotations, String declaration) {
      int space = declaration.lastIndexOf(' ');
      return new Field(annotations, declaration.substring(0, space), declaration.substring(space + 1));
    }

    String paramspace() {
      return annotations.isEmpty() ? plain() : annotations + " " + plain();
    }

    String plain() {
      return type + " " + name;
    }
  }

  private ConfigSources() {}

  static List<Source> generate(int count, int perPackage) {
    return generate(count, perPackage, Flavor.PARAMSPACE);
  }

  static List<Source> generate(int count, int perPackage, Flavor flavor) {
    if (count < 1 || perPackage < 3) {
      throw new IllegalArgumentException("need count >= 1 and perPackage >= 3");
    }
    List<Source> sources = new ArrayList<>();
    int packages = (count + perPackage - 1) / perPackage;
    for (int p = 0; p < packages; p++) {
      String pkg = ROOT_PACKAGE + ".p" + p;
      int first = p * perPackage;
      int last = Math.min(count, first + perPackage) - 1;
      sources.add(source(pkg, "Mode", "package " + pkg + ";\n\npublic enum Mode { FAST, BALANCED, THOROUGH, EXHAUSTIVE }\n"));
      sources.add(source(pkg, "Block", blockInterface(pkg, first, last)));
      for (int i = first; i <= last; i++) {
        sources.add(source(pkg, name(i), config(pkg, i, first, flavor)));
      }
    }
    return sources;
  }

  static String name(int index) {
    return String.format("Config%03d", index);
  }

  private static Source source(String pkg, String type, String text) {
    return new Source(pkg.replace('.', '/') + "/" + type + ".java", text);
  }

  private static String blockInterface(String pkg, int first, int last) {
    List<String> permits = new ArrayList<>();
    for (int i = first; i <= Math.min(last, first + 1); i++) {
      permits.add(name(i));
    }
    return "package " + pkg + ";\n\npublic sealed interface Block permits " + String.join(", ", permits) + " {}\n";
  }

  private static boolean isBlock(int index, int first) {
    return index - first < 2;
  }

  /** The package's third config is always a leaf, so a composite always has one to nest. */
  private static boolean isComposite(int index, int first) {
    return index - first >= 3 && index % 5 == 0;
  }

  private static String config(String pkg, int index, int first, Flavor flavor) {
    Random random = new Random(index);
    List<Field> fields = new ArrayList<>();
    fields.add(Field.of("@Choice(value = {\"adam\", \"sgd\", \"rmsprop\"}, weights = {2, 1, 1})", "String optimizer"));
    fields.add(Field.of("@IntRange(min = 1, max = " + (8 + random.nextInt(24)) + ")", "int layers"));
    fields.add(Field.of("@FloatRange(min = 1e-5, max = " + pick(random, "1e-2", "0.1", "0.5") + ", log = true)", "double learningRate"));
    List<Field> extras = new ArrayList<>(List.of(
        Field.of("@FloatRange(min = 0.0, max = 0.5)", "double dropout"),
        Field.of("@FloatRange(min = 0.0, max = 1.0, step = 0.125)", "double mix"),
        Field.of("@IntRange(min = 16, max = 1024, log = true)", "int width"),
        Field.of("@IntRange(min = 0, max = 100, step = 10)", "long warmupSteps"),
        Field.of("@Choice({\"16\", \"32\", \"64\", \"128\"})", "int batchSize"),
        Field.of("@Choice(value = {\"0.9\", \"0.99\", \"0.999\"}, weights = {1, 2, 1})", "Double decay"),
        Field.of("", "Mode mode"),
        Field.of("@Choice({\"FAST\", \"THOROUGH\"})", "Mode fallbackMode"),
        Field.of("", "boolean shuffle"),
        Field.of("@Choice(weights = {3, 1})", "boolean augment"),
        Field.of("@WhenAny({@When(field = \"optimizer\", equalsTo = \"sgd\"), @When(field = \"layers\", atLeast = 6)})"
            + " @FloatRange(min = 0.0, max = 0.99)", "Double momentum")));
    int extraCount = 2 + random.nextInt(5);
    for (int k = 0; k < extraCount; k++) {
      fields.add(extras.remove(random.nextInt(extras.size())));
    }
    fields.add(Field.of("@When(field = \"optimizer\", equalsTo = \"adam\") @FloatRange(min = 0.9, max = 0.999)", "Double beta2"));
    fields.add(Field.of("@When(field = \"layers\", greaterThan = 6, then = \"true\", otherwise = \"false\")", "boolean checkpoint"));
    if (isComposite(index, first)) {
      String leaf = name(leafFor(index, first));
      fields.add(Field.of("", leaf + " encoder"));
      fields.add(Field.of("", "Block block"));
      fields.add(Field.of("", "boolean useHead"));
      fields.add(Field.of("@When(field = \"useHead\", equalsTo = \"true\")", name(first + 2) + " head"));
      fields.add(Field.of("@When(field = \"encoder.optimizer\", notEqualsTo = \"adam\") @FloatRange(min = 0.0, max = 0.1)", "Double weightDecay"));
      fields.add(Field.of("@When(field = \"block\", equalsTo = \"" + name(first + 1) + "\") @IntRange(min = 1, max = 7, step = 2)", "Integer kernel"));
    }
    String implementsClause = isBlock(index, first) ? " implements Block" : "";
    String name = name(index);
    return switch (flavor) {
      case PARAMSPACE -> "package " + pkg + ";\n\n"
          + "import io.paramspace.Choice;\n"
          + "import io.paramspace.FloatRange;\n"
          + "import io.paramspace.IntRange;\n"
          + "import io.paramspace.SearchSpace;\n"
          + "import io.paramspace.When;\n"
          + "import io.paramspace.WhenAny;\n\n"
          + "@SearchSpace\n"
          + header(name, fields.stream().map(Field::paramspace).toList(), implementsClause) + " {}\n";
      case IMMUTABLES -> "package " + pkg + ";\n\n"
          + "import org.immutables.value.Value;\n\n"
          + "@Value.Builder\n"
          + header(name, plain(fields), implementsClause) + " {}\n";
      case RECORD_BUILDER -> "package " + pkg + ";\n\n"
          + "import io.soabase.recordbuilder.core.RecordBuilder;\n\n"
          + "@RecordBuilder\n"
          + header(name, plain(fields), implementsClause) + " {}\n";
      case AUTO_BUILDER -> "package " + pkg + ";\n\n"
          + "import com.google.auto.value.AutoBuilder;\n\n"
          + header(name, plain(fields), implementsClause) + " {\n"
          + "  @AutoBuilder\n"
          + "  public interface Builder {\n"
          + fields.stream().map(f -> "    Builder " + f.name() + "(" + f.plain() + ");\n").collect(Collectors.joining())
          + "\n"
          + "    " + name + " build();\n"
          + "  }\n"
          + "}\n";
    };
  }

  private static String header(String name, List<String> components, String implementsClause) {
    return "public record " + name + "(\n    " + String.join(",\n    ", components) + ")" + implementsClause;
  }

  private static List<String> plain(List<Field> fields) {
    return fields.stream().map(Field::plain).toList();
  }

  /** A leaf of the same package, not a block, for a composite to nest. */
  private static int leafFor(int index, int first) {
    for (int candidate = index - 1; candidate > first + 1; candidate--) {
      if (!isComposite(candidate, first)) {
        return candidate;
      }
    }
    return first + 2;
  }

  private static String pick(Random random, String... options) {
    return options[random.nextInt(options.length)];
  }
}
