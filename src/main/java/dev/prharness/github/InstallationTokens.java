package dev.prharness.github;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.kohsuke.github.GHAppInstallationToken;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.authorization.AuthorizationProvider;

/**
 * Installation access tokens of one GitHub App installation: created with the App's JWT, kept until five
 * minutes before they expire (they live an hour), and dropped on demand when GitHub answers 401, so the
 * next call creates a fresh one.
 */
final class InstallationTokens extends GitHub.DependentAuthorizationProvider {

    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final long installationId;
    private final Clock clock;
    private String header;
    private Instant refreshAt = Instant.MIN;

    InstallationTokens(AuthorizationProvider appJwt, long installationId, Clock clock) {
        super(appJwt);
        this.installationId = installationId;
        this.clock = clock;
    }

    @Override
    public synchronized String getEncodedAuthorization() throws IOException {
        if (header == null || !clock.instant().isBefore(refreshAt)) {
            GHAppInstallationToken token = gitHub().getApp().getInstallationById(installationId).createToken().create();
            header = "token " + token.getToken();
            Instant expires = token.getExpiresAt() == null ? clock.instant().plus(Duration.ofHours(1))
                    : token.getExpiresAt().toInstant();
            refreshAt = expires.minus(REFRESH_MARGIN);
        }
        return header;
    }

    /** The App's slug; its bot user is {@code slug[bot]}. */
    String appSlug() throws IOException {
        return gitHub().getApp().getSlug();
    }

    /** Forgets the current token: the next call creates a new one. */
    synchronized void invalidate() {
        header = null;
    }
}
