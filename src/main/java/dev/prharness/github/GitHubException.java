package dev.prharness.github;

/**
 * A GitHub call that failed: the message names the operation, the status and what to do. {@code status} is
 * the HTTP status, or -1 when GitHub could not be reached.
 */
public final class GitHubException extends RuntimeException {

    private final int status;

    public GitHubException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 403 from a token that may read but not write (fork PRs, {@code permissions: read}). */
    public boolean isReadOnlyToken() {
        return status == 403;
    }

    /** Worth trying again later: GitHub unreachable, 5xx, or rate limited. */
    public boolean isTransient() {
        return status == -1 || status >= 500 || status == 429;
    }
}
