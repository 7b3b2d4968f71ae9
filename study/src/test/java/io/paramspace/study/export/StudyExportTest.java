package io.paramspace.study.export;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.study.Best;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.Study;
import io.paramspace.study.TrialPrunedException;
import io.paramspace.study.TrialState;
import io.paramspace.study.configs.CurveConfig;
import io.paramspace.study.configs.CurveConfigSpace;
import io.paramspace.study.configs.TinyConfig;
import io.paramspace.study.configs.TinyConfigSpace;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyExportTest {
  static final ConfigSpace<TinyConfig> SPACE = TinyConfigSpace.space();
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private Study study() {
    Study study = Study.builder("memory:", "lenet").directions(Direction.MINIMIZE).seed(9).open();
    study.optimize(SPACE, (config, trial) -> {
      trial.setUserAttribute("epochs", 3);
      trial.setUserAttribute("note", "n" + trial.number());
      trial.report(0, config.x());
      if (trial.number() == 2) {
        throw new TrialPrunedException();
      }
      if (trial.number() == 3) {
        throw new IllegalStateException("diverged");
      }
      return config.x() * config.x();
    }, OptimizeOptions.trials(8).withProgressBar(false));
    return study;
  }

  static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      return parser.getRecords();
    }
  }

  @Test
  void writesTrialsCsvAndBestParamsIntoTheDirectory() throws IOException {
    Path out = dir.resolve("results/lenet");
    try (Study study = study()) {
      List<Path> written = study.export(SPACE, out);
      assertThat(written).containsExactly(out.resolve("trials.csv"), out.resolve("best_params.json")).inOrder();
      try (Stream<Path> files = Files.list(out)) {
        assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
            .containsExactly("best_params.json", "trials.csv"); // no temporary file left
      }

      List<CSVRecord> rows = csv(out.resolve("trials.csv"));
      assertThat(rows).hasSize(8);
      List<String> header = rows.get(0).getParser().getHeaderNames();
      assertThat(header.subList(0, 6)).containsExactly("number", "state", "value", "datetime_start",
          "datetime_complete", "duration").inOrder();
      for (String name : SPACE.parameterNames()) {
        assertThat(header).contains("params_" + name);
      }
      assertThat(header).containsAtLeast("user_attrs_epochs", "user_attrs_note", "user_attrs_paramspace:config");
      List<FrozenTrial> trials = study.trials();
      for (int i = 0; i < rows.size(); i++) {
        CSVRecord row = rows.get(i);
        FrozenTrial t = trials.get(i);
        assertThat(row.get("number")).isEqualTo(Integer.toString(i));
        assertThat(row.get("state")).isEqualTo(t.state().name());
        assertThat(row.get("user_attrs_epochs")).isEqualTo("3");
        assertThat(row.get("user_attrs_note")).isEqualTo("n" + i);
        assertThat(Double.parseDouble(row.get("duration"))).isAtLeast(0.0);
        assertThat(Double.parseDouble(row.get("params_TinyConfig.x"))).isEqualTo(t.param("TinyConfig.x"));
        assertThat(row.get("params_TinyConfig.flag")).isEqualTo(String.valueOf(t.param("TinyConfig.flag")));
        assertThat(SPACE.fromJson(row.get("user_attrs_paramspace:config"))).isEqualTo(study.config(SPACE, t));
        if (t.state() == TrialState.COMPLETE) {
          assertThat(Double.parseDouble(row.get("value"))).isEqualTo(t.value());
        }
        // An inactive parameter (momentum when the optimizer is adam) is an empty cell.
        String momentum = "params_TinyConfig.optimizer::OptConfig.momentum::true_branch";
        assertThat(row.get(momentum).isEmpty()).isEqualTo(!t.params().containsKey(momentum.substring(7)));
      }
      assertThat(rows.get(2).get("state")).isEqualTo("PRUNED");
      assertThat(rows.get(3).get("state")).isEqualTo("FAIL");
      assertThat(rows.get(3).get("value")).isEmpty();

      JsonNode best = JSON.readTree(out.resolve("best_params.json").toFile());
      Best<TinyConfig> expected = study.best(SPACE);
      assertThat(best.get("study").asText()).isEqualTo("lenet");
      assertThat(best.get("direction").asText()).isEqualTo("MINIMIZE");
      assertThat(best.get("trial").asInt()).isEqualTo(expected.trial().number());
      assertThat(best.get("value").asDouble()).isEqualTo(expected.value());
      assertThat(SPACE.fromJson(best.get("config").toString())).isEqualTo(expected.config());
      Map<String, Object> params = SPACE.parameters(expected.config());
      assertThat(ImmutableNames.of(best.get("params"))).containsExactlyElementsIn(params.keySet()).inOrder();
      assertThat(best.get("params").get("TinyConfig.x").asDouble()).isEqualTo(params.get("TinyConfig.x"));
      assertThat(best.get("params").get("TinyConfig.layers").asLong()).isEqualTo(params.get("TinyConfig.layers"));
    }
  }

  /** The field names of a JSON object, in order. */
  static final class ImmutableNames {
    static List<String> of(JsonNode node) {
      List<String> names = new java.util.ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      return names;
    }
  }

  @Test
  void severalObjectivesGiveTheParetoFront() throws IOException {
    ConfigSpace<CurveConfig> space = CurveConfigSpace.space();
    try (Study study = Study.builder("memory:", "mo").directions(Direction.MAXIMIZE, Direction.MINIMIZE).seed(4)
        .open()) {
      study.optimizeMulti(space, (c, t) -> new double[] {c.x(), c.x() * c.x() + c.z()}, 30);
      List<Path> written = study.export(space, dir);
      assertThat(written).containsExactly(dir.resolve("trials.csv"), dir.resolve("pareto_front.json")).inOrder();
      JsonNode front = JSON.readTree(dir.resolve("pareto_front.json").toFile());
      assertThat(front.get("directions").toString()).isEqualTo("[\"MAXIMIZE\",\"MINIMIZE\"]");
      List<FrozenTrial> expected = study.paretoFront();
      assertThat(front.get("trials").size()).isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        JsonNode t = front.get("trials").get(i);
        assertThat(t.get("trial").asInt()).isEqualTo(expected.get(i).number());
        assertThat(t.get("values").get(1).asDouble()).isEqualTo(expected.get(i).values().get(1));
        assertThat(space.fromJson(t.get("config").toString())).isEqualTo(study.config(space, expected.get(i)));
      }
      List<CSVRecord> rows = csv(dir.resolve("trials.csv"));
      assertThat(rows.get(0).getParser().getHeaderNames()).containsAtLeast("values_0", "values_1");
      assertThat(Double.parseDouble(rows.get(5).get("values_1"))).isEqualTo(study.trials().get(5).values().get(1));
    }
  }

  @Test
  void aStudyWithoutACompleteTrialGetsOnlyItsCsv() {
    try (Study study = Study.builder("memory:", "empty").open()) {
      study.tell(study.ask(SPACE), TrialState.FAIL);
      assertThat(study.export(SPACE, dir)).containsExactly(dir.resolve("trials.csv"));
    }
  }

  @Test
  void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("trials.csv");
    Files.writeString(file, "old\n");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFile.write(file, out -> {
      out.write("number,state\n0,COMPLETE\n");
      out.flush();
      throw new IOException("disk full");
    }));
    assertThat(e).hasMessageThat().contains("cannot write " + file + ": disk full");
    assertThat(Files.readString(file)).isEqualTo("old\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("trials.csv");
    }
    AtomicFile.write(file, out -> out.write("new\n"));
    assertThat(Files.readString(file)).isEqualTo("new\n");
  }
}
