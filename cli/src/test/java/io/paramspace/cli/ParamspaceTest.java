package io.paramspace.cli;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.sample.TrainingConfig;
import io.paramspace.sample.TrainingConfigSpace;
import io.paramspace.sweep.GridSource;
import io.paramspace.sweep.Manifest;
import io.paramspace.sweep.RandomSource;
import io.paramspace.sweep.Sweep;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command in process: output, exit codes and error messages. */
class ParamspaceTest {
  static final String CLASS = "io.paramspace.sample.TrainingConfig";
  static final String GRID_YAML = """
      optimizer:
        name: adam
        learningRate: [1.0e-4, 1.0e-3]
        beta2: 0.99
      model:
        blockConfig:
          DenseConfig:
            numLayers: [2, 4]
            activation: [RELU, GELU]
            dropoutRate: [0.1, 0.3]
        numBlocks: [4, 8]
      batchSize: [32, 64]
      """;

  @TempDir Path dir;
  Path overrides;

  /** What one run printed and returned. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Paramspace.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void writeOverrides() throws Exception {
    overrides = dir.resolve("grid.yaml");
    Files.writeString(overrides, GRID_YAML);
  }

  private ConfigSpace<TrainingConfig> narrowed() {
    return TrainingConfigSpace.space().narrow(overrides);
  }

  @Test
  void treeNamesAndTemplate() {
    Run tree = run("tree", CLASS);
    assertThat(tree.code()).isEqualTo(0);
    assertThat(tree.out()).isEqualTo(TrainingConfigSpace.tree().stripTrailing() + "\n");
    Run narrowedTree = run("tree", CLASS, "--overrides", overrides.toString());
    assertThat(narrowedTree.out()).isEqualTo(narrowed().tree().stripTrailing() + "\n");
    Run names = run("names", CLASS, "--lines");
    assertThat(names.out().lines().toList()).isEqualTo(TrainingConfigSpace.parameterNames());
    Run json = run("names", CLASS);
    assertThat(json.out()).startsWith("[\n  \"TrainingConfig.model::ModelConfig.blockConfig\",\n");
    Run template = run("template", CLASS, "--format", "yaml");
    assertThat(template.code()).isEqualTo(0);
    assertThat(template.out()).isEqualTo(TrainingConfigSpace.space().overrideTemplate(
        io.paramspace.runtime.InputFormat.YAML).stripTrailing() + "\n");
  }

  @Test
  void sampleAndRandomPrintConfigsAsJson() {
    Run sample = run("sample", CLASS, "--seed", "42");
    assertThat(sample.code()).isEqualTo(0);
    assertThat(TrainingConfigSpace.space().fromJson(sample.out())).isEqualTo(TrainingConfigSpace.random(42));
    Run random = run("random", CLASS, "--n", "100", "--seed", "7", "--index", "63");
    assertThat(TrainingConfigSpace.space().fromJson(random.out()))
        .isEqualTo(RandomSource.of(TrainingConfigSpace.space(), 100, 7).get(63));
    Run all = run("random", CLASS, "--n", "3", "--seed", "7");
    assertThat(all.out().lines().count()).isEqualTo(3);
  }

  @Test
  void gridSizeAndIndex() {
    GridSource<TrainingConfig> grid = GridSource.of(narrowed());
    Run size = run("grid", CLASS, "--overrides", overrides.toString(), "--size");
    assertThat(size.out()).isEqualTo(grid.size() + "\n");
    for (long i : new long[] {0, 17, grid.size() - 1}) {
      Run index = run("grid", CLASS, "-o", overrides.toString(), "--index", Long.toString(i));
      assertThat(index.code()).isEqualTo(0);
      assertThat(narrowed().fromJson(index.out())).isEqualTo(grid.get(i));
    }
  }

  @Test
  void aSweepManifestByIndex() throws Exception {
    Sweep<TrainingConfig> sweep = Sweep.over(TrainingConfigSpace.space(), TrainingConfigSpace.random(1))
        .product("batchSize", 16, 32, 64).repeat(2);
    Path manifest = dir.resolve("sweep.yaml");
    sweep.toManifest().write(manifest);
    assertThat(run("sweep", "--manifest", manifest.toString(), "--size").out()).isEqualTo("6\n");
    Run fifth = run("sweep", "-m", manifest.toString(), "-i", "5");
    assertThat(TrainingConfigSpace.space().fromJson(fifth.out())).isEqualTo(sweep.get(5));
  }

  @Test
  void theManifestCommandWritesWhatSweepReads() throws Exception {
    Path manifest = dir.resolve("grid.json");
    Run write = run("manifest", CLASS, "--overrides", overrides.toString(), "--output", manifest.toString());
    assertThat(write.code()).isEqualTo(0);
    assertThat(Manifest.read(manifest).kind()).isEqualTo("grid");
    Run index = run("sweep", "--manifest", manifest.toString(), "--index", "3");
    assertThat(narrowed().fromJson(index.out())).isEqualTo(GridSource.of(narrowed()).get(3));
  }

  @Test
  void exportCsvAndJsonLines() throws Exception {
    long size = GridSource.of(narrowed()).size();
    Run csv = run("export", CLASS, "--overrides", overrides.toString(), "--format", "csv");
    assertThat(csv.code()).isEqualTo(0);
    assertThat(csv.out().lines().count()).isEqualTo(size + 1);
    assertThat(csv.out()).startsWith("index,TrainingConfig.model::ModelConfig.blockConfig::DenseConfig.numLayers,");
    assertThat(csv.err()).isEmpty(); // no progress bar: stderr is no terminal here
    Path out = dir.resolve("random.jsonl");
    Run jsonl = run("export", CLASS, "--random", "5", "--seed", "3", "--format", "jsonl", "--output", out.toString());
    assertThat(jsonl.code()).isEqualTo(0);
    assertThat(Files.readAllLines(out)).hasSize(5);
    assertThat(TrainingConfigSpace.space().fromJson(Files.readAllLines(out).get(4)))
        .isEqualTo(RandomSource.of(TrainingConfigSpace.space(), 5, 3).get(4));
  }

  @Test
  void badUsageExitsWithTwo() {
    Run unknown = run("grid", CLASS, "--sise");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown option: '--sise'");
    assertThat(run("grid", CLASS).code()).isEqualTo(2); // neither --size nor --index
    assertThat(run("grid", CLASS, "--size", "--index", "3").code()).isEqualTo(2);
    assertThat(run("sample", CLASS).err()).contains("Missing required option: '--seed=SEED'");
    assertThat(run("nonsense").code()).isEqualTo(2);
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("export", CLASS, "--format", "xml").err()).contains("--format: 'xml' is not csv or jsonl");
  }

  @Test
  void badInputExitsWithThreeAndNamesTheFileAndKey() throws Exception {
    Run noClass = run("tree", "io.acme.Nothing");
    assertThat(noClass.code()).isEqualTo(3);
    assertThat(noClass.err()).startsWith("paramspace tree: ");
    assertThat(noClass.err()).contains("io.acme.Nothing");

    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"batchSize\": [8, 32]}");
    Run badOverrides = run("grid", CLASS, "--overrides", bad.toString(), "--size");
    assertThat(badOverrides.code()).isEqualTo(3);
    assertThat(badOverrides.err()).contains(bad + ":1:16: batchSize: 8 is outside Int([16, 128], uniform)");

    Run continuous = run("grid", CLASS, "--size");
    assertThat(continuous.code()).isEqualTo(3);
    assertThat(continuous.err()).contains("optimizer.learningRate (TrainingConfig.optimizer::OptimizerConfig.learningRate)"
        + " is a continuous range");
    assertThat(continuous.err()).contains("{\"optimizer\": {\"learningRate\": [1e-05, 0.01]}}");

    Run outside = run("grid", CLASS, "--overrides", overrides.toString(), "--index", "100000");
    assertThat(outside.code()).isEqualTo(3);
    assertThat(outside.err()).contains("index 100000 is outside the grid of TrainingConfig");

    Path manifest = dir.resolve("m.json");
    Files.writeString(manifest, GridSource.of(narrowed()).toManifest().toJson().replace(narrowed().hash(), "beef"));
    Run changed = run("sweep", "--manifest", manifest.toString(), "--index", "0");
    assertThat(changed.code()).isEqualTo(3);
    assertThat(changed.err()).contains(manifest + ": space.hash: the space of TrainingConfig has changed since this"
        + " manifest was written");

    Run missing = run("sweep", "--manifest", dir.resolve("nope.json").toString(), "--size");
    assertThat(missing.code()).isEqualTo(3);
    assertThat(missing.err()).contains("nope.json: cannot be read");
  }

  @Test
  void extraClasspathEntriesAreChecked() {
    Run missing = run("--classpath", dir.resolve("nope.jar").toString(), "tree", CLASS);
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--classpath: " + dir.resolve("nope.jar") + " does not exist");
    Run ok = run("--classpath", dir.toString(), "grid", CLASS, "-o", overrides.toString(), "--size");
    assertThat(ok.code()).isEqualTo(0);
  }

  @Test
  void everySubcommandHasHelp() {
    for (String command : new String[] {"tree", "names", "template", "sample", "random", "grid", "sweep", "manifest",
        "export"}) {
      Run help = run(command, "--help");
      assertThat(help.code()).isEqualTo(0);
      assertThat(help.out()).contains("Usage: paramspace " + command);
    }
    Run top = run("--help");
    assertThat(top.out()).contains("Exit codes:");
    assertThat(top.out()).contains("3   bad input");
  }

  @Test
  void theProgressBarLine() {
    assertThat(ProgressBar.line(3000, 10000, 4)).isEqualTo("[#########.....................]  30%  3000/10000  4s");
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err), true, 0);
    bar.update(10, 10);
    bar.finish();
    assertThat(err.toString()).isEqualTo("\r[##############################] 100%  10/10  0s\n");
    StringWriter quiet = new StringWriter();
    ProgressBar off = new ProgressBar(new PrintWriter(quiet), false, 0);
    off.update(10, 10);
    off.finish();
    assertThat(quiet.toString()).isEmpty();
  }
}
