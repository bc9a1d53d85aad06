package dev.prharness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.store.JobStore;
import dev.prharness.store.StoreException;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.Fixtures;
import dev.prharness.testing.FreezableProxy;
import dev.prharness.testing.Postgres;
import dev.prharness.testing.TestRepo;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL that stops answering (a proxy in front of the real server is frozen): deliveries are answered 503,
 * and so is readiness, quickly enough for GitHub's delivery timeout; the server recovers when it answers again.
 * A database that is not there at start-up is named with the driver's reason.
 */
class StoreOutageTest {

    /** GitHub waits 10 s for an answer; the store's limit (2 s) leaves room for everything else. */
    private static final long GITHUB_TIMEOUT_MILLIS = 10_000;

    @TempDir
    Path dir;

    @Test
    void aStoreThatStopsAnsweringMeans503WellWithinGitHubsTimeout() throws Exception {
        String schema = Postgres.freshSchemaOrSkip();
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write("A.java", "class A {}\n");
        String head = repo.commit("base");
        try (FreezableProxy proxy = new FreezableProxy("127.0.0.1", 5432);
                FakeGitHub github = new FakeGitHub(repo, "acme/widgets").acceptToken("gh-outage")) {
            Map<String, String> env = TestServer.environment(dir, "outage-secret", github, "gh-outage", "");
            env.put("PR_HARNESS_DB", schema.replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port()));
            try (TestServer server = new TestServer(env)) {
                byte[] opened = Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", 7, head, 99));
                assertEquals(202, server.webhooks.deliver("pull_request", "before", opened).statusCode());

                proxy.freeze();
                long started = System.nanoTime();
                int status = server.webhooks.deliver("pull_request", "during", opened).statusCode();
                long deliveryMillis = (System.nanoTime() - started) / 1_000_000;
                started = System.nanoTime();
                int ready = server.webhooks.get("/readyz").statusCode();
                long readyMillis = (System.nanoTime() - started) / 1_000_000;
                System.out.println("store frozen: delivery answered " + status + " in " + deliveryMillis + " ms, /readyz "
                        + ready + " in " + readyMillis + " ms");

                assertEquals(503, status);
                assertTrue(deliveryMillis < GITHUB_TIMEOUT_MILLIS, deliveryMillis + " ms");
                assertEquals(503, ready);
                assertTrue(readyMillis < GITHUB_TIMEOUT_MILLIS, readyMillis + " ms");

                proxy.thaw();
                int after = 0;
                for (int i = 0; i < 20 && after != 202; i++) {
                    after = server.webhooks.deliver("pull_request", "after-" + i, opened).statusCode();
                }
                assertEquals(202, after, "the server recovers when the database answers again");
            }
        }
    }

    @Test
    void aDatabaseThatIsNotThereAtStartUpIsNamedWithTheDriversReason() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        int port = closed;
        StoreException e = assertThrows(StoreException.class, () -> JobStore.open(
                "jdbc:postgresql://127.0.0.1:" + port + "/prharness?user=app&password=hunter22", Clock.systemUTC()));

        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("refused"), e.getMessage());
        assertTrue(!e.getMessage().contains("hunter22"), "no password in the message: " + e.getMessage());
    }
}
