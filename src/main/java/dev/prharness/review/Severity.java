package dev.prharness.review;

import java.util.Locale;

/** How much a finding matters, least first, so that {@code compareTo} orders by importance. */
public enum Severity {
    INFO,
    WARNING,
    ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public static Severity parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + value + "': use info, warning or error", e);
        }
    }
}
