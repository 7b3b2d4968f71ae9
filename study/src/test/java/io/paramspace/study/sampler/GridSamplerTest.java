package io.paramspace.study.sampler;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.OptimizeOptions;
import io.paramspace.study.SearchExhaustedException;
import io.paramspace.study.Study;
import io.paramspace.study.StudyException;
import io.paramspace.study.StudyTrial;
import io.paramspace.study.TrialState;
import io.paramspace.study.configs.GridConfig;
import io.paramspace.study.configs.GridConfigSpace;
import io.paramspace.study.configs.TinyConfigSpace;
import io.paramspace.study.storage.TestPostgres;
import io.paramspace.sweep.GridSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridSamplerTest {
  static final ConfigSpace<GridConfig> SPACE = GridConfigSpace.space();
  static final GridSource<GridConfig> GRID = GridSource.of(SPACE);
  @TempDir Path dir;

  private Study open(String url, String name, GridSampler sampler) {
    return Study.builder(url, name).sampler(sampler).seed(1).open();
  }

  private static OptimizeOptions quiet(int n) {
    return OptimizeOptions.trials(n).withProgressBar(false);
  }

  static long gridId(FrozenTrial t) {
    return Long.parseLong(t.systemAttributes().get(GridSampler.GRID_ID_ATTRIBUTE));
  }

  /** Every trial's config is the grid point it holds; returns grid id to count. */
  private static Map<Long, Integer> checkedCounts(Study study) {
    Map<Long, Integer> counts = new HashMap<>();
    for (FrozenTrial t : study.trials()) {
      long id = gridId(t);
      assertThat(study.config(SPACE, t)).isEqualTo(GRID.get(id));
      counts.merge(id, 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void walksTheGridInOrderOnceAndStopsWhenItIsExhausted() {
    assertThat(GRID.size()).isEqualTo(24);
    List<GridConfig> seen = new ArrayList<>();
    try (Study study = open("memory:", "g", GridSampler.exhaustive())) {
      study.optimize(SPACE, (config, trial) -> {
        seen.add(config);
        return config.a();
      }, quiet(100));
      assertThat(seen).containsExactlyElementsIn(GRID.toList()).inOrder();
      assertThat(study.trialCount()).isEqualTo(24);
      assertThat(study.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE)).isTrue();
      FrozenTrial first = study.trials().get(0);
      assertThat(first.systemAttributes()).containsEntry(GridSampler.GRID_ID_ATTRIBUTE, "0");
      assertThat(first.systemAttributes()).containsEntry(GridSampler.ROUND_ATTRIBUTE, "0");
      assertThat(first.systemAttributes().get("search_space")).isEqualTo(
          "{\"paramspace:grid\": [\"" + SPACE.hash() + "\", 24]}");

      SearchExhaustedException e = assertThrows(SearchExhaustedException.class, () -> study.ask(SPACE));
      assertThat(e).hasMessageThat().contains("the grid of GridConfig (24 points");
      assertThat(e).hasMessageThat().contains("is exhausted in study 'g'");
      assertThat(e).hasMessageThat().contains("GridSampler.repeating()");
      assertThat(study.trialCount()).isEqualTo(24); // the failed ask created nothing
      study.optimize(SPACE, (config, trial) -> 0.0, quiet(200)); // returns at once, logged
      assertThat(study.trialCount()).isEqualTo(24);
    }
  }

  @Test
  void threadsNeverEvaluateAPointTwice() {
    for (String url : List.of("memory:", "sqlite:" + dir.resolve("threads.db"))) {
      Map<GridConfig, Integer> evaluated = new ConcurrentHashMap<>();
      try (Study study = open(url, "g", GridSampler.exhaustive())) {
        study.optimize(SPACE, (config, trial) -> {
          evaluated.merge(config, 1, Integer::sum);
          Thread.sleep(1);
          return config.a();
        }, quiet(1000).withParallelism(4));
        assertThat(evaluated.keySet()).containsExactlyElementsIn(GRID.toList());
        assertThat(evaluated.values().stream().allMatch(n -> n == 1)).isTrue();
        Map<Long, Integer> counts = checkedCounts(study);
        assertThat(counts).hasSize(24);
        assertThat(counts.values().stream().allMatch(n -> n == 1)).isTrue();
      }
    }
  }

  @Test
  void aReopenedStudyContinuesWhereTheGridWas() {
    String url = "sqlite:" + dir.resolve("reopen.db");
    try (Study study = open(url, "g", GridSampler.exhaustive())) {
      study.optimize(SPACE, (config, trial) -> config.a(), quiet(10));
      assertThat(study.trialCount()).isEqualTo(10);
    }
    try (Study study = open(url, "g", GridSampler.exhaustive())) {
      // A failed trial keeps its point: it is not evaluated again.
      StudyTrial<GridConfig> failing = study.ask(SPACE);
      study.tell(failing, TrialState.FAIL);
      study.optimize(SPACE, (config, trial) -> config.a(), quiet(1000));
      Map<Long, Integer> counts = checkedCounts(study);
      assertThat(study.trialCount()).isEqualTo(24);
      assertThat(counts).hasSize(24);
      assertThat(counts.values().stream().allMatch(n -> n == 1)).isTrue();
      assertThat(study.trials().get(10).state()).isEqualTo(TrialState.FAIL);
      assertThat(gridId(study.trials().get(10))).isEqualTo(10);
    }
  }

  @Test
  void repeatingGoesRoundTheGridAgain() {
    try (Study study = open("memory:", "g", GridSampler.repeating())) {
      study.optimize(SPACE, (config, trial) -> config.a(), quiet(60));
      assertThat(study.trialCount()).isEqualTo(60);
      Map<Long, Integer> counts = checkedCounts(study);
      for (long i = 0; i < 24; i++) {
        assertThat(counts.get(i)).isEqualTo(i < 12 ? 3 : 2);
      }
      FrozenTrial t = study.trials().get(50);
      assertThat(gridId(t)).isEqualTo(2);
      assertThat(t.systemAttributes()).containsEntry(GridSampler.ROUND_ATTRIBUTE, "2");
    }
  }

  @Test
  void processesSharingASqliteFileNeverEvaluateAPointTwice() throws Exception {
    Path db = dir.resolve("procs.db");
    // Create the study first so the processes do not race to create the schema.
    open("sqlite:" + db, "shared", GridSampler.exhaustive()).close();
    List<Process> workers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      workers.add(start(db, "shared", i));
    }
    for (int i = 0; i < workers.size(); i++) {
      Process p = workers.get(i);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(0);
      assertThat(Files.readString(dir.resolve("worker" + i + ".log"))).contains("done");
    }
    try (Study study = open("sqlite:" + db, "shared", GridSampler.exhaustive())) {
      Map<Long, Integer> counts = checkedCounts(study);
      assertThat(study.trialCount()).isEqualTo(24);
      assertThat(counts).hasSize(24);
      assertThat(counts.values().stream().allMatch(n -> n == 1)).isTrue();
      // Three processes took part (unless one finished the grid before the others started).
      Map<String, Long> byWorker = study.trials().stream()
          .collect(Collectors.groupingBy(t -> t.systemAttributes().get("paramspace:worker"), Collectors.counting()));
      assertThat(byWorker.size()).isAtLeast(1);
    }
  }

  private Process start(Path db, String name, int i) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", GridWorker.class.getName(),
        db.toString(), name, "2")
        .redirectErrorStream(true).redirectOutput(dir.resolve("worker" + i + ".log").toFile()).start();
  }

  @Test
  void aNarrowedSpaceHasItsOwnGrid() {
    ConfigSpace<GridConfig> narrowed = SPACE.narrow(GridConfigSpace.overrides().a(2));
    try (Study study = open("memory:", "g", GridSampler.exhaustive())) {
      study.optimize(SPACE, (config, trial) -> config.a(), quiet(5));
      study.optimize(narrowed, (config, trial) -> config.a(), quiet(100));
      assertThat(study.trialCount()).isEqualTo(5 + 8);
      List<GridConfig> second = study.trials().subList(5, 13).stream().map(t -> study.config(narrowed, t)).toList();
      assertThat(second).containsExactlyElementsIn(GridSource.of(narrowed).toList()).inOrder();
    }
  }

  @Test
  void aContinuousParameterIsAClearError() {
    try (Study study = open("memory:", "g", GridSampler.exhaustive())) {
      StudyException e = assertThrows(StudyException.class, () -> study.ask(TinyConfigSpace.space()));
      assertThat(e).hasMessageThat().contains("the grid sampler cannot search the space of TinyConfig");
      assertThat(e).hasMessageThat().contains("TinyConfig.x");
      assertThat(study.trialCount()).isEqualTo(0);
    }
  }

  @Test
  void anEnqueuedConfigIsTakenFirstWithoutAGridPoint() {
    GridConfig chosen = new GridConfig(3, "y", true, 2);
    try (Study study = open("memory:", "g", GridSampler.exhaustive())) {
      study.enqueue(SPACE, chosen);
      StudyTrial<GridConfig> t = study.ask(SPACE);
      assertThat(t.config()).isEqualTo(chosen);
      assertThat(study.storage().trial(t.id()).systemAttributes()).doesNotContainKey(GridSampler.GRID_ID_ATTRIBUTE);
      study.tell(t, 1.0);
      assertThat(study.ask(SPACE).config()).isEqualTo(GRID.get(0));
    }
  }

  /**
   * Workers (two studies on one storage, three threads each) run a grid to the study's total:
   * exactly that many trials, each a point of its own, the lowest ones, and no point drawn past
   * the total; on memory, SQLite and PostgreSQL.
   */
  @Test
  void workersStopAtTheStudysTotalAndDrawNoPointPastIt() throws Exception {
    try (TestPostgres pg = TestPostgres.create("grid_total")) {
      for (String url : List.of("memory:", "sqlite:" + dir.resolve("total.db"), pg.url())) {
        checkTotal(url);
      }
    }
  }

  private void checkTotal(String url) throws Exception {
    Map<GridConfig, Integer> evaluated = new ConcurrentHashMap<>();
    io.paramspace.study.Objective<GridConfig> objective = (config, trial) -> {
      evaluated.merge(config, 1, Integer::sum);
      Thread.sleep(1);
      return config.a();
    };
    try (Study first = open(url, "g", GridSampler.exhaustive())) {
      Study second = url.equals("memory:") ? first : open(url, "g", GridSampler.exhaustive());
      try {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
          var a = pool.submit(() -> first.optimize(SPACE, objective, quiet(10).withParallelism(3)));
          var b = pool.submit(() -> second.optimize(SPACE, objective, quiet(10).withParallelism(3)));
          assertThat(a.get(60, TimeUnit.SECONDS).complete() + b.get(60, TimeUnit.SECONDS).complete())
              .isEqualTo(10);
        } finally {
          pool.shutdownNow();
        }
        assertThat(first.trialCount()).isEqualTo(10);
        assertThat(first.countedTrials()).isEqualTo(10);
        Map<Long, Integer> counts = checkedCounts(first);
        assertThat(counts.keySet()).containsExactlyElementsIn(
            java.util.stream.LongStream.range(0, 10).boxed().toList());
        assertThat(evaluated).hasSize(10);
        assertThat(evaluated.values().stream().allMatch(n -> n == 1)).isTrue();
        assertThat(first.storage().studySystemAttributes(first.storage().findStudy("g").orElseThrow().id()))
            .containsEntry(GridSampler.COUNTER_PREFIX + SPACE.hash(), "10");
        // At the total a worker draws nothing; past it the grid goes on from point 10.
        assertThat(first.askWithin(SPACE, 10)).isEmpty();
        assertThat(gridId(first.storage().trial(first.askWithin(SPACE, 11).orElseThrow().id()))).isEqualTo(10);
      } finally {
        if (second != first) {
          second.close();
        }
      }
    }
  }

  @Test
  void threadsOnPostgresNeverEvaluateAPointTwiceAndStopWhenTheGridIsExhausted() {
    try (TestPostgres pg = TestPostgres.create("grid_threads")) {
      Map<GridConfig, Integer> evaluated = new ConcurrentHashMap<>();
      try (Study study = open(pg.url(), "g", GridSampler.exhaustive())) {
        study.optimize(SPACE, (config, trial) -> {
          evaluated.merge(config, 1, Integer::sum);
          return config.a();
        }, quiet(1000).withParallelism(4));
        assertThat(evaluated.keySet()).containsExactlyElementsIn(GRID.toList());
        assertThat(evaluated.values().stream().allMatch(n -> n == 1)).isTrue();
        assertThat(study.trialCount()).isEqualTo(24);
        assertThrows(SearchExhaustedException.class, () -> study.ask(SPACE));
        assertThat(study.trialCount()).isEqualTo(24);
        assertThat(study.bestTrial().number()).isEqualTo(
            study.trials().stream().min(java.util.Comparator.comparingDouble(FrozenTrial::value)
                .thenComparingInt(FrozenTrial::number)).orElseThrow().number());
      }
    }
  }
}
