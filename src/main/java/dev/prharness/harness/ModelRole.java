package dev.prharness.harness;

import java.util.Locale;

/** Which model a call goes to: the strong one for the deep review, the cheap one for routine steps. */
public enum ModelRole {
    STRONG,
    CHEAP;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
