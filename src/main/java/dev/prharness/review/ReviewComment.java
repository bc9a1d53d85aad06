package dev.prharness.review;

import dev.prharness.diff.Side;

/**
 * An inline comment placed on a line of the diff (SPEC §4): {@code line} on {@code side}, optionally from
 * {@code startLine}. {@code fingerprint} identifies it across pushes and does not depend on line numbers.
 */
public record ReviewComment(
        String path,
        int line,
        Integer startLine,
        Side side,
        Severity severity,
        String source,
        String rule,
        String message,
        String suggestion,
        String fingerprint) {}
