package dev.prharness.lint;

/** A file a linter could not analyse (e.g. a syntax error), with the linter's own words. */
public record LintFailure(String path, String linter, String message) {}
