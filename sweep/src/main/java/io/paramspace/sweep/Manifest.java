package io.paramspace.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.InputFormat;
import io.paramspace.runtime.InvalidInputException;
import io.paramspace.runtime.Overrides;
import io.paramspace.runtime.SpaceNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A file from which the exact same sequence of configs is rebuilt: what a job array ships to every
 * task, so that task {@code i} computes configuration {@code i} alone. JSON or YAML:
 *
 * <pre>{@code
 * {
 *   "format": "paramspace-manifest",
 *   "version": 1,
 *   "space": {"type": "io.acme.TrainingConfig", "hash": "3f2a...", "overrides": {...}},
 *   "kind": "grid",
 *   "size": 1200
 * }
 * }</pre>
 *
 * <p>{@code space} names the record (its binary class name, found on the classpath with {@link
 * ConfigSpace#forName}), the narrowing as an override tree (absent for the generated space) and
 * the space's {@link ConfigSpace#hash()}. Reading checks the hash: a manifest read against a space
 * that has changed since it was written is an error that says so, because the same indices would
 * give other configs. {@code kind} is {@code grid}; {@code random} with {@code n} and {@code seed};
 * {@code manual} with {@code configs} (each as {@code toJson} writes it) and {@code tags}; or
 * {@code sweep} with an {@code expression}, a tree of {@code {"op": ...}} nodes: {@code unit},
 * {@code values} ({@code path}, {@code values}), {@code product}, {@code zip}, {@code chain}
 * ({@code of}: the operands), {@code repeat} ({@code of}, {@code times}, {@code seedPath}) and
 * {@code source} ({@code source}: a nested manifest body with its own {@code space}). {@code size}
 * is checked against the rebuilt sequence.
 */
public final class Manifest {
  public static final String FORMAT = "paramspace-manifest";
  /** The format version this release writes and reads. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper COMPACT = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode root;

  private Manifest(ObjectNode root) {
    this.root = root;
  }

  // ---- writing -----------------------------------------------------------------------------

  /** The manifest of {@code sequence}. */
  static Manifest of(ConfigSequence<?> sequence) {
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    body(sequence, root);
    return new Manifest(root);
  }

  /** {@code space}, the kind and its fields, and the size, into {@code out}. */
  private static void body(ConfigSequence<?> sequence, ObjectNode out) {
    out.set("space", space(sequence.space()));
    if (sequence instanceof GridSource<?>) {
      out.put("kind", "grid");
    } else if (sequence instanceof RandomSource<?> random) {
      out.put("kind", "random");
      out.put("n", random.size());
      out.put("seed", random.seed());
    } else if (sequence instanceof ManualSource<?> manual) {
      out.put("kind", "manual");
      out.set("configs", configs(manual));
      ArrayNode tags = out.putArray("tags");
      manual.tags().forEach(tags::add);
    } else if (sequence instanceof Sweep<?> sweep) {
      out.put("kind", "sweep");
      out.set("expression", expression(sweep.expr));
    } else {
      throw new SweepException("a " + sequence.getClass().getSimpleName() + " has no manifest; only grids, random"
          + " and manual sources and sweeps have one");
    }
    out.put("size", sequence.size());
  }

  private static <T> ArrayNode configs(ManualSource<T> manual) {
    ArrayNode configs = NODES.arrayNode();
    for (T config : manual) {
      configs.add(tree(manual.space().toJson(config), "a config"));
    }
    return configs;
  }

  private static ObjectNode space(ConfigSpace<?> space) {
    ObjectNode node = NODES.objectNode();
    node.put("type", space.type().getName());
    node.put("hash", space.hash());
    ConfigSpace<?> generated = ConfigSpace.of(space.type());
    if (!generated.hash().equals(space.hash())) {
      String template = space.overrideTemplate();
      ConfigSpace<?> rebuilt = generated.narrow(Overrides.parse(template, InputFormat.JSON, "<template>"));
      if (!rebuilt.hash().equals(space.hash())) {
        throw new SweepException("the narrowed space of " + space.typeName() + " cannot be written as overrides of its"
            + " generated space (its override template narrows the generated space to another space); a manifest"
            + " needs a space narrowed by overrides");
      }
      node.set("overrides", tree(template, "the override template"));
    }
    return node;
  }

  private static ObjectNode expression(Sweep.Expr expr) {
    ObjectNode node = NODES.objectNode();
    if (expr instanceof Sweep.Unit) {
      node.put("op", "unit");
    } else if (expr instanceof Sweep.Source source) {
      node.put("op", "source");
      ObjectNode body = NODES.objectNode();
      body(source.source(), body);
      node.set("source", body);
    } else if (expr instanceof Sweep.Values values) {
      node.put("op", "values");
      node.put("path", values.path());
      ArrayNode array = node.putArray("values");
      for (Object value : values.values()) {
        array.add(value(value));
      }
    } else if (expr instanceof Sweep.Product p) {
      node.put("op", "product");
      operands(node, p.parts());
    } else if (expr instanceof Sweep.Zip z) {
      node.put("op", "zip");
      operands(node, z.parts());
    } else if (expr instanceof Sweep.Chain c) {
      node.put("op", "chain");
      operands(node, c.parts());
    } else if (expr instanceof Sweep.Repeat r) {
      node.put("op", "repeat");
      node.set("of", expression(r.inner()));
      node.put("times", r.times());
      if (r.seedPath() != null) {
        node.put("seedPath", r.seedPath());
      }
    }
    return node;
  }

  private static void operands(ObjectNode node, Sweep.Expr[] parts) {
    ArrayNode of = node.putArray("of");
    for (Sweep.Expr part : parts) {
      of.add(expression(part));
    }
  }

  private static JsonNode value(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof Float f) {
      return NODES.numberNode(Double.parseDouble(Float.toString(f)));
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Enum<?> e) {
      return NODES.textNode(e.name());
    }
    if (value instanceof Class<?> c) {
      return NODES.textNode(c.getSimpleName());
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    throw new SweepException("the sweep value " + value + " (a " + value.getClass().getSimpleName()
        + ") cannot be written to a manifest; use numbers, strings, booleans, enum constants or branch names");
  }

  private static JsonNode tree(String json, String what) {
    try {
      return COMPACT.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the runtime wrote " + what + " that is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The manifest as JSON, indented. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The manifest as YAML. */
  public String toYaml() {
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the manifest to {@code file}: YAML for {@code .yaml}/{@code .yml}, JSON otherwise. */
  public void write(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    String text = name.endsWith(".yaml") || name.endsWith(".yml") ? toYaml() : toJson();
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the manifest " + file + ": " + e.getMessage(), e);
    }
  }

  // ---- reading -----------------------------------------------------------------------------

  /**
   * The manifest in {@code file} (JSON or YAML).
   *
   * @throws ManifestException if it cannot be read, or is no manifest this release reads
   */
  public static Manifest read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ManifestException(file.toString(), "", "cannot be read: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /**
   * The manifest in {@code text} (JSON or YAML); {@code source} names it in messages.
   *
   * @throws ManifestException if it is malformed, or is no manifest this release reads
   */
  public static Manifest parse(String text, String source) {
    JsonNode node;
    try {
      node = text.stripLeading().startsWith("{") ? COMPACT.readTree(text) : YAML.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      throw new ManifestException(source, "", "is not valid JSON or YAML" + where + ": " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw new ManifestException(source, "", "is not a manifest: expected an object with \"format\": \"" + FORMAT + "\"");
    }
    if (!FORMAT.equals(object.path("format").asText(null))) {
      throw new ManifestException(source, "format", "is " + describe(object.get("format")) + "; a manifest has \"format\": \""
          + FORMAT + "\"");
    }
    JsonNode version = object.get("version");
    if (version == null || !version.canConvertToInt() || version.asInt() != VERSION) {
      throw new ManifestException(source, "version", "is " + describe(version) + "; this release reads version " + VERSION
          + (version != null && version.canConvertToInt() && version.asInt() > VERSION
              ? " (the manifest was written by a newer release)" : ""));
    }
    return new Manifest(object);
  }

  /** The record's class name, as the manifest gives it. */
  public String typeName() {
    return root.path("space").path("type").asText();
  }

  /** The hash of the space the sequence was built on. */
  public String spaceHash() {
    return root.path("space").path("hash").asText();
  }

  /** {@code grid}, {@code random}, {@code manual} or {@code sweep}. */
  public String kind() {
    return root.path("kind").asText();
  }

  /**
   * The sequence this manifest describes, rebuilt on the space of the record it names, found with
   * the context class loader.
   *
   * @throws ManifestException naming the key at fault: a record not on the classpath, a space
   *     whose hash differs (it changed since the manifest was written), bad overrides, values or
   *     configs, a size that differs
   */
  public ConfigSequence<?> sequence() {
    return new Reader("<manifest>").sequence(root, "");
  }

  /** As {@link #sequence()}; {@code source} (the file) names the manifest in messages. */
  public ConfigSequence<?> sequence(String source) {
    return new Reader(source).sequence(root, "");
  }

  /**
   * As {@link #sequence()}, checked to be a sequence of {@code type}.
   *
   * @throws ManifestException if the manifest is of another record
   */
  @SuppressWarnings("unchecked")
  public <T> ConfigSequence<T> sequence(Class<T> type, String source) {
    ConfigSequence<?> sequence = sequence(source);
    if (sequence.space().type() != type) {
      throw new ManifestException(source, "space.type", "is " + typeName() + ", not " + type.getName());
    }
    return (ConfigSequence<T>) sequence;
  }

  /** Rebuilds sequences, reporting problems with the source and key path. */
  private static final class Reader {
    private final String source;

    Reader(String source) {
      this.source = source;
    }

    private ManifestException problem(String key, String message) {
      return new ManifestException(source, key, message);
    }

    ConfigSequence<?> sequence(JsonNode node, String at) {
      ConfigSpace<?> space = space(node.get("space"), key(at, "space"));
      return sequence(node, at, space);
    }

    private <T> ConfigSequence<T> sequence(JsonNode node, String at, ConfigSpace<T> space) {
      String kind = text(node, at, "kind");
      ConfigSequence<T> sequence;
      try {
        sequence = switch (kind) {
          case "grid" -> GridSource.of(space);
          case "random" -> RandomSource.of(space, number(node, at, "n"), number(node, at, "seed"));
          case "manual" -> manual(node, at, space);
          case "sweep" -> Sweep.over(space).product(expression(required(node, at, "expression"), key(at, "expression"), space));
          default -> throw problem(key(at, "kind"), "is \"" + kind + "\"; expected grid, random, manual or sweep");
        };
      } catch (ManifestException e) {
        throw e;
      } catch (SweepException e) {
        throw problem(key(at, "kind"), "the " + kind + " of " + space.typeName() + " cannot be rebuilt: " + e.getMessage());
      }
      JsonNode size = node.get("size");
      if (size != null && (!size.canConvertToLong() || size.asLong() != sequence.size())) {
        throw problem(key(at, "size"), "is " + size + " but the rebuilt " + kind + " has " + sequence.size()
            + " configs; the manifest does not describe this sequence");
      }
      return sequence;
    }

    private ConfigSpace<?> space(JsonNode node, String at) {
      if (node == null || !node.isObject()) {
        throw problem(at, "is missing; a manifest names its space: {\"type\": ..., \"hash\": ...}");
      }
      String type = text(node, at, "type");
      String hash = text(node, at, "hash");
      ConfigSpace<?> space;
      try {
        space = ConfigSpace.forName(type);
      } catch (SpaceNotFoundException e) {
        throw problem(key(at, "type"), e.getMessage() + "; put the jar with " + type + " on the classpath");
      }
      JsonNode overrides = node.get("overrides");
      if (overrides != null) {
        try {
          space = space.narrow(Overrides.parse(overrides.toString(), InputFormat.JSON, source + ": " + key(at, "overrides")));
        } catch (InvalidInputException e) {
          throw problem(key(at, "overrides"), "do not fit the space of " + space.typeName() + " on the classpath: "
              + e.getMessage());
        }
      }
      if (!space.hash().equals(hash)) {
        throw problem(key(at, "hash"), "the space of " + space.typeName() + " has changed since this manifest was written:"
            + " the manifest has hash " + hash + ", the space on the classpath has " + space.hash() + ". The same"
            + " indices would give other configs: write the manifest again from the current space, or run with the"
            + " code it was written with");
      }
      return space;
    }

    private <T> ManualSource<T> manual(JsonNode node, String at, ConfigSpace<T> space) {
      JsonNode configs = required(node, at, "configs");
      if (!configs.isArray()) {
        throw problem(key(at, "configs"), "is " + describe(configs) + "; expected a list of configs");
      }
      List<T> list = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < configs.size(); i++) {
        try {
          list.add(space.fromJson(configs.get(i).toString()));
        } catch (InvalidInputException e) {
          problems.add(key(at, "configs") + "[" + i + "]: " + e.getMessage().replace("\n", "\n    "));
        }
      }
      if (!problems.isEmpty()) {
        throw new ManifestException(source, problems);
      }
      List<String> tags = new ArrayList<>();
      JsonNode tagNode = node.get("tags");
      if (tagNode != null) {
        for (JsonNode tag : tagNode) {
          tags.add(tag.asText());
        }
      }
      return ManualSource.of(space, list, tags);
    }

    private <T> Sweep<T> expression(JsonNode node, String at, ConfigSpace<T> space) {
      String op = text(node, at, "op");
      try {
        return switch (op) {
          case "unit" -> Sweep.over(space);
          case "source" -> Sweep.over(space).product(Sweep.from(typed(sequence(required(node, at, "source"),
              key(at, "source")), space, key(at, "source"))));
          case "values" -> {
            List<Object> values = new ArrayList<>();
            JsonNode array = required(node, at, "values");
            for (JsonNode value : array) {
              values.add(scalar(value, key(at, "values")));
            }
            yield Sweep.over(space).product(Axis.of(text(node, at, "path"), values));
          }
          case "product", "zip", "chain" -> {
            List<Sweep<T>> parts = new ArrayList<>();
            JsonNode of = required(node, at, "of");
            for (int i = 0; i < of.size(); i++) {
              parts.add(expression(of.get(i), key(at, "of") + "[" + i + "]", space));
            }
            if (parts.isEmpty()) {
              throw problem(key(at, "of"), "is empty; a " + op + " needs operands");
            }
            Sweep<T> result = parts.get(0);
            if (op.equals("chain")) {
              yield result.chain(parts.subList(1, parts.size()));
            }
            for (Sweep<T> part : parts.subList(1, parts.size())) {
              result = op.equals("product") ? result.product(part) : result.zip(part);
            }
            yield result;
          }
          case "repeat" -> {
            JsonNode seedPath = node.get("seedPath");
            yield expression(required(node, at, "of"), key(at, "of"), space).repeat(
                Math.toIntExact(number(node, at, "times")), seedPath == null || seedPath.isNull() ? null : seedPath.asText());
          }
          default -> throw problem(key(at, "op"), "is \"" + op + "\"; expected unit, source, values, product, zip, chain"
              + " or repeat");
        };
      } catch (ManifestException e) {
        throw e;
      } catch (SweepException e) {
        throw problem(at, e.getMessage());
      }
    }

    @SuppressWarnings("unchecked")
    private <T> ConfigSequence<T> typed(ConfigSequence<?> sequence, ConfigSpace<T> space, String at) {
      if (sequence.space().type() != space.type()) {
        throw problem(key(at, "space.type"), "is " + sequence.space().type().getName() + ", but the sweep is over "
            + space.type().getName());
      }
      return (ConfigSequence<T>) sequence;
    }

    private Object scalar(JsonNode value, String at) {
      if (value.isIntegralNumber()) {
        return value.asLong();
      }
      if (value.isNumber()) {
        return value.asDouble();
      }
      if (value.isTextual()) {
        return value.asText();
      }
      if (value.isBoolean()) {
        return value.asBoolean();
      }
      throw problem(at, "holds " + describe(value) + "; sweep values are numbers, strings or booleans");
    }

    private JsonNode required(JsonNode node, String at, String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        throw problem(key(at, field), "is missing");
      }
      return value;
    }

    private String text(JsonNode node, String at, String field) {
      JsonNode value = required(node, at, field);
      if (!value.isTextual()) {
        throw problem(key(at, field), "is " + describe(value) + "; expected a string");
      }
      return value.asText();
    }

    private long number(JsonNode node, String at, String field) {
      JsonNode value = required(node, at, field);
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw problem(key(at, field), "is " + describe(value) + "; expected an integer");
      }
      return value.asLong();
    }

    private static String key(String at, String field) {
      return at.isEmpty() ? field : at + "." + field;
    }
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    return node.isTextual() ? "\"" + node.asText() + "\"" : node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Manifest that && root.equals(that.root);
  }

  @Override
  public int hashCode() {
    return root.hashCode();
  }

  @Override
  public String toString() {
    return toJson();
  }
}
