package io.paramspace.study.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.text.Literals;
import io.paramspace.study.Best;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Study;
import io.paramspace.study.StudyException;
import io.paramspace.study.storage.PythonJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A study's results as files for people and other tools, each written atomically (a temporary
 * file renamed over the target: a crash never leaves half a file).
 *
 * <h2>{@value #TRIALS_CSV}</h2>
 *
 * <p>One row per trial, by number, RFC 4180 quoting, {@code \n} line ends, for {@code
 * pandas.read_csv}. Columns, as Optuna's {@code trials_dataframe} names them:
 *
 * <ul>
 *   <li>{@code number}, {@code state} ({@code COMPLETE}, {@code PRUNED}, {@code FAIL}, {@code
 *       RUNNING}, {@code WAITING});
 *   <li>{@code value} for one objective, {@code values_0}, {@code values_1}, ... for several
 *       (empty when the trial has none); numbers as Python writes them ({@code 1e-05}, {@code 0.5},
 *       {@code inf});
 *   <li>{@code datetime_start}, {@code datetime_complete} (ISO-8601, UTC), {@code duration} (seconds,
 *       empty unless both are set);
 *   <li>{@code params_NAME} for each parameter name: the space's names in its order, then any other
 *       name a trial has (a trial of an older space), sorted; the external value (enum constants and
 *       branches by name), empty where the parameter is inactive;
 *   <li>{@code user_attrs_KEY} for each user attribute key, in the order first seen: a string as is,
 *       a number or boolean as Python writes it, anything else as JSON (the typed config is the user
 *       attribute {@code paramspace:config}).
 * </ul>
 *
 * <h2>{@value #BEST_PARAMS_JSON} (one objective)</h2>
 *
 * <pre>{@code
 * {"study": "lenet", "direction": "MINIMIZE", "trial": 12, "value": 0.0123,
 *  "params": {"TrainingConfig.batchSize": 64, ...},   // parameter name -> value
 *  "config": {...}}                                   // the typed config's JSON (ConfigSpace.toJson)
 * }</pre>
 *
 * <p>The best complete trial whose config is a point of the space given ({@link Study#best}).
 *
 * <h2>{@value #PARETO_FRONT_JSON} (several objectives)</h2>
 *
 * <p>{@code {"study", "directions", "trials": [{"trial", "values", "params", "config"}, ...]}}: the
 * trials of {@link Study#paretoFront()} (in a constrained study, of the feasible trials only), by
 * number; {@code config} is {@code null} for a trial that is not a point of the space given.
 */
public final class StudyExport {
  public static final String TRIALS_CSV = "trials.csv";
  public static final String BEST_PARAMS_JSON = "best_params.json";
  public static final String PARETO_FRONT_JSON = "pareto_front.json";

  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private StudyExport() {}

  /**
   * Writes {@value #TRIALS_CSV} and {@value #BEST_PARAMS_JSON} (one objective, if a trial is
   * complete) or {@value #PARETO_FRONT_JSON} (several objectives) into {@code dir}, creating it.
   *
   * @return the files written
   * @throws UncheckedIOException naming the file that could not be written
   */
  public static <T> List<Path> write(Study study, ConfigSpace<T> space, Path dir) {
    List<Path> written = new ArrayList<>();
    Path csv = dir.resolve(TRIALS_CSV);
    writeTrialsCsv(study, space, csv);
    written.add(csv);
    if (study.directions().size() == 1) {
      if (study.paretoFront().isEmpty()) {
        return written; // no complete trial: no best to write
      }
      Path best = dir.resolve(BEST_PARAMS_JSON);
      writeBestParams(study, space, best);
      written.add(best);
    } else {
      Path front = dir.resolve(PARETO_FRONT_JSON);
      writeParetoFront(study, space, front);
      written.add(front);
    }
    return written;
  }

  /** Writes {@value #TRIALS_CSV} (see the class notes) to {@code file}. */
  public static void writeTrialsCsv(Study study, ConfigSpace<?> space, Path file) {
    List<FrozenTrial> trials = study.trials();
    int objectives = study.directions().size();
    Set<String> params = new LinkedHashSet<>(space.parameterNames());
    Set<String> others = new TreeSet<>();
    Set<String> userKeys = new LinkedHashSet<>();
    for (FrozenTrial t : trials) {
      for (String name : t.params().keySet()) {
        if (!params.contains(name)) {
          others.add(name);
        }
      }
      userKeys.addAll(t.userAttributes().keySet());
    }
    params.addAll(others);
    List<String> header = new ArrayList<>();
    header.add("number");
    header.add("state");
    if (objectives == 1) {
      header.add("value");
    } else {
      for (int i = 0; i < objectives; i++) {
        header.add("values_" + i);
      }
    }
    header.add("datetime_start");
    header.add("datetime_complete");
    header.add("duration");
    params.forEach(p -> header.add("params_" + p));
    userKeys.forEach(k -> header.add("user_attrs_" + k));
    CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    AtomicFile.write(file, out -> {
      CSVPrinter printer = new CSVPrinter(out, format);
      printer.printRecord(header);
      List<String> row = new ArrayList<>(header.size());
      for (FrozenTrial t : trials) {
        row.clear();
        row.add(Integer.toString(t.number()));
        row.add(t.state().name());
        for (int i = 0; i < objectives; i++) {
          row.add(i < t.values().size() ? number(t.values().get(i)) : "");
        }
        row.add(t.start() == null ? "" : t.start().toString());
        row.add(t.end() == null ? "" : t.end().toString());
        row.add(t.start() == null || t.end() == null ? "" : seconds(Duration.between(t.start(), t.end())));
        for (String p : params) {
          row.add(t.params().containsKey(p) ? cell(t.param(p)) : "");
        }
        for (String k : userKeys) {
          String json = t.userAttributes().get(k);
          row.add(json == null ? "" : attribute(json));
        }
        printer.printRecord(row);
      }
      printer.flush();
    });
  }

  /**
   * Writes {@value #BEST_PARAMS_JSON} (see the class notes) to {@code file}.
   *
   * @throws StudyException if the study has several objectives, or no complete trial of the space
   */
  public static <T> void writeBestParams(Study study, ConfigSpace<T> space, Path file) {
    Best<T> best = study.best(space);
    ObjectNode root = JSON.createObjectNode();
    root.put("study", study.name());
    root.put("direction", study.directions().get(0).name());
    root.put("trial", best.trial().number());
    root.set("value", numberNode(best.value()));
    root.set("params", params(space, best.config()));
    root.set("config", config(space, best.config()));
    writeJson(file, root);
  }

  /** Writes {@value #PARETO_FRONT_JSON} (see the class notes) to {@code file}. */
  public static <T> void writeParetoFront(Study study, ConfigSpace<T> space, Path file) {
    ObjectNode root = JSON.createObjectNode();
    root.put("study", study.name());
    ArrayNode directions = root.putArray("directions");
    for (Direction d : study.directions()) {
      directions.add(d.name());
    }
    ArrayNode trials = root.putArray("trials");
    for (FrozenTrial t : study.paretoFront()) {
      ObjectNode node = trials.addObject();
      node.put("trial", t.number());
      ArrayNode values = node.putArray("values");
      t.values().forEach(v -> values.add(numberNode(v)));
      T config = configOrNull(study, space, t);
      if (config != null) {
        node.set("params", params(space, config));
        node.set("config", config(space, config));
      } else {
        ObjectNode stored = node.putObject("params");
        t.externalParams().forEach((name, value) -> stored.set(name, JSON.valueToTree(value)));
        node.putNull("config");
      }
    }
    writeJson(file, root);
  }

  private static <T> T configOrNull(Study study, ConfigSpace<T> space, FrozenTrial t) {
    try {
      T config = study.config(space, t);
      space.validate(config);
      return config;
    } catch (RuntimeException notOfThisSpace) {
      return null;
    }
  }

  private static <T> ObjectNode params(ConfigSpace<T> space, T config) {
    ObjectNode node = JSON.createObjectNode();
    space.parameters(config).forEach((name, value) -> node.set(name, value instanceof Double d ? numberNode(d)
        : JSON.valueToTree(value)));
    return node;
  }

  private static <T> JsonNode config(ConfigSpace<T> space, T config) {
    try {
      return JSON.readTree(space.toJson(config));
    } catch (JsonProcessingException e) {
      throw new StudyException("the JSON of a config of " + space.typeName() + " does not parse back: "
          + e.getMessage(), e);
    }
  }

  /** A double as a JSON number; a non-finite one (not JSON) as Python's token in a string. */
  private static JsonNode numberNode(double v) {
    return Double.isFinite(v) ? JSON.getNodeFactory().numberNode(new BigDecimal(Literals.formatDouble(v)))
        : JSON.getNodeFactory().textNode(number(v));
  }

  private static void writeJson(Path file, JsonNode root) {
    AtomicFile.write(file, out -> {
      JSON.writeValue(new NonClosing(out), root);
      out.write('\n');
    });
  }

  static String number(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return Literals.formatDouble(v);
  }

  private static String seconds(Duration d) {
    return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).stripTrailingZeros()
        .toPlainString();
  }

  private static String cell(Object value) {
    if (value instanceof Double d) {
      return number(d);
    }
    return String.valueOf(value);
  }

  private static String attribute(String json) {
    Object value;
    try {
      value = PythonJson.read(json);
    } catch (RuntimeException e) {
      return json;
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Double d) {
      return number(d);
    }
    if (value == null) {
      return "";
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return json;
    }
    return String.valueOf(value);
  }

  /** Lets Jackson write into the atomic file's writer without closing it. */
  private static final class NonClosing extends java.io.FilterWriter {
    NonClosing(java.io.Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
