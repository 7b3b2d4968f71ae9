package io.paramspace.samplers.spaces;

/** A polymorphic field: dense or convolutional. */
public sealed interface Block permits Dense, Conv {}
