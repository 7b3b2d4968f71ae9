package io.paramspace.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * One record component as the processor understood it.
 *
 * @param kind what it holds
 * @param nullable a reference type, which can take {@code null} while inactive
 * @param typeElement the enum, record or sealed interface of the component, or {@code null}
 * @param enumConstants the constants of an enum component
 * @param branches the permitted records of a sealed-interface component
 * @param space what it samples while active ({@code null} if it could not be resolved)
 * @param condition when it is active; empty for an unconditional component
 * @param then the fixed value while active, or {@code null} to sample {@code space}
 * @param otherwise the fixed value while inactive ({@code null} for null)
 */
record FieldModel(
    String name,
    Position position,
    TypeMirror type,
    ValueKind kind,
    boolean nullable,
    TypeElement typeElement,
    List<String> enumConstants,
    List<TypeElement> branches,
    SpaceModel space,
    ConditionModel condition,
    Object then,
    Object otherwise) {

  boolean isConditional() {
    return !condition.isEmpty();
  }

  /**
   * {@code true} if its space could not be resolved (the reason is reported on the field itself):
   * it has neither a space nor a fixed {@code then}, so rules that read its values stay quiet.
   */
  boolean spaceFailed() {
    return space == null && then == null;
  }

  /** The values it can take while active, for a categorical-like space; otherwise empty. */
  List<Object> choices() {
    if (then != null) {
      return List.of(then);
    }
    if (space instanceof SpaceModel.Categorical c) {
      return c.values();
    }
    if (space instanceof SpaceModel.Fixed f) {
      return List.of(f.value());
    }
    if (space instanceof SpaceModel.Polymorphic p) {
      return List.copyOf(p.branches());
    }
    return List.of();
  }
}
