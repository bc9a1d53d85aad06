package dev.prharness.git;

/** A git command that failed; the message has git's own words and what to check. */
public final class GitException extends RuntimeException {
    public GitException(String message) {
        super(message);
    }

    public GitException(String message, Throwable cause) {
        super(message, cause);
    }
}
