package dev.prharness.lint;

/** A ruleset that cannot be used: unsafe, unreadable or rejected by the linter. The message says which and why. */
public final class LintConfigException extends RuntimeException {
    public LintConfigException(String message) {
        super(message);
    }

    public LintConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
