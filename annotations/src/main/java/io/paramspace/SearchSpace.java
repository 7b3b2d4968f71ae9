package io.paramspace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a search space. The Paramspace annotation processor checks the space at
 * compile time and generates {@code <Record>Space} in the same package (a nested record
 * {@code Outer.Inner} gets {@code Outer_InnerSpace}).
 *
 * <p>Every component of the record needs a space: one given by its type ({@code boolean}, an
 * enum, a nested {@code @SearchSpace} record, a sealed interface whose permitted subtypes are
 * {@code @SearchSpace} records) or by an annotation ({@link FloatRange}, {@link IntRange},
 * {@link Choice}), possibly made conditional with {@link When}.
 *
 * <p>Class retention keeps the annotations in the compiled record, so a config compiled into one
 * jar can be nested in a config of another compilation and still be checked.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SearchSpace {}
