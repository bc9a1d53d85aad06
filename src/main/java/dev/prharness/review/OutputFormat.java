package dev.prharness.review;

import java.util.Locale;

/** The output formats of {@code --format} (SPEC §2). */
public enum OutputFormat {
    TEXT,
    MARKDOWN,
    JSON,
    SARIF;

    /** The renderer for this format; {@code colour} only matters for text on a terminal. */
    public ReviewRenderer renderer(boolean colour) {
        return switch (this) {
            case TEXT -> new TextReport(colour);
            case MARKDOWN -> new MarkdownReport();
            case JSON -> new JsonReport();
            case SARIF -> new SarifReport();
        };
    }

    public static OutputFormat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + value + "': use text, markdown, json or sarif", e);
        }
    }
}
