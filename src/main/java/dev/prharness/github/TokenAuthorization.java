package dev.prharness.github;

import org.kohsuke.github.authorization.AuthorizationProvider;

/**
 * A fixed token ({@code GITHUB_TOKEN}, a PAT, an Actions token). Unlike the library's own token provider it
 * does not look up the token's user first, a call that installation and Actions tokens answer with 403.
 */
final class TokenAuthorization implements AuthorizationProvider {

    private final String header;

    TokenAuthorization(String token) {
        this.header = "Bearer " + token;
    }

    @Override
    public String getEncodedAuthorization() {
        return header;
    }

    @Override
    public String toString() {
        return "TokenAuthorization(redacted)";
    }
}
