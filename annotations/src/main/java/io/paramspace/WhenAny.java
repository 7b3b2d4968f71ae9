package io.paramspace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a component conditional on any of several tests ("or", across fields):
 *
 * <pre>{@code
 * @WhenAny({@When(field = "optimizer", equalsTo = "sgd"), @When(field = "batchSize", atLeast = 64)})
 * @FloatRange(min = 0.0, max = 0.99) Double momentum
 * }</pre>
 *
 * <p>It combines with plain {@link When} on the same component by "and". {@code then} and {@code
 * otherwise} may be written on any one of the tests of the component; written twice, they must
 * agree.
 *
 * <p>Applicable to fields too, only so that a {@code @SearchSpace} class written where a record
 * was meant reaches the processor, which reports the class (javac stops before annotation
 * processing at an annotation it finds misplaced); on any field that is not a record component
 * the processor reports the annotation itself.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface WhenAny {
  /** The tests; the component is active when at least one holds. At least two. */
  When[] value();
}
