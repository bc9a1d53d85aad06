package dev.prharness.diff;

/** How a file changed between base and head. */
public enum ChangeType {
    ADDED,
    DELETED,
    MODIFIED,
    RENAMED,
    COPIED
}
