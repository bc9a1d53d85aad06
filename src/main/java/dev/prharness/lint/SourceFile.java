package dev.prharness.lint;

/** A file to lint: its repository-relative path and its content at the reviewed commit. */
public record SourceFile(String path, String content) {}
