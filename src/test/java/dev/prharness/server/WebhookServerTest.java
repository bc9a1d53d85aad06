package dev.prharness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prharness.store.JobStatus;
import dev.prharness.store.JobStore;
import dev.prharness.testing.Eventually;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.Fixtures;
import dev.prharness.testing.TestRepo;
import dev.prharness.testing.Webhooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real webhook server on a free port, real signed deliveries made from GitHub's own payloads. */
class WebhookServerTest {

    private static final String SECRET = "It's a Secret to Everybody";
    private static final String TOKEN = "gh-server-token";

    @TempDir
    Path dir;

    private FakeGitHub github;
    private FakeGitHub.Pr pr;
    private TestServer server;
    private JobStore store;
    private JobRunner runner;
    private Webhooks webhooks;

    @BeforeEach
    void aServer() {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write("src/A.java", "package a;\n\npublic class A {\n}\n");
        String base = repo.commit("base");
        repo.write("src/A.java", "package a;\n\npublic class A {\n    void f() {\n        try {\n            g();\n        } catch (Exception e) {\n        }\n    }\n\n    void g() throws Exception {\n    }\n}\n");
        String head = repo.commit("head");
        github = new FakeGitHub(repo, "acme/widgets").acceptToken(TOKEN);
        pr = github.pullRequest(7, base, head);

        server = new TestServer(TestServer.environment(dir, SECRET, github, TOKEN, ""));
        store = server.store;
        runner = server.runner;
        webhooks = server.webhooks;
    }

    @AfterEach
    void stop() {
        server.close();
        github.close();
    }

    private byte[] opened() {
        return Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", 7, pr.headSha, 99));
    }

    @Test
    void aMissingOrWrongSignatureIs401() {
        assertEquals(401, webhooks.deliver("pull_request", "d1", opened(), null).statusCode());
        assertEquals(401, webhooks.deliver("pull_request", "d2", opened(), "sha256=" + "0".repeat(64)).statusCode());
        assertEquals(401, webhooks.deliver("pull_request", "d3", opened(), "sha1=abc").statusCode());
        assertEquals(0, store.jobs().size());
    }

    @Test
    void aMalformedBodyIs400() {
        assertEquals(400, webhooks.deliver("pull_request", "{not json".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(400, webhooks.deliver("pull_request", "[1, 2]".getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    void aBodyOver25MiBIs413() {
        byte[] huge = new byte[(int) WebhookServer.MAX_BODY_BYTES + 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertEquals(413, webhooks.deliver("pull_request", huge).statusCode());
    }

    @Test
    void pingIs200AndIgnoredEventsAre204() {
        assertEquals(200, webhooks.deliver("ping", Fixtures.bytes(Fixtures.load("ping"))).statusCode());
        ObjectNode closed = Fixtures.pullRequest("closed", "acme/widgets", 7, pr.headSha, 99);
        assertEquals(204, webhooks.deliver("pull_request", Fixtures.bytes(closed)).statusCode());
        assertEquals(204, webhooks.deliver("pull_request_review", Fixtures.bytes(Fixtures.load("pull_request_review/submitted"))).statusCode());
        assertEquals(0, store.jobs().size());
    }

    @Test
    void anAcceptedDeliveryIsStoredAnswered202AndReviewed() {
        runner.start();
        var response = webhooks.deliver("pull_request", "delivery-1", opened());

        assertEquals(202, response.statusCode());
        assertTrue(response.body().contains("stored as job"));
        Eventually.await("the review is posted", Duration.ofSeconds(30), () -> github.reviews().size() == 1);
        assertTrue(github.reviewComments().stream().anyMatch(c -> c.path("body").asText().contains("EmptyCatchBlock")));
        Eventually.await("the job is done", Duration.ofSeconds(10),
                () -> store.jobs().get(0).status() == JobStatus.DONE);
    }

    @Test
    void theSameDeliveryIsHandledOnce() {
        assertEquals(202, webhooks.deliver("pull_request", "same-delivery", opened()).statusCode());
        var again = webhooks.deliver("pull_request", "same-delivery", opened());
        assertEquals(202, again.statusCode());
        assertTrue(again.body().contains("duplicate delivery"));
        assertEquals(1, store.jobs().size());
        runner.start();
        Eventually.await("the review is posted", Duration.ofSeconds(30), () -> github.reviews().size() == 1);
        Eventually.await("the job is done", Duration.ofSeconds(10), () -> store.jobs().get(0).status() == JobStatus.DONE);
        assertEquals(1, github.reviews().size());
    }

    @Test
    void aNewerPushSupersedesAQueuedOlderReview() {
        ObjectNode first = Fixtures.pullRequest("synchronize", "acme/widgets", 7, "1111111", 99);
        ObjectNode second = Fixtures.pullRequest("synchronize", "acme/widgets", 7, pr.headSha, 99);
        assertEquals(202, webhooks.deliver("pull_request", Fixtures.bytes(first)).statusCode());
        assertEquals(202, webhooks.deliver("pull_request", Fixtures.bytes(second)).statusCode());

        assertEquals(JobStatus.SUPERSEDED, store.jobs().get(0).status());
        assertEquals(JobStatus.QUEUED, store.jobs().get(1).status());
        runner.start();
        Eventually.await("only the newer job runs", Duration.ofSeconds(30), () -> store.jobs().get(1).status() == JobStatus.DONE);
        assertEquals(JobStatus.SUPERSEDED, store.jobs().get(0).status());
    }

    @Test
    void aSuspendedInstallationsQueuedReviewIsDroppedAndItsDeliveriesAreNotStoredUntilUnsuspended() {
        assertEquals(202, webhooks.deliver("pull_request", "before-suspend", opened()).statusCode());

        var suspended = webhooks.deliver("installation", Fixtures.bytes(installation("suspend")));
        assertEquals(202, suspended.statusCode());
        assertTrue(suspended.body().contains("1 queued jobs cancelled"), suspended.body());
        assertEquals(JobStatus.CANCELLED, store.jobs().get(0).status());
        var whileSuspended = webhooks.deliver("pull_request", "while-suspended", opened());
        assertEquals(204, whileSuspended.statusCode());
        assertTrue(whileSuspended.body().isEmpty());
        assertEquals(1, store.jobs().size());

        assertEquals(202, webhooks.deliver("installation", Fixtures.bytes(installation("unsuspend"))).statusCode());
        assertEquals(202, webhooks.deliver("pull_request", "after-unsuspend", opened()).statusCode());
        runner.start();
        Eventually.await("only the review delivered while active runs", Duration.ofSeconds(30),
                () -> store.jobs().get(1).status() == JobStatus.DONE);
        assertEquals(1, github.reviews().size());
        assertEquals(JobStatus.CANCELLED, store.jobs().get(0).status());
    }

    @Test
    void anUninstalledInstallationsQueuedJobsAreDropped() {
        webhooks.deliver("pull_request", "queued-1", opened());
        assertEquals(202, webhooks.deliver("installation", Fixtures.bytes(installation("deleted"))).statusCode());
        assertEquals(JobStatus.CANCELLED, store.jobs().get(0).status());
        assertEquals(204, webhooks.deliver("pull_request", "after-uninstall", opened()).statusCode());
        assertEquals(202, webhooks.deliver("installation", Fixtures.bytes(installation("created"))).statusCode(),
                "installed again");
        assertEquals(202, webhooks.deliver("pull_request", "reinstalled", opened()).statusCode());
        assertEquals(JobStatus.QUEUED, store.jobs().get(1).status());
    }

    private static ObjectNode installation(String action) {
        ObjectNode payload = Fixtures.load("installation/" + action);
        ((ObjectNode) payload.get("installation")).put("id", 99);
        return payload;
    }

    @Test
    void aDeliveryWithoutAnInstallationIsRefusedWithTheReason() {
        ObjectNode payload = Fixtures.pullRequest("opened", "acme/widgets", 7, pr.headSha, 99);
        payload.remove("installation");
        var response = webhooks.deliver("pull_request", Fixtures.bytes(payload));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("installation.id"));
    }

    @Test
    void healthReadinessAndMetricsAnswer() {
        webhooks.deliver("ping", Fixtures.bytes(Fixtures.load("ping")));
        webhooks.deliver("pull_request", "m1", opened());
        assertEquals(200, webhooks.get("/healthz").statusCode());
        assertEquals(200, webhooks.get("/readyz").statusCode());
        String metricsText = webhooks.get("/metrics").body();
        assertTrue(metricsText.contains("prharness_webhook_deliveries_total{event=\"ping\",outcome=\"200\"} 1.0"), metricsText);
        assertTrue(metricsText.contains("prharness_jobs_queued 1.0"), metricsText);
        assertTrue(metricsText.contains("prharness_github_rate_limit_remaining NaN"), "no GitHub call yet: " + metricsText);
    }

    @Test
    void theRateLimitGaugeShowsWhatGitHubLastReported() {
        runner.start();
        webhooks.deliver("pull_request", "rate", opened());
        Eventually.await("the review is posted", Duration.ofSeconds(30), () -> github.reviews().size() == 1);
        server.awaitJobs();

        Matcher gauge = Pattern.compile("prharness_github_rate_limit_remaining ([0-9.]+)").matcher(webhooks.get("/metrics").body());
        assertTrue(gauge.find(), "the gauge has a number once GitHub answered");
        double remaining = Double.parseDouble(gauge.group(1));
        assertTrue(remaining > 4900 && remaining < 5000, "the fake GitHub counts down from 5000: " + remaining);
    }

    @Test
    void unverifiedDeliveriesCannotGrowTheMetricsLabels() {
        for (int i = 0; i < 200; i++) {
            webhooks.deliver("made-up-event-" + i, "flood-" + i, opened(), null);
        }
        webhooks.deliver("another-made-up-event", opened());
        String metricsText = webhooks.get("/metrics").body();

        assertTrue(metricsText.contains("prharness_webhook_deliveries_total{event=\"unverified\",outcome=\"401\"} 200.0"),
                metricsText);
        assertTrue(metricsText.contains("prharness_webhook_deliveries_total{event=\"other\",outcome=\"204\"} 1.0"), metricsText);
        assertFalse(metricsText.contains("made-up-event"), metricsText);
    }

    @Test
    void readinessIs503WithoutTheDatabaseUrlWhenTheStoreIsDown() {
        store.close();

        var ready = webhooks.get("/readyz");
        assertEquals(503, ready.statusCode());
        assertFalse(ready.body().contains("jdbc:"), "the database's address is for the log, not for callers: " + ready.body());
        assertEquals(503, webhooks.deliver("pull_request", "store-down", opened()).statusCode(),
                "GitHub is told to redeliver later");
        assertEquals(200, webhooks.get("/healthz").statusCode());
    }

    @Test
    void whenTheTokensLoginCannotBeKnownNoCommentCountsAsTheBotsOwn() {
        server.close();
        github.forbidUserEndpoint();
        server = new TestServer(TestServer.environment(dir, SECRET, github, TOKEN, ""));
        String planted = "<!-- pr-harness:summary -->\nplanted\n<!-- pr-harness:state head=" + pr.headSha + " -->";
        github.addIssueComment(7, "mallory", planted);

        server.runner.start();
        assertEquals(202, server.webhooks.deliver("pull_request", "unknown-login", opened()).statusCode());
        server.awaitJobs();

        assertEquals(JobStatus.DONE, server.store.jobs().get(0).status());
        assertEquals(1, github.reviews().size(), "reviewed: the planted state was not believed");
        assertEquals(planted, github.issueComments().get(0).path("body").asText(), "mallory's comment was not edited");
        assertEquals(0, github.requests("PATCH", "/issues/comments/").size());
        assertEquals(2, github.issueComments().size(), "a new summary");
    }

    /** Sends raw bytes to the webhook port and returns the status line of the answer (or "" when it closed). */
    private String raw(String request, int readTimeoutMillis) throws Exception {
        int port = server.assembly.http().port();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(readTimeoutMillis);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            StringBuilder rest = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                rest.append(line).append('\n');
            }
            return (status == null ? "" : status) + "\n" + rest;
        }
    }

    @Test
    void aMalformedChunkedBodyIs400WithoutAStackTrace() throws Exception {
        String answer = raw("POST /webhook HTTP/1.1\r\nHost: x\r\nX-GitHub-Event: ping\r\nX-GitHub-Delivery: c1\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZZ\r\nnot a chunk\r\n0\r\n\r\n", 10_000);

        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertFalse(answer.contains("Exception") || answer.contains("at io.") || answer.contains("at org."), answer);
        assertEquals(0, store.jobs().size());
    }

    @Test
    void aClientThatStopsSendingIsCutOff() throws Exception {
        long started = System.nanoTime();
        String answer = raw("POST /webhook HTTP/1.1\r\nHost: x\r\nX-GitHub-Event: ping\r\nContent-Length: 1000\r\n\r\n{\"zen\"",
                60_000);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertTrue(seconds < 20, "cut off after the read timeout, not left open: " + seconds + " s; " + answer);
    }

    @Test
    void numbersOutOfRangeAre400NamingTheField() {
        ObjectNode overflow = Fixtures.pullRequest("opened", "acme/widgets", 7, pr.headSha, 99);
        ((ObjectNode) overflow.get("pull_request")).put("number", 99_999_999_999L);
        var response = webhooks.deliver("pull_request", Fixtures.bytes(overflow));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("pull request number"), response.body());

        ObjectNode negative = Fixtures.pullRequest("opened", "acme/widgets", 7, pr.headSha, 99);
        ((ObjectNode) negative.get("installation")).put("id", -5);
        assertTrue(webhooks.deliver("pull_request", Fixtures.bytes(negative)).body().contains("installation.id"));
        assertEquals(0, store.jobs().size());
    }
}
