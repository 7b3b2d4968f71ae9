package io.paramspace.processor;

/** A compile error (or warning) found by a rule: what, and where. */
record Diagnostic(Message message, Position position, String text) {
  static Diagnostic of(Message message, Position position, Object... args) {
    return new Diagnostic(message, position, message.format(args));
  }

  boolean isError() {
    return !message.isWarning();
  }
}
