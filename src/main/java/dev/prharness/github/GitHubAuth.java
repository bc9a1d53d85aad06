package dev.prharness.github;

import java.security.PrivateKey;

/** How pr-harness authenticates to GitHub: a token, or a GitHub App acting for one installation. */
public sealed interface GitHubAuth {

    /** {@code GITHUB_TOKEN}, a personal access token, or an Actions token. */
    record Token(String token) implements GitHubAuth {
        @Override
        public String toString() {
            return "Token(redacted)";
        }
    }

    /** A GitHub App ({@code GITHUB_APP_ID} and its private key) for one installation. */
    record App(String appId, PrivateKey privateKey, long installationId) implements GitHubAuth {
        @Override
        public String toString() {
            return "App(" + appId + ", installation " + installationId + ")";
        }
    }
}
