package io.paramspace.sample;

/** A block of the model: dense or convolutional, each with its own space. */
public sealed interface BlockConfig permits DenseConfig, ConvConfig {}
