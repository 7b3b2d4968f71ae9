package io.paramspace.sweep;

import java.util.List;

/**
 * A manifest that cannot be read or rebuilt, naming the file and the key at fault: {@code
 * sweep.json: space.hash: the space of TrainingConfig has changed since this manifest was
 * written: ...}.
 */
public final class ManifestException extends SweepException {
  private static final long serialVersionUID = 1L;

  private final String source;

  public ManifestException(String source, String key, String message) {
    super(source + ": " + (key.isEmpty() ? "" : key + ": ") + message);
    this.source = source;
  }

  public ManifestException(String source, List<String> problems) {
    super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the manifest " + source + ":",
        problems);
    this.source = source;
  }

  /** The file (or {@code <manifest>}) the manifest came from. */
  public String source() {
    return source;
  }
}
