package dev.prharness.git;

/**
 * A git command that failed; the message has git's own words and what to check. {@code couldNotComplete} is
 * true when git itself failed (a diff that errs, a timeout, git missing) rather than the user's input (no such
 * folder, not a repository, no such revision).
 */
public final class GitException extends RuntimeException {

    private final boolean couldNotComplete;

    public GitException(String message) {
        this(message, false, null);
    }

    public GitException(String message, Throwable cause) {
        this(message, true, cause);
    }

    public GitException(String message, boolean couldNotComplete, Throwable cause) {
        super(message, cause);
        this.couldNotComplete = couldNotComplete;
    }

    public boolean couldNotComplete() {
        return couldNotComplete;
    }
}
