package dev.prharness.github;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.CodeHosts;
import java.security.PrivateKey;
import java.time.Duration;

/**
 * GitHub for the server's jobs: as the App, one connection per installation (kept, so installation tokens are
 * reused until they near expiry), or with one token for every installation.
 */
public final class GitHubInstallations implements CodeHosts {

    private final String apiUrl;
    private final String appId;
    private final PrivateKey appKey;
    private final String token;
    private final Cache<Long, GitHubPullRequests> hosts =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(50)).maximumSize(10_000).build();

    private GitHubInstallations(String apiUrl, String appId, PrivateKey appKey, String token) {
        this.apiUrl = apiUrl;
        this.appId = appId;
        this.appKey = appKey;
        this.token = token;
    }

    public static GitHubInstallations asApp(String apiUrl, String appId, PrivateKey key) {
        return new GitHubInstallations(apiUrl, appId, key, null);
    }

    public static GitHubInstallations withToken(String apiUrl, String token) {
        return new GitHubInstallations(apiUrl, null, null, token);
    }

    @Override
    public CodeHost forInstallation(long installationId) {
        return hosts.get(installationId, id -> new GitHubPullRequests(GitHubConnection.open(apiUrl,
                token != null ? new GitHubAuth.Token(token) : new GitHubAuth.App(appId, appKey, id), "installation " + id)));
    }
}
