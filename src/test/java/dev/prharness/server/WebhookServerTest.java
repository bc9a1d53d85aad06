package dev.prharness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prharness.lint.LintEngine;
import dev.prharness.pipeline.LinterReview;
import dev.prharness.pipeline.ReviewPipeline;
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
import java.util.Map;
import java.util.Optional;
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

        ReviewPipeline pipeline = new ReviewPipeline(new LinterReview(new LintEngine()), Optional.empty());
        server = new TestServer(dir, SECRET, Map.of(WebhookRouter.REVIEW, new ReviewJobHandler(
                GitHubAccess.withToken(github.apiUrl(), TOKEN), pipeline, Optional.of("pr-harness-bot"))), Optional.empty());
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
    void installationEventsAreRecorded() {
        var response = webhooks.deliver("installation", Fixtures.bytes(Fixtures.load("installation/created")));
        assertEquals(202, response.statusCode());
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
        assertTrue(metricsText.contains("prharness_github_rate_limit_remaining"), metricsText);
    }
}
