package io.paramspace.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the peer processors of the compile-time benchmark are: the build copies each peer's jars
 * (maven-dependency-plugin, see the module's pom) to {@code target/peers/<peer>/classpath/} (its
 * annotations, what the records compile against) and {@code target/peers/<peer>/processorpath/}
 * (its processor and what that needs). {@code target/} is found as the folder holding this
 * class's jar ({@code target/benchmarks.jar}) or class folder ({@code target/classes}); the
 * system property {@value #PROPERTY} names another folder of the same layout.
 */
final class PeerProcessors {
  static final String PROPERTY = "paramspace.bench.peers";

  private final Path root;

  private PeerProcessors(Path root) {
    this.root = root;
  }

  static PeerProcessors locate() {
    String property = System.getProperty(PROPERTY);
    if (property != null) {
      return new PeerProcessors(Path.of(property));
    }
    try {
      Path here = Path.of(PeerProcessors.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return new PeerProcessors(here.toAbsolutePath().getParent().resolve("peers"));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the benchmarks jar", e);
    }
  }

  /** The jars the flavor's records compile against: its annotations. */
  String classPath(ConfigSources.Flavor flavor) {
    return jars(flavor, "classpath");
  }

  /** The jars of the flavor's processor, for {@code -processorpath}. */
  String processorPath(ConfigSources.Flavor flavor) {
    return jars(flavor, "processorpath");
  }

  private String jars(ConfigSources.Flavor flavor, String kind) {
    Path dir = root.resolve(directory(flavor)).resolve(kind);
    List<Path> jars;
    try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
      jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (jars.isEmpty()) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "no jars in %s: build the benchmarks module (mvn -pl benchmarks -am package), which copies"
              + " the peer processors there, or set -D%s to a folder laid out like target/peers",
          dir, PROPERTY));
    }
    return jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  private static String directory(ConfigSources.Flavor flavor) {
    return switch (flavor) {
      case IMMUTABLES -> "immutables";
      case AUTO_BUILDER -> "auto-builder";
      case RECORD_BUILDER -> "record-builder";
      case PARAMSPACE -> throw new IllegalArgumentException("Paramspace is not a peer: it is in the benchmarks jar");
    };
  }
}
