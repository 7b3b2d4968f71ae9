package io.paramspace.sweep.testing;

/** A polymorphic field type. */
public sealed interface Shape permits Circle, Square {}
