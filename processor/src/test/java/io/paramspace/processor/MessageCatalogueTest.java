package io.paramspace.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue of errors: stable, distinct tags, each with a compile-testing test. */
class MessageCatalogueTest {
  private static final Path TESTS = Path.of(System.getProperty("basedir", "."), "src/test/java/io/paramspace/processor");

  @Test
  void messagesStartWithTheirTag() {
    assertThat(Message.INVERTED_RANGE.format("IntRange", "layers", "12", "2"))
        .isEqualTo("[Paramspace.InvertedRange] @IntRange on 'layers' has min 12 greater than max 2; swap them");
  }

  @Test
  void tagsAreDistinct() {
    assertThat(Arrays.stream(Message.values()).map(Message::tag).toList()).containsNoDuplicates();
  }

  /** An internal error cannot be caused on purpose: every other tag is asserted on a real compile. */
  @Test
  void everyTagHasANegativeTest() throws IOException {
    String tests;
    try (Stream<Path> files = Files.list(TESTS)) {
      tests = files.filter(f -> f.getFileName().toString().endsWith("ErrorsTest.java"))
          .map(MessageCatalogueTest::read)
          .collect(Collectors.joining("\n"));
    }
    for (Message message : Message.values()) {
      if (message != Message.INTERNAL_ERROR) {
        assertWithMessage("no *ErrorsTest asserts [Paramspace.%s]", message.tag())
            .that(tests)
            .contains("\"" + message.tag() + "\",");
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
