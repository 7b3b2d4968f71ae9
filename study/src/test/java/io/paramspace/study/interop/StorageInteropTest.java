package io.paramspace.study.interop;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Distribution.CategoricalDistribution;
import io.paramspace.runtime.Distribution.FloatDistribution;
import io.paramspace.runtime.Distribution.IntDistribution;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.TrialState;
import io.paramspace.study.storage.Storage;
import io.paramspace.study.storage.Storages;
import io.paramspace.study.storage.StudyRecord;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python Optuna and Paramspace read and continue each other's SQLite studies, through the Storage API. */
class StorageInteropTest {
  @TempDir Path dir;

  private static final Map<String, Distribution> DISTRIBUTIONS = new LinkedHashMap<>();

  static {
    DISTRIBUTIONS.put("Cfg.lr", new FloatDistribution(1e-5, 1e-2, true, null));
    DISTRIBUTIONS.put("Cfg.drop", new FloatDistribution(0.0, 0.5, false, 0.1));
    DISTRIBUTIONS.put("Cfg.layers", new IntDistribution(1, 9, false, 2));
    DISTRIBUTIONS.put("Cfg.opt", new CategoricalDistribution(List.of("adam", "sgd"), List.of(1.0, 1.0)));
    DISTRIBUTIONS.put("Cfg.model::Dense.wide", new CategoricalDistribution(List.of(true, false), List.of(1.0, 1.0)));
    DISTRIBUTIONS.put("Cfg.batch", new CategoricalDistribution(List.of(32L, 64L), List.of(1.0, 1.0)));
  }

  private static Map<String, Double> internal(double lr, double drop, long layers, int opt, int wide, int batch) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("Cfg.lr", lr);
    m.put("Cfg.drop", drop);
    m.put("Cfg.layers", (double) layers);
    m.put("Cfg.opt", (double) opt);
    m.put("Cfg.model::Dense.wide", (double) wide);
    m.put("Cfg.batch", (double) batch);
    return m;
  }

  @Test
  void pythonReadsWhatParamspaceWrote() {
    Path db = dir.resolve("java.db");
    try (Storage storage = Storages.open("sqlite:" + db)) {
      StudyRecord study = storage.createStudy("lenet", List.of(Direction.MINIMIZE));
      storage.setStudyUserAttribute(study.id(), "owner", "\"paramspace\"");
      FrozenTrial t0 = storage.createTrial(study.id(), running());
      storage.setParams(t0.id(), internal(1e-4, 0.3, 5, 1, 0, 1), DISTRIBUTIONS);
      storage.setIntermediateValue(t0.id(), 0, 0.9);
      storage.setIntermediateValue(t0.id(), 1, Double.POSITIVE_INFINITY);
      storage.setIntermediateValue(t0.id(), 2, Double.NaN);
      storage.setTrialUserAttribute(t0.id(), "paramspace:config", "{\"lr\": 0.0001, \"opt\": \"sgd\"}");
      storage.finishTrial(t0.id(), TrialState.COMPLETE, List.of(0.25));
      FrozenTrial t1 = storage.createTrial(study.id(), running());
      storage.setParams(t1.id(), internal(1e-3, 0.0, 1, 0, 1, 0), DISTRIBUTIONS);
      storage.finishTrial(t1.id(), TrialState.PRUNED, List.of());
      FrozenTrial t2 = storage.createTrial(study.id(), running());
      storage.setTrialSystemAttribute(t2.id(), "fail_reason", "\"java.lang.IllegalStateException: diverged\"");
      storage.finishTrial(t2.id(), TrialState.FAIL, List.of());
      FrozenTrial t3 = storage.createTrial(study.id(), running());
      storage.setParams(t3.id(), internal(1e-2, 0.5, 9, 0, 0, 0), DISTRIBUTIONS);
      storage.finishTrial(t3.id(), TrialState.COMPLETE, List.of(Double.POSITIVE_INFINITY));
      storage.createTrial(study.id(), running());
    }

    JsonNode read = PythonOptuna.json("optuna_read.py", db, "lenet");
    // Optuna 3.1 knows alembic revisions up to v3.0.0.d: it opens this v3.2.0.a file (same tables,
    // one more index) with its schema check skipped; Optuna 3.2 to 5.x open it as it is.
    assertThat(read.get("optuna_version").asText()).isEqualTo("3.1.0");
    assertThat(read.get("skipped_compatibility_check").asBoolean()).isTrue();
    assertThat(read.get("directions").toString()).isEqualTo("[\"MINIMIZE\"]");
    assertThat(read.get("user_attrs").toString()).isEqualTo("{\"owner\":\"paramspace\"}");
    JsonNode trials = read.get("trials");
    assertThat(trials.size()).isEqualTo(5);
    assertThat(states(trials)).containsExactly("COMPLETE", "PRUNED", "FAIL", "COMPLETE", "RUNNING").inOrder();

    JsonNode t0 = trials.get(0);
    assertThat(t0.get("values").toString()).isEqualTo("[0.25]");
    assertThat(t0.get("params")).isEqualTo(node(
        "{\"Cfg.lr\":1.0E-4,\"Cfg.drop\":0.3,\"Cfg.layers\":5,\"Cfg.opt\":\"sgd\",\"Cfg.model::Dense.wide\":true,\"Cfg.batch\":64}"));
    assertThat(t0.get("param_types")).isEqualTo(node(
        "{\"Cfg.lr\":\"float\",\"Cfg.drop\":\"float\",\"Cfg.layers\":\"int\",\"Cfg.opt\":\"str\",\"Cfg.model::Dense.wide\":\"bool\",\"Cfg.batch\":\"int\"}"));
    assertThat(t0.get("distributions").get("Cfg.lr").toString())
        .isEqualTo("{\"class\":\"FloatDistribution\",\"step\":null,\"low\":1.0E-5,\"high\":0.01,\"log\":true}");
    assertThat(t0.get("distributions").get("Cfg.layers").toString())
        .isEqualTo("{\"class\":\"IntDistribution\",\"log\":false,\"step\":2,\"low\":1,\"high\":9}");
    assertThat(t0.get("distributions").get("Cfg.batch").toString())
        .isEqualTo("{\"class\":\"CategoricalDistribution\",\"choices\":[32,64]}");
    JsonNode intermediate = t0.get("intermediate_values");
    assertThat(intermediate.get("0").asDouble()).isEqualTo(0.9);
    assertThat(intermediate.get("1").asDouble()).isPositiveInfinity();
    assertThat(intermediate.get("2").asDouble()).isNaN();
    assertThat(t0.get("user_attrs").toString()).isEqualTo("{\"paramspace:config\":{\"lr\":1.0E-4,\"opt\":\"sgd\"}}");
    assertThat(t0.get("has_complete").asBoolean()).isTrue();

    assertThat(trials.get(1).get("values").isNull()).isTrue();
    assertThat(trials.get(2).get("system_attrs").toString())
        .isEqualTo("{\"fail_reason\":\"java.lang.IllegalStateException: diverged\"}");
    assertThat(trials.get(3).get("values").get(0).asDouble()).isPositiveInfinity();
    assertThat(trials.get(4).get("has_start").asBoolean()).isTrue();
    assertThat(trials.get(4).get("has_complete").asBoolean()).isFalse();
    // No check of Python's best trial here: Optuna 3.1 orders by the value column, where an
    // infinite value is NULL and sorts first, so it names trial 3 (+inf) best of a minimization.
  }

  @Test
  void pythonContinuesAStudyParamspaceWrote() {
    Path db = dir.resolve("java.db");
    try (Storage storage = Storages.open("sqlite:" + db)) {
      StudyRecord study = storage.createStudy("s", List.of(Direction.MAXIMIZE));
      FrozenTrial t0 = storage.createTrial(study.id(), running());
      storage.setParams(t0.id(), internal(1e-4, 0.3, 5, 1, 0, 1), DISTRIBUTIONS);
      storage.finishTrial(t0.id(), TrialState.COMPLETE, List.of(1.0));
    }
    PythonOptuna.script("optuna_continue.py", db, "s", 3);
    try (Storage storage = Storages.open("sqlite:" + db)) {
      long id = storage.findStudy("s").orElseThrow().id();
      List<FrozenTrial> trials = storage.trials(id);
      assertThat(trials).hasSize(4);
      for (FrozenTrial t : trials.subList(1, 4)) {
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.distributions()).isEqualTo(DISTRIBUTIONS);
        assertThat(t.userAttributes()).containsExactly("by", "\"python\"");
        assertThat(t.intermediateValues()).containsKey(0);
        for (var e : t.params().entrySet()) {
          assertThat(DISTRIBUTIONS.get(e.getKey()).contains(DISTRIBUTIONS.get(e.getKey()).toExternal(e.getValue())))
              .isTrue();
        }
      }
    }
  }

  @Test
  void paramspaceReadsAndContinuesAStudyPythonWrote() {
    Path db = dir.resolve("python.db");
    PythonOptuna.script("optuna_reference.py", db);
    try (Storage storage = Storages.open("sqlite:" + db)) {
      StudyRecord study = storage.findStudy("reference").orElseThrow();
      assertThat(study.directions()).containsExactly(Direction.MINIMIZE);
      List<FrozenTrial> trials = storage.trials(study.id());
      assertThat(trials.stream().map(FrozenTrial::state).toList()).containsExactly(TrialState.COMPLETE,
          TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL, TrialState.COMPLETE, TrialState.RUNNING).inOrder();
      FrozenTrial first = trials.get(0);
      assertThat(first.param("x")).isEqualTo(0.5);
      // The others are Optuna's random draws: their types and ranges are known.
      assertThat(first.param("n")).isIn(List.of(1L, 3L, 5L, 7L, 9L));
      assertThat(first.param("opt")).isIn(List.of("adam", "sgd"));
      assertThat(first.param("flag")).isInstanceOf(Boolean.class);
      assertThat(first.param("size")).isIn(List.of(32L, 64L));
      assertThat(first.param("rate")).isIn(List.of(0.5, 1.5));
      assertThat(first.externalParams().keySet()).containsExactly("x", "lr", "drop", "n", "units", "opt", "flag",
          "size", "rate").inOrder();
      assertThat(first.systemAttributes()).containsEntry("fixed_params", "{\"x\": 0.5}");
      assertThat(first.intermediateValues().get(1)).isEqualTo(Double.POSITIVE_INFINITY);
      assertThat(first.intermediateValues().get(3)).isNaN();
      assertThat(trials.get(4).values()).containsExactly(Double.POSITIVE_INFINITY);
      StudyRecord multi = storage.findStudy("multi").orElseThrow();
      assertThat(multi.directions()).containsExactly(Direction.MINIMIZE, Direction.MAXIMIZE).inOrder();
      assertThat(storage.trials(multi.id()).get(0).values()).containsExactly(1.0, Double.NEGATIVE_INFINITY).inOrder();

      // Continue it: one more trial on the same parameters.
      FrozenTrial next = storage.createTrial(study.id(), running());
      assertThat(next.number()).isEqualTo(6);
      Map<String, Double> params = new LinkedHashMap<>(first.params());
      storage.setParams(next.id(), params, first.distributions());
      storage.finishTrial(next.id(), TrialState.COMPLETE, List.of(-1.0));
    }
    JsonNode read = PythonOptuna.json("optuna_read.py", db, "reference");
    assertThat(read.get("skipped_compatibility_check").asBoolean()).isFalse();
    assertThat(read.get("trials").size()).isEqualTo(7);
    assertThat(read.get("trials").get(6).get("params").toString())
        .isEqualTo(read.get("trials").get(0).get("params").toString());
    assertThat(read.get("trials").get(6).get("values").toString()).isEqualTo("[-1.0]");
  }

  private static JsonNode node(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static FrozenTrial running() {
    return FrozenTrial.template(TrialState.RUNNING, null, null, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }

  private static List<String> states(JsonNode trials) {
    List<String> states = new java.util.ArrayList<>();
    trials.forEach(t -> states.add(t.get("state").asText()));
    return states;
  }
}
