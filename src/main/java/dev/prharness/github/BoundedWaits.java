package dev.prharness.github;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * How long we wait for GitHub's limits before giving up: a secondary ("abuse") limit is waited out for its
 * Retry-After, the primary limit until its reset, each only up to a bound; past it the call fails with a
 * message saying when to try again. Returning normally tells github-api to retry the request.
 */
final class BoundedWaits {

    static final Duration MAX_WAIT = Duration.ofMinutes(2);

    private BoundedWaits() {}

    static GitHubAbuseLimitHandler secondaryLimit() {
        return new GitHubAbuseLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) throws IOException {
                String retryAfter = response.header("Retry-After");
                long seconds = parseSeconds(retryAfter, 60);
                sleepOrFail(Duration.ofSeconds(Math.max(1, seconds)), response, "secondary rate limit");
            }
        };
    }

    static GitHubRateLimitHandler primaryLimit() {
        return new GitHubRateLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) throws IOException {
                long reset = parseSeconds(response.header("X-RateLimit-Reset"), Instant.now().getEpochSecond() + 60);
                Duration wait = Duration.ofSeconds(Math.max(1, reset - Instant.now().getEpochSecond()));
                sleepOrFail(wait, response, "API rate limit");
            }
        };
    }

    private static void sleepOrFail(Duration wait, GitHubConnectorResponse response, String what) throws IOException {
        if (wait.compareTo(MAX_WAIT) > 0) {
            throw new HttpException("GitHub's " + what + " is reached and resets in " + wait.toSeconds()
                    + " s; try again then", response.statusCode(), response.header("Status"),
                    response.request().url().toString());
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for GitHub's " + what, e);
        }
    }

    private static long parseSeconds(String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
