package dev.prharness.diff;

/** A diff that cannot be read: the message names the offending line. */
public final class DiffParseException extends RuntimeException {
    public DiffParseException(String message) {
        super(message);
    }
}
