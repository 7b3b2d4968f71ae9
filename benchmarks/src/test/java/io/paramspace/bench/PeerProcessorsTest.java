package io.paramspace.bench;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.bench.CompileTimeBenchmark.Mode;
import io.paramspace.bench.ConfigSources.Flavor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The peer modes measure a peer only if its processor runs on its records and writes a class for
 * each, and if those records are the benchmark's records with another annotation.
 */
class PeerProcessorsTest {
  // One package of 6: two blocks, leaves and a composite (Config005) that nests two others.
  private static final int CONFIGS = 6;

  @TempDir Path work;
  private final Javac javac = new Javac();
  private final PeerProcessors peers = PeerProcessors.locate();

  @ParameterizedTest
  @EnumSource(value = Mode.class, names = {"IMMUTABLES", "AUTO_BUILDER", "RECORD_BUILDER"})
  void eachPeerWritesAndCompilesASourcePerRecord(Mode mode) throws Exception {
    Path root = work.resolve("src");
    List<Path> sources = CompileTimeBenchmark.write(root, ConfigSources.generate(CONFIGS, CONFIGS, mode.flavor));
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path generated = Files.createDirectories(work.resolve("generated"));

    Javac.Result result = javac.compile(sources, javac.withPeerProcessor(peers, mode.flavor, classes, generated));

    assertThat(result.messages(Diagnostic.Kind.ERROR)).isEmpty();
    assertThat(result.success()).isTrue();
    List<Path> written = CompileTimeBenchmark.javaFiles(generated);
    assertThat(written.size()).isAtLeast(CONFIGS);
    // The harness's own check: the flavor's source for every record.
    CompileTimeBenchmark.checkOutput(mode, generated, written, records(root, sources));
    String builder = mode.flavor.generatedName("Config005");
    assertThat(Files.exists(generated.resolve("bench/gen/p0/" + builder + ".java"))).isTrue();
    assertThat(Files.exists(classes.resolve("bench/gen/p0/" + builder + ".class"))).isTrue();
    assertThat(CompileTimeBenchmark.lines(written)).isGreaterThan(0L);
  }

  @ParameterizedTest
  @EnumSource(value = Flavor.class, names = {"IMMUTABLES", "AUTO_BUILDER", "RECORD_BUILDER"})
  void aPeersRecordsHaveParamspacesComponentsAndCompileWithoutItsProcessor(Flavor flavor) throws Exception {
    Path peerClasses = compilePlain(flavor, javac.plainPeer(peers, flavor, Files.createDirectories(work.resolve("peer"))));
    Path paramspaceClasses = compilePlain(Flavor.PARAMSPACE, javac.plain(Files.createDirectories(work.resolve("paramspace"))));

    try (URLClassLoader peer = loader(peerClasses); URLClassLoader paramspace = loader(paramspaceClasses)) {
      for (int i = 0; i < CONFIGS; i++) {
        String name = "bench.gen.p0." + ConfigSources.name(i);
        assertThat(components(peer.loadClass(name))).isEqualTo(components(paramspace.loadClass(name)));
      }
      assertThat(components(peer.loadClass("bench.gen.p0.Config005"))).contains("bench.gen.p0.Config004 encoder");
    }
    for (Path source : CompileTimeBenchmark.javaFiles(work.resolve("src-" + flavor))) {
      assertThat(Files.readString(source)).doesNotContain("io.paramspace");
    }
  }

  @Test
  void aFreshJavacProcessRunsAPeer() throws Exception {
    List<Path> sources =
        CompileTimeBenchmark.write(work.resolve("src"), ConfigSources.generate(CONFIGS, CONFIGS, Flavor.IMMUTABLES));
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path generated = Files.createDirectories(work.resolve("generated"));

    Javac.Result result = new JavacProcess(work.resolve("process"))
        .compile(sources, javac.withPeerProcessor(peers, Flavor.IMMUTABLES, classes, generated));

    assertThat(result.success()).isTrue();
    assertThat(CompileTimeBenchmark.javaFiles(generated)).hasSize(CONFIGS);
    assertThat(Files.exists(classes.resolve("bench/gen/p0/Config005Builder.class"))).isTrue();
  }

  @Test
  void modesAreSelectedWithTheirBaselines() {
    assertThat(Mode.select("immutables,with")).containsExactly(Mode.WITHOUT, Mode.WITH,
        Mode.WITHOUT_IMMUTABLES, Mode.IMMUTABLES).inOrder();
    assertThat(Mode.select("target")).containsExactly(Mode.WITHOUT, Mode.WITH,
        Mode.WITHOUT_IMMUTABLES, Mode.IMMUTABLES).inOrder();
    assertThat(Mode.select("record-builder")).containsExactly(Mode.WITHOUT_RECORD_BUILDER, Mode.RECORD_BUILDER);
    assertThat(Mode.select("all")).containsExactlyElementsIn(Mode.values());
    assertThrows(IllegalArgumentException.class, () -> Mode.select("lombok"));
  }

  private Path compilePlain(Flavor flavor, List<String> options) throws Exception {
    List<Path> sources = CompileTimeBenchmark.write(work.resolve("src-" + flavor), ConfigSources.generate(CONFIGS, CONFIGS, flavor));
    Javac.Result result = javac.compile(sources, options);
    assertThat(result.messages(Diagnostic.Kind.ERROR)).isEmpty();
    assertThat(result.success()).isTrue();
    return Path.of(options.get(options.indexOf("-d") + 1));
  }

  private static URLClassLoader loader(Path classes) throws Exception {
    return new URLClassLoader(new URL[] {classes.toUri().toURL()}, PeerProcessorsTest.class.getClassLoader());
  }

  private static List<String> components(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .map(c -> c.getGenericType().getTypeName() + " " + c.getName())
        .toList();
  }

  private static List<Path> records(Path root, List<Path> sources) {
    List<Path> records = new ArrayList<>();
    for (Path source : sources) {
      if (source.getFileName().toString().startsWith("Config")) {
        records.add(root.relativize(source));
      }
    }
    return records;
  }
}
