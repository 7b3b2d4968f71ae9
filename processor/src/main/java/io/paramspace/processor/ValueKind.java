package io.paramspace.processor;

/** What a component holds, which decides the spaces it can have and how literals parse. */
enum ValueKind {
  DOUBLE("double"),
  FLOAT("float"),
  INT("int"),
  LONG("long"),
  BOOLEAN("boolean"),
  STRING("String"),
  ENUM("enum"),
  CONFIG("config"),
  POLYMORPHIC("sealed interface");

  private final String description;

  ValueKind(String description) {
    this.description = description;
  }

  boolean isNumeric() {
    return this == DOUBLE || this == FLOAT || this == INT || this == LONG;
  }

  boolean isIntegral() {
    return this == INT || this == LONG;
  }

  boolean isReal() {
    return this == DOUBLE || this == FLOAT;
  }

  String description() {
    return description;
  }
}
