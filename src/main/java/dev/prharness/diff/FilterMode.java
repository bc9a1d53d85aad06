package dev.prharness.diff;

import java.util.Locale;

/** Which findings a review keeps, by where they sit relative to the diff (the reviewdog modes). */
public enum FilterMode {
    /** Only findings on added lines become comments; the default. */
    ADDED,
    /** Findings on any line of a hunk (added or context) become comments. */
    DIFF_CONTEXT,
    /** Findings anywhere in a changed file: inline where the diff allows, else a file-level note. */
    FILE,
    /** Every finding: inline where the diff allows, else a file-level note, even in unchanged files. */
    NOFILTER;

    /** Parses the config spelling ({@code added}, {@code diff_context}, {@code file}, {@code nofilter}). */
    public static FilterMode parse(String value) {
        for (FilterMode mode : values()) {
            if (mode.configName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown filter mode '" + value + "': use added, diff_context, file or nofilter");
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
