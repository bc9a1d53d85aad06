package dev.prharness.review;

/** A finding kept for a changed file but not on a line of the diff, so it cannot be an inline comment. */
public record FileNote(String path, int line, Severity severity, String source, String rule, String message) {}
