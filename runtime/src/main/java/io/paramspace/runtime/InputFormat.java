package io.paramspace.runtime;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats of overrides and configs, read and written with Jackson. */
public enum InputFormat {
  JSON("json"),
  YAML("yaml", "yml"),
  TOML("toml");

  private final String[] extensions;

  InputFormat(String... extensions) {
    this.extensions = extensions;
  }

  /**
   * The format of a file, by its extension.
   *
   * @throws InvalidInputException if the extension is none of .json, .yaml, .yml, .toml
   */
  public static InputFormat of(Path file) {
    Path fileName = file.getFileName(); // null for a root such as "/"
    String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
    for (InputFormat format : values()) {
      for (String extension : format.extensions) {
        if (name.endsWith("." + extension)) {
          return format;
        }
      }
    }
    throw new InvalidInputException("Unknown file format:", java.util.List.of(new InputProblem(file.toString(), "",
        InputNode.Location.UNKNOWN, "the file name must end in .json, .yaml, .yml or .toml")));
  }
}
