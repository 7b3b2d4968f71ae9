package io.paramspace.study;

/**
 * What {@link Study#importTrials} did: how many finished trials it copied, and how many it
 * skipped because their parameters do not fit the space (a parameter the space lacks, a value
 * outside its distribution, a missing active parameter) or because they were not complete.
 */
public record ImportResult(int imported, int skippedMismatched, int skippedNotComplete) {}
