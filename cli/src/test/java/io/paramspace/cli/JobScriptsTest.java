package io.paramspace.cli;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.sample.TrainingConfig;
import io.paramspace.sample.TrainingConfigSpace;
import io.paramspace.sweep.GridSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the command lines of the SLURM script and the Kubernetes Indexed Job in the README as
 * real processes ({@code java -cp <classpath> io.paramspace.cli.Paramspace ...}, with the index in
 * {@code SLURM_ARRAY_TASK_ID} or {@code JOB_COMPLETION_INDEX}), and compares what they write with
 * {@code GridSource.get(i)}.
 */
class JobScriptsTest {
  private static ReadmeBlocks readme;
  private static ConfigSpace<TrainingConfig> space;
  private static GridSource<TrainingConfig> grid;

  @TempDir Path dir;

  @BeforeAll
  static void readReadme() throws IOException {
    readme = ReadmeBlocks.read();
  }

  /** The line of {@code block} that runs the paramspace command. */
  private static String commandLine(String block) {
    for (String line : block.split("\n")) {
      if (line.contains("io.paramspace.cli.Paramspace grid")) {
        return line.strip();
      }
    }
    throw new AssertionError("no paramspace command in\n" + block);
  }

  private void prepare() throws IOException {
    Path overrides = dir.resolve("grid.yaml");
    String yaml = readme.block("# grid.yaml");
    Files.writeString(overrides, yaml);
    space = TrainingConfigSpace.space().narrow(overrides);
    grid = GridSource.of(space);
  }

  /** The test's own classpath: the cli classes, the runtime, the sweep module, the sample app. */
  private static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isEmpty() ? cp : System.getProperty("java.class.path");
  }

  private String runShell(String command, String indexVariable, long index) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // `java` on the PATH of the script is this JDK.
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).directory(dir.toFile());
    builder.environment().put("PARAMSPACE_CP", classpath());
    builder.environment().put(indexVariable, Long.toString(index));
    builder.environment().put("PATH", Path.of(java).getParent() + ":" + System.getenv("PATH"));
    builder.redirectError(dir.resolve("stderr-" + index).toFile());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(0);
    return out;
  }

  @Test
  void theSlurmScriptsCommandComputesConfigIOfTheGrid() throws Exception {
    prepare();
    String script = readme.block("# grid.sbatch");
    String command = commandLine(script);
    assertThat(command).contains("--index \"$SLURM_ARRAY_TASK_ID\"");
    for (long i : indices()) {
      runShell(command, "SLURM_ARRAY_TASK_ID", i);
      String written = Files.readString(dir.resolve("config-" + i + ".json"));
      assertThat(space.fromJson(written)).isEqualTo(grid.get(i));
    }
  }

  @Test
  void theIndexedJobsCommandComputesConfigIOfTheGrid() throws Exception {
    prepare();
    String job = readme.block("completions: 192");
    String line = commandLine(job);
    // The args entry: "- java ... > /tmp/config.json && java ... Train": run the paramspace part,
    // with the ConfigMap's mount point as this test's folder.
    String command = line.substring(line.indexOf("java"), line.indexOf(" > ")).replace("/config/", dir + "/");
    assertThat(command).contains("--index \"$JOB_COMPLETION_INDEX\"");
    Matcher completions = Pattern.compile("completions: (\\d+)").matcher(job);
    assertThat(completions.find()).isTrue();
    assertThat(Long.parseLong(completions.group(1))).isEqualTo(grid.size());
    for (long i : indices()) {
      String out = runShell(command, "JOB_COMPLETION_INDEX", i);
      assertThat(space.fromJson(out)).isEqualTo(grid.get(i));
    }
  }

  @Test
  void theDocumentedSizeIsTheGridsSize() throws Exception {
    prepare();
    assertThat(readme.text()).contains("--size       # " + grid.size());
  }

  private static List<Long> indices() {
    List<Long> indices = new ArrayList<>(List.of(0L, 1L, 17L, grid.size() / 2, grid.size() - 1));
    return indices;
  }
}
