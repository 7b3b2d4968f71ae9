package io.paramspace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a component conditional: it is active only when a test on another component of the same
 * record holds. While active it samples its own space (or takes the fixed {@link #then()} value);
 * while inactive it takes {@link #otherwise()} ({@code null} for boxed and reference types when
 * omitted; a primitive component must say {@code otherwise}).
 *
 * <p>The test reads {@link #field()}: a sibling component, or a dotted path into a sibling
 * {@code @SearchSpace} record ({@code "optimizer.name"}). Set exactly one of:
 *
 * <ul>
 *   <li>{@code equalsTo}: the value is one of these literals ({@code ==}, or "in" for several);
 *       for a sealed-interface field, the simple name of the permitted record it took;
 *   <li>{@code notEqualsTo}: the value is none of these ("not in");
 *   <li>an ordering, for numeric fields: {@code greaterThan} or {@code atLeast}, and/or {@code
 *       lessThan} or {@code atMost} (both together mean "between").
 * </ul>
 *
 * <p>Several {@code @When} on one component must all hold ("and"). {@link WhenAny} holds when any
 * of its tests holds ("or", across fields). Negation is written with the opposite test: {@code
 * notEqualsTo} for {@code equalsTo}, {@code atMost} for {@code greaterThan}, and so on.
 *
 * <p>Literals are checked at compile time against the referenced field: a value it can never take
 * is a compile error that lists the values it can.
 *
 * <p>Applicable to fields too, only so that a {@code @SearchSpace} class written where a record
 * was meant reaches the processor, which reports the class (javac stops before annotation
 * processing at an annotation it finds misplaced); on any field that is not a record component
 * the processor reports the annotation itself.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
@Repeatable(When.All.class)
public @interface When {
  /** The component (or dotted path into a nested config) that the test reads. */
  String field();

  /** Holds when the field equals one of these literals. */
  String[] equalsTo() default {};

  /** Holds when the field equals none of these literals. */
  String[] notEqualsTo() default {};

  /** Holds when the field is greater than this number. */
  double greaterThan() default Double.NaN;

  /** Holds when the field is less than this number. */
  double lessThan() default Double.NaN;

  /** Holds when the field is at least this number. */
  double atLeast() default Double.NaN;

  /** Holds when the field is at most this number. */
  double atMost() default Double.NaN;

  /**
   * The fixed value the component takes while active, as a literal of its type; empty to sample
   * the component's own space.
   */
  String then() default "";

  /**
   * The fixed value the component takes while inactive, as a literal of its type; empty for
   * {@code null} (boxed and reference types only).
   */
  String otherwise() default "";

  /** The container of repeated {@code @When}: all must hold. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
  @interface All {
    When[] value();
  }
}
