package io.paramspace.study;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.study.configs.TinyConfig;
import io.paramspace.study.configs.TinyConfigSpace;
import io.paramspace.study.storage.SqliteStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ask and a tell run the same SQL statements however many trials the study has. */
class AskCostTest {
  @TempDir Path dir;

  @Test
  void theStatementsOfAnAskAndATellDoNotGrowWithTheStudy() {
    try (Study study = Study.builder("sqlite:" + dir.resolve("cost.db"), "s").seed(5).open()) {
      SqliteStorage storage = (SqliteStorage) study.storage();
      long at20 = 0;
      for (int n = 0; n < 400; n++) {
        long before = storage.statementCount();
        StudyTrial<TinyConfig> t = study.ask(TinyConfigSpace.space());
        study.tell(t, t.config().x());
        long cost = storage.statementCount() - before;
        if (n == 20) {
          at20 = cost;
        }
        if (n > 20) {
          assertThat(cost).isEqualTo(at20);
        }
      }
      assertThat(at20).isLessThan(40L);
      long before = storage.statementCount();
      study.bestTrial();
      assertThat(storage.statementCount() - before).isLessThan(12L);
    }
  }
}
