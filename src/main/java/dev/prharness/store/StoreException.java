package dev.prharness.store;

/** The job store failed: the message names the operation and the database. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
