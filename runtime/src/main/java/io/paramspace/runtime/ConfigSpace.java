package io.paramspace.runtime;

import io.paramspace.runtime.internal.Accesses;
import io.paramspace.runtime.overrides.OverrideApplier;
import io.paramspace.runtime.overrides.OverrideTemplate;
import io.paramspace.runtime.sampling.ConfigSampler;
import io.paramspace.runtime.sampling.ParameterReader;
import io.paramspace.runtime.sampling.ParameterValues;
import io.paramspace.runtime.text.ConfigCodec;
import io.paramspace.runtime.text.ConfigValidator;
import io.paramspace.runtime.view.Distributions;
import io.paramspace.runtime.view.ParameterNames;
import io.paramspace.runtime.view.SpaceHash;
import io.paramspace.runtime.view.SpaceTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The search space of a {@code @SearchSpace} record {@code T}: the one object that sampling,
 * sources, sweeps, studies and tools take. {@code TrainingConfigSpace.space()} returns the space
 * of {@code TrainingConfig}; {@link #narrow} returns a narrowed space of the same type.
 *
 * <p>As a descriptor it holds the record's class, the simple name that trees and parameter names
 * use, and one {@link FieldSpace} per component in declaration order. It also holds the generated
 * {@link ConfigAccess}, the straight-line code that reads, builds and samples records, so every
 * operation here runs generated code rather than reflection. A space built by hand has no access:
 * trees, names and distributions work, sampling and reading configs do not.
 *
 * <p>Immutable and thread-safe. What it derives (sampler, names, distributions, hash) is computed
 * on first use and kept.
 *
 * @param <T> the record type
 */
public final class ConfigSpace<T> implements Space {
  private final Class<T> type;
  private final String typeName;
  private final List<FieldSpace> fields;
  private final ConfigAccess<T> access;
  /** {@code true} for the space the processor generated, whose {@code random(Rng)} is straight-line code. */
  private final boolean generated;

  // Derived on first use; a race computes an equal value twice, which is harmless.
  private volatile ConfigSampler sampler;
  private volatile List<String> parameterNames;
  private volatile Map<String, Distribution> distributions;
  private volatile String hash;

  private ConfigSpace(Class<T> type, String typeName, List<FieldSpace> fields, ConfigAccess<T> access,
      boolean generated) {
    this.type = Objects.requireNonNull(type, "type");
    this.typeName = Objects.requireNonNull(typeName, "typeName");
    this.fields = List.copyOf(fields);
    this.access = access;
    this.generated = generated;
  }

  /** A space without access to its records: enough for trees, names and distributions. */
  public ConfigSpace(Class<T> type, String typeName, List<FieldSpace> fields) {
    this(type, typeName, fields, null, false);
  }

  /**
   * A space built by hand with access to its records: sampling goes through {@code
   * access.sample} with this space's sampler, {@code random} through a {@link RandomTrial}.
   */
  public ConfigSpace(Class<T> type, String typeName, List<FieldSpace> fields, ConfigAccess<T> access) {
    this(type, typeName, fields, access, false);
  }

  /**
   * The space of a generated {@code XxxSpace}: the fields as an array, which javac checks without
   * inferring a list's element type over many nested arguments.
   */
  public static <T> ConfigSpace<T> of(Class<T> type, String typeName, FieldSpace[] fields, ConfigAccess<T> access) {
    return new ConfigSpace<>(type, typeName, List.of(fields), access, true);
  }

  /**
   * The generated space of the {@code @SearchSpace} record called {@code className} (binary or
   * canonical name, e.g. {@code io.acme.TrainingConfig} or {@code io.acme.Outer.Inner}), or of the
   * generated class itself ({@code io.acme.TrainingConfigSpace}), found with the context class
   * loader.
   *
   * @throws SpaceNotFoundException if there is no such class, or it has no generated space
   */
  public static ConfigSpace<?> forName(String className) {
    return SpaceLookup.forName(className, Thread.currentThread().getContextClassLoader());
  }

  /** As {@link #forName(String)}, with the given class loader. */
  public static ConfigSpace<?> forName(String className, ClassLoader loader) {
    return SpaceLookup.forName(className, loader);
  }

  /**
   * The generated space of {@code type}.
   *
   * @throws SpaceNotFoundException if {@code type} has no generated space
   */
  @SuppressWarnings("unchecked")
  public static <T> ConfigSpace<T> of(Class<T> type) {
    return (ConfigSpace<T>) SpaceLookup.forClass(type);
  }

  // ---- the descriptor ----------------------------------------------------------------------

  public Class<T> type() {
    return type;
  }

  /** The record's simple name ({@code TrainingConfig}), as trees and parameter names write it. */
  public String typeName() {
    return typeName;
  }

  /** One field space per record component, in declaration order. */
  public List<FieldSpace> fields() {
    return fields;
  }

  public FieldSpace field(int index) {
    return fields.get(index);
  }

  /** The index of the field called {@code name}, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The generated access to the records, or {@code null} for a space built by hand. */
  public ConfigAccess<T> access() {
    return access;
  }

  /** The same space with other fields (a narrowed copy); the same space if they are equal. */
  public ConfigSpace<T> withFields(List<FieldSpace> newFields) {
    if (newFields.equals(fields)) {
      return this;
    }
    return new ConfigSpace<>(type, typeName, newFields, access, false);
  }

  // ---- sampling ----------------------------------------------------------------------------

  /**
   * A config drawn with a fresh seed that is not shown: not reproducible. Use {@link #random(long)},
   * or {@link #randomWithSeed()} to learn the seed.
   */
  public T random() {
    return random(Rng.freshSeed());
  }

  /** A config and the fresh seed it was drawn with: {@code random(seed)} draws it again. */
  public Seeded<T> randomWithSeed() {
    long seed = Rng.freshSeed();
    return new Seeded<>(seed, random(seed));
  }

  /** The config of {@code seed}: the same on every JVM, for an equal space. */
  public T random(long seed) {
    return random(new Rng(seed));
  }

  /**
   * The next config drawn from {@code rng}: the draws {@code sample(new RandomTrial(rng))} makes.
   * The generated space runs the generated {@code random(Rng)}; a narrowed one samples its
   * narrowed fields.
   */
  public T random(Rng rng) {
    if (generated) {
      return Accesses.require(this).random(rng);
    }
    return sample(new RandomTrial(rng));
  }

  /**
   * A config from {@code trial}, asked once per active parameter by its name in {@link
   * #parameterNames()}; inactive branches and fixed values are never asked.
   */
  public T sample(Trial trial) {
    return Accesses.require(this).sample(trial, sampler());
  }

  /**
   * The sampler of this space as a root config, built on first use and kept: what {@link
   * ConfigSampler#of} returns and generated code takes its draws from. Internal, public only for
   * generated code and the runtime's packages; not for users, who call {@link #sample} or {@link
   * #random}. May change without notice.
   */
  public ConfigSampler sampler() {
    ConfigSampler s = sampler;
    if (s == null) {
      s = ConfigSampler.root(this);
      sampler = s;
    }
    return s;
  }

  // ---- narrowing ---------------------------------------------------------------------------

  /**
   * This space narrowed by {@code overrides}.
   *
   * @throws InvalidOverridesException with every problem, if they do not fit this space
   */
  public ConfigSpace<T> narrow(Overrides overrides) {
    return OverrideApplier.apply(this, overrides);
  }

  /**
   * This space narrowed by the override file {@code file} (JSON, YAML or TOML by extension), read
   * and checked at once: every problem is reported here, before anything is sampled or printed.
   *
   * @throws InvalidOverridesException with every problem of the file against this space, or the
   *     one that it does not exist, cannot be read or is malformed
   */
  public ConfigSpace<T> narrow(Path file) {
    return narrow(Overrides.fromFile(file));
  }

  /** The whole space in the override grammar, as a JSON file to copy and edit. */
  public String overrideTemplate() {
    return overrideTemplate(InputFormat.JSON);
  }

  /** The whole space in the override grammar, as a file of {@code format} to copy and edit. */
  public String overrideTemplate(InputFormat format) {
    return OverrideTemplate.write(this, format);
  }

  // ---- views -------------------------------------------------------------------------------

  /** The canonical tree, in SpaX's layout. */
  public String tree() {
    return SpaceTree.render(this);
  }

  /** Every parameter name, depth-first in declaration order (see {@link ParameterNames}). */
  public List<String> parameterNames() {
    List<String> names = parameterNames;
    if (names == null) {
      names = ParameterNames.of(this);
      parameterNames = names;
    }
    return names;
  }

  /**
   * Every parameter with its distribution, in {@link #parameterNames()} order: what a study stores
   * and a sampler models. A restricted range is categorical; a polymorphic field's choice is
   * categorical over its branches' simple class names; enum choices are their names.
   */
  public Map<String, Distribution> distributions() {
    Map<String, Distribution> d = distributions;
    if (d == null) {
      d = Distributions.of(this);
      distributions = d;
    }
    return d;
  }

  /** A stable SHA-256 (hex) of this space: equal spaces hash equal, any narrowing changes it. */
  public String hash() {
    String h = hash;
    if (h == null) {
      h = SpaceHash.of(this);
      hash = h;
    }
    return h;
  }

  // ---- configs and parameters --------------------------------------------------------------

  /**
   * The active parameters of {@code config}, name to value in the external form of {@link
   * Distribution}, in {@link #parameterNames()} order: the inverse of {@link #sample}, so {@code
   * sample(new ReplayTrial(parameters(c)))} equals {@code c}.
   *
   * @throws InvalidConfigException if {@code config} is not a point of this space
   */
  public Map<String, Object> parameters(T config) {
    validate(config);
    return ParameterValues.of(this, config);
  }

  /**
   * The config whose active parameters are {@code parameters} (external or real values).
   *
   * @throws InvalidConfigException with every problem: an unknown name (with the closest one), a
   *     missing active parameter, a value outside its distribution, a parameter of an inactive
   *     branch
   */
  public T fromParameters(Map<String, ?> parameters) {
    return ParameterReader.read(this, parameters);
  }

  // ---- files -------------------------------------------------------------------------------

  public String toJson(T config) {
    return ConfigCodec.write(this, config, InputFormat.JSON);
  }

  public T fromJson(String text) {
    return ConfigCodec.read(this, text, InputFormat.JSON, "<json>");
  }

  public String toYaml(T config) {
    return ConfigCodec.write(this, config, InputFormat.YAML);
  }

  public T fromYaml(String text) {
    return ConfigCodec.read(this, text, InputFormat.YAML, "<yaml>");
  }

  public String toToml(T config) {
    return ConfigCodec.write(this, config, InputFormat.TOML);
  }

  public T fromToml(String text) {
    return ConfigCodec.read(this, text, InputFormat.TOML, "<toml>");
  }

  /** A config from a JSON, YAML or TOML file (by extension), validated. */
  public T load(Path file) {
    return ConfigCodec.load(this, file);
  }

  /** Every way {@code config} is not a point of this space; empty if it is one. */
  public List<InputProblem> violations(Object config) {
    return ConfigValidator.violations(this, config, ConfigValidator.IN_MEMORY);
  }

  /**
   * Checks that {@code config} is a point of this space.
   *
   * @throws InvalidConfigException with every violation
   */
  public void validate(Object config) {
    ConfigValidator.validate(this, config);
  }

  // ---- identity ----------------------------------------------------------------------------

  /** Equal spaces: same record, same fields, same generated access. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ConfigSpace<?> that
        && type == that.type
        && typeName.equals(that.typeName)
        && fields.equals(that.fields)
        && Objects.equals(access, that.access);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, typeName, fields);
  }

  @Override
  public String toString() {
    return "ConfigSpace[" + typeName + ", " + fields.size() + " fields" + (generated ? "" : ", narrowed or by hand")
        + "]";
  }

  /** A config and the seed that {@link #random(long)} draws it from. */
  public record Seeded<T>(long seed, T config) {}
}
