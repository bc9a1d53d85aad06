package dev.prharness.harness;

/** The model could not answer (after retries): the message names the endpoint, the status and what to do. */
public final class ModelCallException extends RuntimeException {
    public ModelCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
