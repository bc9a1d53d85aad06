package dev.prharness.github;

import dev.prharness.events.EventLog;
import java.io.IOException;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/** Sends GitHub requests and logs each as one event: method, path, status, duration, rate limit left. */
final class LoggingConnector implements GitHubConnector {

    private final GitHubConnector delegate;
    private final String subject;

    LoggingConnector(GitHubConnector delegate, String subject) {
        this.delegate = delegate;
        this.subject = subject;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        long started = System.nanoTime();
        try {
            GitHubConnectorResponse response = delegate.send(request);
            EventLog.emit("github_call", "subject", subject, "method", request.method(), "path", request.url().getPath(),
                    "status", response.statusCode(), "duration_ms", (System.nanoTime() - started) / 1_000_000,
                    "rate_limit_remaining", response.header("X-RateLimit-Remaining"));
            return response;
        } catch (IOException e) {
            EventLog.emit("github_call", "subject", subject, "method", request.method(), "path", request.url().getPath(),
                    "status", -1, "duration_ms", (System.nanoTime() - started) / 1_000_000, "error", e.getMessage());
            throw e;
        }
    }
}
