package io.paramspace.sample;

import static com.google.common.truth.Truth.assertWithMessage;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Overrides;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * One narrowing written every way a user can write it (typed builder, map, and files in JSON,
 * YAML and TOML), applied to a space: every way must give the same narrowed space.
 */
final class EveryWay {
  private final Path dir;
  private final Function<Overrides, ConfigSpace<?>> narrow;

  EveryWay(Path dir, Function<Overrides, ConfigSpace<?>> narrow) {
    this.dir = dir;
    this.narrow = narrow;
  }

  /** The space the builder gives, after checking that the map and every file give it too. */
  ConfigSpace<?> sameSpace(Overrides typed, Map<String, ?> map, String json, String yaml, String toml) {
    ConfigSpace<?> expected = narrow.apply(typed);
    assertWithMessage("map").that(narrow.apply(Overrides.fromMap(map))).isEqualTo(expected);
    assertWithMessage("JSON file %s", json).that(narrow.apply(Overrides.fromFile(write("o.json", json))))
        .isEqualTo(expected);
    assertWithMessage("YAML file %s", yaml).that(narrow.apply(Overrides.fromFile(write("o.yaml", yaml))))
        .isEqualTo(expected);
    assertWithMessage("TOML file %s", toml).that(narrow.apply(Overrides.fromFile(write("o.toml", toml))))
        .isEqualTo(expected);
    return expected;
  }

  /** {@code text} written to {@code name} in the test's directory. */
  Path write(String name, String text) {
    return write(dir, name, text);
  }

  static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
