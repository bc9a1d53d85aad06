package dev.prharness.cli;

/** A run that could not complete because a service stayed unreachable; exit code 3, the message says which. */
public final class UnavailableException extends RuntimeException {
    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
