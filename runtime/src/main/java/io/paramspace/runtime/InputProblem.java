package io.paramspace.runtime;

/**
 * One problem with an override or a config: the source (a file, or {@code <map>}), the key path
 * ({@code model.blockConfig.DenseConfig.numLayers}), the line and column where the parser knew
 * them, and what is wrong and what to do.
 */
public record InputProblem(String source, String path, InputNode.Location location, String message) {

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(source);
    if (location.isKnown()) {
      text.append(':').append(location.line()).append(':').append(location.column());
    }
    text.append(": ");
    if (!path.isEmpty()) {
      text.append(path).append(": ");
    }
    return text.append(message).toString();
  }
}
