package dev.prharness.harness;

/** A tool refusing a call; the message goes back to the model so it can correct itself. */
public final class ToolException extends RuntimeException {
    public ToolException(String message) {
        super(message);
    }
}
