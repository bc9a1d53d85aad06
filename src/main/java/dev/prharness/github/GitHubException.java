package dev.prharness.github;

import dev.prharness.codehost.CodeHostException;

/** A GitHub call that failed; the message names the operation, the HTTP status and what to do. */
public final class GitHubException extends CodeHostException {

    public GitHubException(String message, int status, Throwable cause) {
        super(message, status, cause);
    }
}
