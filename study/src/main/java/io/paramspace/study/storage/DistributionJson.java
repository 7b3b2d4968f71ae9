package io.paramspace.study.storage;

import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Distribution.CategoricalDistribution;
import io.paramspace.runtime.Distribution.FloatDistribution;
import io.paramspace.runtime.Distribution.IntDistribution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Optuna's {@code distribution_to_json} and {@code json_to_distribution}: the text in {@code
 * trial_params.distribution_json}, with Optuna's key order ({@code FloatDistribution}: step, low,
 * high, log; {@code IntDistribution}: log, step, low, high). Reading also takes the distributions of
 * Optuna 2 ({@code UniformDistribution}, {@code LogUniformDistribution}, {@code
 * DiscreteUniformDistribution}, {@code IntUniformDistribution}, {@code IntLogUniformDistribution})
 * as Optuna 3 does. Categorical weights are not Optuna's: they are not written, and read as 1.0.
 */
public final class DistributionJson {
  // A study has few distinct distributions and writes them once per parameter per trial.
  private static final Map<Distribution, String> WRITTEN = new ConcurrentHashMap<>();
  private static final Map<String, Distribution> READ = new ConcurrentHashMap<>();

  private DistributionJson() {}

  public static String write(Distribution distribution) {
    return WRITTEN.computeIfAbsent(distribution, DistributionJson::format);
  }

  /** @throws StorageException naming the text if it is not one of Optuna's distributions */
  public static Distribution read(String json) {
    Distribution d = READ.get(json);
    if (d == null) {
      d = parse(json);
      if (READ.size() < 10_000) {
        READ.put(json, d);
      }
    }
    return d;
  }

  private static String format(Distribution distribution) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    String name;
    if (distribution instanceof FloatDistribution f) {
      name = "FloatDistribution";
      attributes.put("step", f.step());
      attributes.put("low", f.low());
      attributes.put("high", f.high());
      attributes.put("log", f.log());
    } else if (distribution instanceof IntDistribution i) {
      name = "IntDistribution";
      attributes.put("log", i.log());
      attributes.put("step", i.step());
      attributes.put("low", i.low());
      attributes.put("high", i.high());
    } else {
      name = "CategoricalDistribution";
      attributes.put("choices", ((CategoricalDistribution) distribution).choices());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("attributes", attributes);
    return PythonJson.write(json);
  }

  private static Distribution parse(String json) {
    if (!(PythonJson.read(json) instanceof Map<?, ?> map) || !(map.get("name") instanceof String name)
        || !(map.get("attributes") instanceof Map<?, ?> a)) {
      throw unknown(json, "it is not {\"name\": ..., \"attributes\": {...}}");
    }
    try {
      return switch (name) {
        case "FloatDistribution" -> new FloatDistribution(num(a, "low"), num(a, "high"),
            Boolean.TRUE.equals(a.get("log")), a.get("step") == null ? null : num(a, "step"));
        case "IntDistribution" -> new IntDistribution(integer(a, "low"), integer(a, "high"),
            Boolean.TRUE.equals(a.get("log")), a.get("step") == null ? 1 : integer(a, "step"));
        case "CategoricalDistribution" -> categorical(a);
        case "UniformDistribution" -> new FloatDistribution(num(a, "low"), num(a, "high"), false, null);
        case "LogUniformDistribution" -> new FloatDistribution(num(a, "low"), num(a, "high"), true, null);
        case "DiscreteUniformDistribution" ->
            new FloatDistribution(num(a, "low"), num(a, "high"), false, num(a, "q"));
        case "IntUniformDistribution" -> new IntDistribution(integer(a, "low"), integer(a, "high"), false,
            a.get("step") == null ? 1 : integer(a, "step"));
        case "IntLogUniformDistribution" ->
            new IntDistribution(integer(a, "low"), integer(a, "high"), true, 1);
        default -> throw unknown(json, "'" + name + "' is not a distribution Optuna 3 writes");
      };
    } catch (ClassCastException | NullPointerException e) {
      throw unknown(json, "an attribute is missing or of the wrong type");
    }
  }

  private static CategoricalDistribution categorical(Map<?, ?> a) {
    List<?> choices = (List<?>) a.get("choices");
    List<Object> values = new ArrayList<>();
    for (Object choice : choices) {
      if (choice == null) {
        throw new StorageException("a CategoricalDistribution has the choice None (null), which Paramspace"
            + " does not support; the choices are " + choices);
      }
      values.add(choice);
    }
    return new CategoricalDistribution(values, Collections.nCopies(values.size(), 1.0));
  }

  private static double num(Map<?, ?> a, String key) {
    return ((Number) a.get(key)).doubleValue();
  }

  private static long integer(Map<?, ?> a, String key) {
    return ((Number) a.get(key)).longValue();
  }

  private static StorageException unknown(String json, String why) {
    return new StorageException("cannot read the distribution " + json + ": " + why);
  }
}
