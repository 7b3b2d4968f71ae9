package io.paramspace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A categorical parameter: the component takes one of {@code value}, each literal parsed against
 * the component's type at compile time.
 *
 * <ul>
 *   <li>{@code String}: any literals, e.g. {@code @Choice({"adam", "sgd"})}.
 *   <li>{@code int}, {@code long}, {@code double}, {@code float} and their boxes: numbers, e.g.
 *       {@code @Choice({"16", "32", "64"})}.
 *   <li>{@code boolean}: a subset of {@code "true", "false"}.
 *   <li>an enum: a subset of its constant names.
 *   <li>a sealed interface: a subset of its permitted records, by simple class name.
 * </ul>
 *
 * <p>For types that are categorical already (boolean, enum, sealed interface) an empty {@code
 * value} keeps every choice, so {@code @Choice(weights = {3, 1})} only weights them. Weights, when
 * given, are one positive number per choice, in the same order; the chance of a choice is its
 * weight over the sum.
 *
 * <p>Applicable to fields too, only so that a {@code @SearchSpace} class written where a record
 * was meant reaches the processor, which reports the class (javac stops before annotation
 * processing at an annotation it finds misplaced); on any field that is not a record component
 * the processor reports the annotation itself.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Choice {
  /** The allowed values, as literals of the component's type; no duplicates. */
  String[] value() default {};

  /** One positive weight per choice; empty for equal weights. */
  double[] weights() default {};
}
