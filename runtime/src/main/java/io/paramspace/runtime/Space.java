package io.paramspace.runtime;

/**
 * The descriptor of a search space, as generated code declares it and the runtime walks it
 * (tree, parameter names, sampling; later overrides, grids and the study engine). Immutable.
 */
public sealed interface Space
    permits FloatSpace, IntSpace, CategoricalSpace, FixedSpace, ConfigSpace, PolymorphicSpace,
        ConditionalSpace {}
