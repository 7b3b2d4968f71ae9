package io.paramspace.sample;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with a golden file in {@code src/test/resources/golden/}. With {@code
 * -Dparamspace.updateGolden=true} it rewrites the file instead (review the diff before committing).
 * Files are read from the source tree, not the class path, so an update is seen at once.
 */
final class GoldenFiles {
  static final String UPDATE_PROPERTY = "paramspace.updateGolden";

  private GoldenFiles() {}

  static void assertMatches(String fileName, String actual) {
    Path file = directory().resolve(fileName);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      write(file, actual);
      return;
    }
    if (!Files.isRegularFile(file)) {
      fail("golden file " + file + " is missing; write it with -D" + UPDATE_PROPERTY + "=true");
    }
    assertWithMessage("golden file %s (rewrite it with -D%s=true if the change is intended)", file,
            UPDATE_PROPERTY)
        .that(actual)
        .isEqualTo(read(file));
  }

  /** {@code src/test/resources/golden} of sample-app; Surefire runs in the module directory. */
  private static Path directory() {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath()
        .resolve("src/test/resources/golden");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
