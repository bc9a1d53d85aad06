package dev.prharness.review;

/**
 * Something a linter or the model found, located by new-file lines {@code startLine..line} ({@code startLine}
 * null for a single line), before it is placed on the diff. {@code source} is {@code checkstyle}, {@code pmd}
 * or {@code model}; {@code suggestion} is replacement text for those lines, or null.
 */
public record Finding(
        String path,
        Integer startLine,
        int line,
        Severity severity,
        String source,
        String rule,
        String message,
        String suggestion) {

    public static Finding of(String path, int line, Severity severity, String source, String rule, String message) {
        return new Finding(path, null, line, severity, source, rule, message, null);
    }
}
