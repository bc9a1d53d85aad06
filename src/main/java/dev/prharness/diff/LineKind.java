package dev.prharness.diff;

/** What a line of a hunk does: added to the new file, removed from the old one, or unchanged context. */
public enum LineKind {
    ADDED,
    REMOVED,
    CONTEXT
}
