package io.paramspace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A real-valued parameter in {@code [min, max]}, for a {@code double}, {@code float},
 * {@code Double} or {@code Float} component.
 *
 * <ul>
 *   <li>{@code log = true} samples uniformly in log space; it needs {@code min > 0} and no step.
 *   <li>{@code step > 0} restricts the values to {@code min, min + step, ..., max}; the range must
 *       be a whole number of steps.
 * </ul>
 *
 * <p>Applicable to fields too, only so that a {@code @SearchSpace} class written where a record
 * was meant reaches the processor, which reports the class (javac stops before annotation
 * processing at an annotation it finds misplaced); on any field that is not a record component
 * the processor reports the annotation itself.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface FloatRange {
  /** The lower bound, inclusive. */
  double min();

  /** The upper bound, inclusive; greater than {@code min}. */
  double max();

  /** Sample uniformly in log space. */
  boolean log() default false;

  /** The distance between allowed values; {@code 0} for a continuous range. */
  double step() default 0;
}
