package test;

public sealed interface Block permits Dense, Conv, Identity {}
