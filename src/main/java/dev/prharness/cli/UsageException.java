package dev.prharness.cli;

/** A command line that cannot be carried out as given; exit code 2, the message says how to fix it. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
