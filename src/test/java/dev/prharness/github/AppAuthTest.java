package dev.prharness.github;

import dev.prharness.codehost.PullRequest;
import dev.prharness.codehost.PullRequestRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.TestRepo;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub App authentication: the key as GitHub issues it, installation tokens, refresh, and a 401. */
class AppAuthTest {

    @TempDir
    Path dir;

    private FakeGitHub github;
    private static KeyPair keys;

    @BeforeEach
    void aRepositoryWithAPullRequest() throws Exception {
        if (keys == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        }
        TestRepo repo = TestRepo.init(dir);
        repo.write("A.java", "class A {}\n");
        String base = repo.commit("base");
        repo.write("A.java", "class A { int x; }\n");
        String head = repo.commit("head");
        github = new FakeGitHub(repo, "acme/widgets");
        github.pullRequest(7, base, head);
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void aPkcs1KeyAsGitHubIssuesItIsRead() {
        String pkcs1 = pem("RSA PRIVATE KEY", pkcs1Of(keys.getPrivate().getEncoded()));
        RSAPrivateCrtKey parsed = (RSAPrivateCrtKey) AppPrivateKey.parse(pkcs1);
        assertEquals(((RSAPrivateCrtKey) keys.getPrivate()).getModulus(), parsed.getModulus());
        String pkcs8 = pem("PRIVATE KEY", keys.getPrivate().getEncoded());
        assertEquals(parsed.getPrivateExponent(), ((RSAPrivateCrtKey) AppPrivateKey.parse(pkcs8)).getPrivateExponent());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AppPrivateKey.parse("not a key"));
        assertTrue(e.getMessage().contains("BEGIN RSA PRIVATE KEY"));
    }

    @Test
    void installationTokensAreCreatedWithTheJwtAndRefreshedBeforeTheyExpire() {
        github.installationTokenLife(Duration.ofMinutes(4));
        GitHubPullRequests pulls = new GitHubPullRequests(connection());

        pulls.read(new PullRequestRef("acme", "widgets", 7));
        int afterFirst = github.issuedInstallationTokens().size();
        pulls.read(new PullRequestRef("acme", "widgets", 7));

        assertTrue(afterFirst >= 1);
        assertTrue(github.issuedInstallationTokens().size() > afterFirst,
                "a token within five minutes of expiry is replaced before use");
        assertTrue(github.requests("POST", "/app/installations/99/access_tokens").stream()
                .allMatch(r -> r.authorization().startsWith("Bearer ey")), "tokens are created with the App's JWT");
    }

    @Test
    void aLongLivedTokenIsReused() {
        GitHubPullRequests pulls = new GitHubPullRequests(connection());
        pulls.read(new PullRequestRef("acme", "widgets", 7));
        pulls.read(new PullRequestRef("acme", "widgets", 7));
        assertEquals(1, github.issuedInstallationTokens().size());
    }

    @Test
    void aTokenGitHubNoLongerAcceptsIsReplacedOnceOn401() {
        AtomicBoolean refused = new AtomicBoolean();
        github.intercept(r -> r.path().endsWith("/pulls/7") && r.authorization() != null
                && r.authorization().startsWith("token ") && refused.compareAndSet(false, true)
                ? Optional.of(FakeGitHub.json(401, new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                        .put("message", "Bad credentials")))
                : Optional.empty());

        PullRequest pr = new GitHubPullRequests(connection()).read(new PullRequestRef("acme", "widgets", 7));

        assertEquals(7, pr.ref().number());
        assertEquals(2, github.issuedInstallationTokens().size(), "a fresh token after the 401");
    }

    @Test
    void theAppsBotLoginIsItsSlug() {
        assertEquals(Optional.of("pr-harness[bot]"), connection().login());
    }

    private GitHubConnection connection() {
        String pem = pem("RSA PRIVATE KEY", pkcs1Of(keys.getPrivate().getEncoded()));
        return GitHubConnection.open(github.apiUrl(), new GitHubAuth.App("42", AppPrivateKey.parse(pem), 99), "test");
    }

    /** The PKCS#1 key inside a PKCS#8 encoding: the last OCTET STRING of the structure. */
    private static byte[] pkcs1Of(byte[] pkcs8) {
        // SEQUENCE { INTEGER 0, AlgorithmIdentifier (15 bytes), OCTET STRING { pkcs1 } }; 2048-bit keys use long lengths.
        int offset = 4 + 3 + 15;
        int lengthBytes = pkcs8[offset + 1] & 0x7f;
        return Arrays.copyOfRange(pkcs8, offset + 2 + lengthBytes, pkcs8.length);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
