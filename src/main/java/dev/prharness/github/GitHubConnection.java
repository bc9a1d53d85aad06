package dev.prharness.github;

import java.io.IOException;
import java.time.Clock;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.authorization.AuthorizationProvider;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;

/**
 * One authenticated connection to a GitHub API root (github.com or Enterprise Server): the github-api
 * client with bounded waits for rate limits, every call logged, and the raw connector and credentials for
 * the one request the library cannot make (review comments on the LEFT side).
 */
public final class GitHubConnection {

    public static final String DEFAULT_API_URL = "https://api.github.com";

    private final GitHub gitHub;
    private final String apiUrl;
    private final GitHubConnector connector;
    private final AuthorizationProvider authorization;

    private GitHubConnection(GitHub gitHub, String apiUrl, GitHubConnector connector, AuthorizationProvider authorization) {
        this.gitHub = gitHub;
        this.apiUrl = apiUrl;
        this.connector = connector;
        this.authorization = authorization;
    }

    public static GitHubConnection open(String apiUrl, GitHubAuth auth, String subject) {
        String root = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        GitHubConnector connector = new LoggingConnector(GitHubConnector.DEFAULT, subject);
        AuthorizationProvider authorization = switch (auth) {
            case GitHubAuth.Token token -> new TokenAuthorization(token.token());
            case GitHubAuth.App app -> new InstallationTokens(new JWTTokenProvider(app.appId(), app.privateKey()),
                    app.installationId(), Clock.systemUTC());
        };
        try {
            GitHub gitHub = new GitHubBuilder()
                    .withEndpoint(root)
                    .withConnector(connector)
                    .withAuthorizationProvider(authorization)
                    .withAbuseLimitHandler(BoundedWaits.secondaryLimit())
                    .withRateLimitHandler(BoundedWaits.primaryLimit())
                    .build();
            return new GitHubConnection(gitHub, root, connector, authorization);
        } catch (IOException e) {
            throw new GitHubException("cannot set up a GitHub client for " + root + ": " + e.getMessage(), -1, e);
        }
    }

    /** The bot login of a GitHub App ({@code slug[bot]}), asked of GitHub with the App's JWT. */
    public static String appLogin(String apiUrl, String appId, java.security.PrivateKey key) {
        GitHubConnection jwtOnly = open(apiUrl, new GitHubAuth.App(appId, key, 0), "app " + appId);
        return jwtOnly.login().orElseThrow(() -> new GitHubException("cannot read the GitHub App " + appId
                + " with its JWT; check GITHUB_APP_ID and the private key", 401, null));
    }

    GitHub gitHub() {
        return gitHub;
    }

    String apiUrl() {
        return apiUrl;
    }

    GitHubConnector connector() {
        return connector;
    }

    String authorizationHeader() throws IOException {
        return authorization.getEncodedAuthorization();
    }

    /** The login this connection acts as, when GitHub can tell: an App's bot user, or a token's owner. */
    java.util.Optional<String> login() {
        try {
            if (authorization instanceof InstallationTokens tokens) {
                return java.util.Optional.of(tokens.appSlug() + "[bot]");
            }
            return java.util.Optional.ofNullable(gitHub.getMyself().getLogin());
        } catch (IOException e) {
            // Installation and Actions tokens may not read /user: the caller falls back to a configured login.
            return java.util.Optional.empty();
        }
    }

    /**
     * Runs a GitHub operation; a 401 with App credentials drops the installation token and tries once more.
     * Failures become {@link GitHubException} naming {@code what} and the fix.
     */
    <T> T call(String what, GitHubOperation<T> operation) {
        try {
            try {
                return operation.run();
            } catch (HttpException e) {
                if (e.getResponseCode() == 401 && authorization instanceof InstallationTokens tokens) {
                    tokens.invalidate();
                    return operation.run();
                }
                throw e;
            }
        } catch (HttpException e) {
            throw new GitHubException(describe(what, e.getResponseCode(), e.getMessage()), e.getResponseCode(), e);
        } catch (org.kohsuke.github.GHFileNotFoundException e) {
            throw new GitHubException(describe(what, 404, e.getMessage()), 404, e);
        } catch (IOException e) {
            throw new GitHubException(what + ": cannot reach GitHub at " + apiUrl + " (" + e.getMessage()
                    + "); check GITHUB_API_URL and the network", -1, e);
        }
    }

    private String describe(String what, int status, String detail) {
        String brief = detail == null ? "" : detail.lines().findFirst().orElse("");
        if (brief.length() > 300) {
            brief = brief.substring(0, 300) + "…";
        }
        if (status < 100) {
            return what + ": cannot reach GitHub at " + apiUrl + " (" + brief + "); check GITHUB_API_URL and the network";
        }
        return switch (status) {
            case 401 -> what + ": GitHub rejected the credentials (HTTP 401); check GITHUB_TOKEN or the App's id and key";
            case 403 -> what + ": GitHub refused (HTTP 403: " + brief + "); the token may lack permission "
                    + "(pull requests and issues: write) or be read-only, as for fork pull requests";
            case 404 -> what + ": not found (HTTP 404); check the repository and number, and that the token can see it";
            case 422 -> what + ": GitHub rejected the request (HTTP 422: " + brief + ")";
            default -> what + ": GitHub answered HTTP " + status + " (" + brief + ")";
        };
    }

    /** A call to GitHub through the library. */
    @FunctionalInterface
    interface GitHubOperation<T> {
        T run() throws IOException;
    }
}
