package io.paramspace.runtime;

/**
 * One problem with an override or a config: the source (a file, {@code <map>}, or empty for a
 * config in memory), the key path ({@code model.blockConfig.DenseConfig.numLayers}, branches
 * included), the line and column where the parser knew them, and what is wrong and what to do.
 */
public record InputProblem(String source, String path, InputNode.Location location, String message) {

  /** {@code source:line:column: path: message}, leaving out what is unknown or empty. */
  @Override
  public String toString() {
    StringBuilder where = new StringBuilder(source);
    if (location.isKnown()) {
      where.append(where.length() == 0 ? "" : ":").append(location.line()).append(':').append(location.column());
    }
    StringBuilder text = new StringBuilder();
    if (where.length() > 0) {
      text.append(where).append(": ");
    }
    if (!path.isEmpty()) {
      text.append(path).append(": ");
    }
    return text.append(message).toString();
  }
}
