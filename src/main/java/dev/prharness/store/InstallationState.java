package dev.prharness.store;

import java.util.Locale;

/** Where a GitHub App installation stands: active, suspended by its owner, or uninstalled. */
public enum InstallationState {
    ACTIVE,
    SUSPENDED,
    REMOVED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
