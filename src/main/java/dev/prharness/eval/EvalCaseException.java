package dev.prharness.eval;

/** A case that cannot be used: a file that does not parse, an edit that does not apply. The message says which. */
public final class EvalCaseException extends RuntimeException {

    public EvalCaseException(String message) {
        super(message);
    }

    public EvalCaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
