package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample app prints the tree, the parameter names and the configs of seeds 42 to 46. */
class SampleAppTest {
  @Test
  void printsTheTreeTheNamesAndFiveSeededConfigs() {
    String output = runMain();

    String names = String.join("\n", TrainingConfigSpace.parameterNames()) + "\n";
    List<String> configs = List.of(42L, 43L, 44L, 45L, 46L).stream()
        .map(seed -> seed + ": " + TrainingConfigSpace.random(seed) + "\n")
        .toList();
    int tree = output.indexOf(TrainingConfigSpace.tree());
    int nameList = output.indexOf(names);
    assertThat(tree).isAtLeast(0);
    assertThat(nameList).isGreaterThan(tree);
    int previous = nameList;
    for (String config : configs) {
      int at = output.indexOf(config);
      assertThat(at).isGreaterThan(previous);
      previous = at;
    }
    assertThat(output.lines().filter(line -> line.matches("\\d+: TrainingConfig\\[.*")).count()).isEqualTo(5);
  }

  @Test
  void aBadOverrideFileIsReportedBeforeAnythingIsPrinted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("bad.json");
    java.nio.file.Files.writeString(file, "{\"batchSze\": 32}");
    ProcessBuilder command = new ProcessBuilder(
        java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SampleApp.class.getName(), file.toString());
    Process process = command.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).isEqualTo(2);
    assertThat(out).isEmpty();
    assertThat(err).contains("batchSze: is not a field of TrainingConfig. Did you mean \"batchSize\"?");
  }

  private static String runMain() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      SampleApp.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
