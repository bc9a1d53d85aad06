package dev.prharness.review;

import dev.prharness.diff.Side;

/**
 * Something a linter or the model found, located by lines {@code startLine..line} ({@code startLine} null for
 * a single line) of the new file ({@code RIGHT}, what linters report) or the old one ({@code LEFT}, a removed
 * line the model comments on), before it is placed on the diff. {@code source} is {@code checkstyle},
 * {@code pmd} or {@code model}; {@code suggestion} is replacement text for those lines, or null; {@code help}
 * explains a linter's rule ({@link RuleHelp#NONE} for the model's findings).
 */
public record Finding(
        String path,
        Integer startLine,
        int line,
        Side side,
        Severity severity,
        String source,
        String rule,
        String message,
        String suggestion,
        RuleHelp help) {

    public Finding {
        help = help == null ? RuleHelp.NONE : help;
    }

    public Finding(String path, Integer startLine, int line, Side side, Severity severity, String source, String rule,
            String message, String suggestion) {
        this(path, startLine, line, side, severity, source, rule, message, suggestion, RuleHelp.NONE);
    }

    public static Finding of(String path, int line, Severity severity, String source, String rule, String message) {
        return new Finding(path, null, line, Side.RIGHT, severity, source, rule, message, null, RuleHelp.NONE);
    }

    public Finding withHelp(RuleHelp newHelp) {
        return new Finding(path, startLine, line, side, severity, source, rule, message, suggestion, newHelp);
    }

    public Finding withSuggestion(String replacement) {
        return new Finding(path, startLine, line, side, severity, source, rule, message, replacement, help);
    }
}
