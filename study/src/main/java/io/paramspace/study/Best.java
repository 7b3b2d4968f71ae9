package io.paramspace.study;

/** The best trial of a single-objective study, with its typed config. */
public record Best<T>(T config, double value, FrozenTrial trial) {}
