package dev.prharness.app;

import dev.prharness.codehost.CodeHostException;
import dev.prharness.github.GitHubConnection;
import dev.prharness.github.GitHubPullRequests;
import java.security.PrivateKey;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the bot posts as, resolved once per run: the configured login ({@code PR_HARNESS_BOT_LOGIN} or
 * {@code server.bot_login}), else the token's own user ({@code GET /user}), else the App's slug with
 * {@code [bot]} ({@code GET /app}), else {@code github-actions[bot]} for the token of a GitHub Actions run.
 * When none tells, the login is unknown and the bot fails closed: no existing comment counts as its own.
 */
final class BotIdentity {

    private static final Logger LOG = LoggerFactory.getLogger(BotIdentity.class);
    static final String ACTIONS_BOT = "github-actions[bot]";

    private BotIdentity() {}

    static Optional<String> forToken(Optional<String> configured, GitHubPullRequests github, boolean inActions) {
        if (configured.isPresent()) {
            return configured;
        }
        Optional<String> user = github.login();
        if (user.isPresent()) {
            return user;
        }
        if (inActions) {
            return Optional.of(ACTIONS_BOT);
        }
        return unknown("the token cannot read GET /user");
    }

    static Optional<String> forApp(Optional<String> configured, String apiUrl, String appId, PrivateKey key) {
        if (configured.isPresent()) {
            return configured;
        }
        try {
            return Optional.of(GitHubConnection.appLogin(apiUrl, appId, key));
        } catch (CodeHostException e) {
            return unknown("the App could not be read with its JWT (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> unknown(String why) {
        LOG.warn("the bot's own login is unknown: {}. No existing comment counts as the bot's, so it never edits a "
                + "comment and posts a new summary each run; set PR_HARNESS_BOT_LOGIN to the login it posts as", why);
        return Optional.empty();
    }
}
