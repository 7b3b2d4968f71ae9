package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.study.Study;
import io.paramspace.study.TrialState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command: an example study on SQLite that prints its best config and continues when run again. */
class ExampleStudyTest {
  @TempDir Path dir;

  @Test
  void runsToItsTotalPrintsTheBestAndContinues() {
    Path file = dir.resolve("nested/example.db");
    String first = run("12", file.toString());
    assertThat(first).contains("12 trials (12 new)");
    assertThat(first).contains("best config: TrainingConfig[");
    String second = run("20", file.toString());
    assertThat(second).contains("20 trials (8 new)");
    try (Study study = Study.load("sqlite:" + file, ExampleStudy.NAME)) {
      assertThat(study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count()).isEqualTo(20);
      TrainingConfig best = study.best(TrainingConfigSpace.space()).config();
      assertThat(second).contains(TrainingConfigSpace.space().toJson(best));
      // Five intermediate values per trial, the last equal to its value.
      study.trials().forEach(t -> assertThat(t.intermediateValues()).hasSize(5));
    }
  }

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      ExampleStudy.main(args);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
