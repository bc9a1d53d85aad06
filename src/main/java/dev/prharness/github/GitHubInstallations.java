package dev.prharness.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.prharness.github.GitHubAuth;
import dev.prharness.github.GitHubConnection;
import java.security.PrivateKey;
import java.time.Duration;

/**
 * GitHub connections for jobs: as the App, one per installation (kept, so installation tokens are reused
 * until they near expiry), or with one token for every job.
 */
public final class GitHubAccess {

    private final String apiUrl;
    private final String appId;
    private final PrivateKey appKey;
    private final String token;
    private final Cache<Long, GitHubConnection> connections =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(50)).maximumSize(10_000).build();

    private GitHubAccess(String apiUrl, String appId, PrivateKey appKey, String token) {
        this.apiUrl = apiUrl;
        this.appId = appId;
        this.appKey = appKey;
        this.token = token;
    }

    public static GitHubAccess asApp(String apiUrl, String appId, PrivateKey key) {
        return new GitHubAccess(apiUrl, appId, key, null);
    }

    public static GitHubAccess withToken(String apiUrl, String token) {
        return new GitHubAccess(apiUrl, null, null, token);
    }

    public GitHubConnection forInstallation(long installationId) {
        return connections.get(installationId, id -> GitHubConnection.open(apiUrl,
                token != null ? new GitHubAuth.Token(token) : new GitHubAuth.App(appId, appKey, id), "installation " + id));
    }
}
