package dev.prharness.codehost;

/**
 * A code-host call that failed: the message names the operation, the status and what to do. {@code status} is
 * the HTTP status, or -1 when the host could not be reached.
 */
public class CodeHostException extends RuntimeException {

    private final int status;

    public CodeHostException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 403 from a token that may read but not write (fork pull requests, {@code permissions: read}). */
    public boolean isReadOnlyToken() {
        return status == 403;
    }

    /** Worth trying again later: the host unreachable, a 5xx, or rate limited. */
    public boolean isTransient() {
        return status == -1 || status >= 500 || status == 429;
    }

    /** The caller must change something (credentials, access, the name of the pull request) before a retry helps. */
    public boolean needsUserAction() {
        return status == 401 || status == 403 || status == 404;
    }
}
