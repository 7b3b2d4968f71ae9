package io.paramspace.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced code blocks of the repository's README, which the script tests run as written. */
final class ReadmeBlocks {
  private static final Pattern BLOCK = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);

  private final String readme;

  private ReadmeBlocks(String readme) {
    this.readme = readme;
  }

  /** The README of the repository (the tests run in the cli module's folder). */
  static ReadmeBlocks read() throws IOException {
    return new ReadmeBlocks(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8));
  }

  /** The whole README. */
  String text() {
    return readme;
  }

  /** The fenced block that contains {@code marker}. */
  String block(String marker) {
    Matcher blocks = BLOCK.matcher(readme);
    while (blocks.find()) {
      if (blocks.group(1).contains(marker)) {
        return blocks.group(1);
      }
    }
    throw new AssertionError("README.md has no code block with " + marker);
  }
}
