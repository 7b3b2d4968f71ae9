package io.paramspace.study.interop;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.Study;
import io.paramspace.study.TrialState;
import io.paramspace.study.configs.TinyConfig;
import io.paramspace.study.configs.TinyConfigSpace;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study run by Study.optimize, read and continued by Python Optuna, then continued by Paramspace. */
class StudyInteropTest {
  static final ConfigSpace<TinyConfig> SPACE = TinyConfigSpace.space();
  @TempDir Path dir;

  @Test
  void aStudyGoesBackAndForthBetweenParamspaceAndPython() {
    Path db = dir.resolve("study.db");
    Map<Integer, TinyConfig> configs = new HashMap<>();
    try (Study study = Study.builder("sqlite:" + db, "tiny").directions(Direction.MAXIMIZE).seed(7).open()) {
      study.optimize(SPACE, (c, t) -> {
        configs.put(t.number(), c);
        t.report(0, c.x());
        t.setUserAttribute("epochs", 1);
        return c.x();
      }, OptimizeOptions.trials(6).withProgressBar(false));
    }

    JsonNode read = PythonOptuna.json("optuna_read.py", db, "tiny");
    JsonNode trials = read.get("trials");
    assertThat(trials.size()).isEqualTo(6);
    for (JsonNode t : trials) {
      TinyConfig c = configs.get(t.get("number").asInt());
      assertThat(t.get("state").asText()).isEqualTo("COMPLETE");
      assertThat(t.get("values").get(0).asDouble()).isEqualTo(c.x());
      JsonNode params = t.get("params");
      assertThat(params.get("TinyConfig.x").asDouble()).isEqualTo(c.x());
      assertThat(params.get("TinyConfig.layers").asLong()).isEqualTo(c.layers());
      assertThat(params.get("TinyConfig.batch").asLong()).isEqualTo(c.batch());
      assertThat(params.get("TinyConfig.flag").asBoolean()).isEqualTo(c.flag());
      assertThat(params.get("TinyConfig.optimizer::OptConfig.name").asText()).isEqualTo(c.optimizer().name());
      assertThat(params.has("TinyConfig.optimizer::OptConfig.momentum::true_branch"))
          .isEqualTo(c.optimizer().momentum() != null);
      // The typed config rides along: a dict to Python, the record again to Java.
      assertThat(t.get("user_attrs").get(Study.CONFIG_ATTRIBUTE).isObject()).isTrue();
      assertThat(SPACE.fromJson(t.get("user_attrs").get(Study.CONFIG_ATTRIBUTE).toString())).isEqualTo(c);
      assertThat(t.get("user_attrs").get("epochs").asInt()).isEqualTo(1);
      assertThat(t.get("intermediate_values").get("0").asDouble()).isEqualTo(c.x());
    }
    double bestX = configs.values().stream().mapToDouble(TinyConfig::x).max().orElseThrow();
    assertThat(trials.get(read.get("best_number").asInt()).get("values").get(0).asDouble()).isEqualTo(bestX);

    // Python continues it on the same parameters (no typed config attribute on its trials).
    PythonOptuna.script("optuna_continue.py", db, "tiny", 3);

    try (Study study = Study.open("sqlite:" + db, "tiny", Direction.MAXIMIZE)) {
      List<FrozenTrial> all = study.trials();
      assertThat(all).hasSize(9);
      // Python's trials that make a config of the space (its random 'sgd' without a momentum does
      // not) are in the samplers' history, their configs read from their params.
      List<Integer> history = study.history(SPACE).stream().map(FrozenTrial::number).toList();
      assertThat(history).containsAtLeast(0, 1, 2, 3, 4, 5);
      for (FrozenTrial t : all.subList(6, 9)) {
        assertThat(t.userAttributes()).containsEntry("by", "\"python\"");
        boolean fits;
        try {
          assertThat(study.config(SPACE, t)).isEqualTo(SPACE.fromParameters(t.externalParams()));
          fits = true;
        } catch (RuntimeException e) {
          fits = false;
        }
        assertThat(history.contains(t.number())).isEqualTo(fits);
      }
      study.optimize(SPACE, (c, t) -> c.x(), OptimizeOptions.trials(12).withProgressBar(false));
      assertThat(study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count()).isEqualTo(12);
      assertThat(study.best(SPACE).config()).isNotNull();
    }
    assertThat(PythonOptuna.json("optuna_read.py", db, "tiny").get("trials").size()).isEqualTo(12);
  }

  @Test
  void paramspaceEvaluatesWhatPythonEnqueuedAndSamplesTheRest() {
    Path db = dir.resolve("enqueue.db");
    Study.open("sqlite:" + db, "q").close();
    PythonOptuna.script("optuna_enqueue.py", db, "q", "{\"TinyConfig.x\": 1.25, \"TinyConfig.layers\": 7}");
    try (Study study = Study.open("sqlite:" + db, "q")) {
      List<TinyConfig> seen = new java.util.ArrayList<>();
      study.optimize(SPACE, (c, t) -> {
        seen.add(c);
        return c.x();
      }, OptimizeOptions.trials(2).withProgressBar(false));
      assertThat(seen.get(0).x()).isEqualTo(1.25);
      assertThat(seen.get(0).layers()).isEqualTo(7);
      assertThat(study.trials().get(0).state()).isEqualTo(TrialState.COMPLETE);
    }
  }
}
