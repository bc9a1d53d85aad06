package dev.prharness.server;

import static dev.prharness.testing.FakeOpenAi.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.store.JobStatus;
import dev.prharness.store.JobStore;
import dev.prharness.testing.Eventually;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.FakeOpenAi;
import dev.prharness.testing.Fixtures;
import dev.prharness.testing.TestRepo;
import dev.prharness.testing.Webhooks;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pr-harness serve} as a real process, killed with SIGKILL in the middle of a job and started again:
 * the stored job runs again to completion and no comment is posted twice.
 */
class ServerCrashTest {

    private static final String SECRET = "crash-test-secret";
    private static final String SERVICE = "src/main/java/demo/Service.java";

    @TempDir
    Path dir;

    private final CountDownLatch release = new CountDownLatch(1);
    private Process server;
    private FakeGitHub github;
    private FakeOpenAi openAi;
    private String head;

    @AfterEach
    void cleanUp() {
        release.countDown();
        if (server != null) {
            server.destroyForcibly();
        }
        if (github != null) {
            github.close();
        }
        if (openAi != null) {
            openAi.close();
        }
    }

    private void aPullRequestAndAModel() {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write(SERVICE, "package demo;\n\npublic class Service {\n}\n");
        String base = repo.commit("base");
        repo.write(SERVICE, "package demo;\n\npublic class Service {\n    void load() {\n        try {\n            Thread.sleep(1);\n"
                + "        } catch (InterruptedException e) {\n        }\n    }\n}\n");
        head = repo.commit("head");
        github = new FakeGitHub(repo, "acme/widgets").botLogin("pr-harness[bot]");
        github.pullRequest(7, base, head);
        openAi = new FakeOpenAi().otherwise(request -> request.model().equals("cheap")
                ? openAi.text("cheap", "- adds load()")
                : FakeOpenAi.error(500, "no answer scripted"));
    }

    private void scriptTheReview() {
        openAi.script("strong",
                openAi.toolCalls("strong", call("add_review_comment", "{\"path\": \"" + SERVICE
                        + "\", \"line\": 6, \"severity\": \"warning\", \"body\": \"Sleeping in load() blocks the caller.\"}")),
                openAi.toolCalls("strong", call("submit_review", "{\"summary\": \"One blocking call.\"}")));
    }

    @Test
    void aJobInterruptedWhileTheModelThinksIsCompletedAfterRestart() throws Exception {
        aPullRequestAndAModel();
        CountDownLatch modelReached = new CountDownLatch(1);
        openAi.otherwise(request -> {
            if (request.model().equals("cheap")) {
                return openAi.text("cheap", "- adds load()");
            }
            modelReached.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeOpenAi.error(500, "the server that asked is gone");
        });
        Path db = dir.resolve("jobs.db");
        int port = freePort();
        Webhooks webhooks = startAndDeliver(db, port);
        assertTrue(modelReached.await(60, TimeUnit.SECONDS), "the job reached the model");

        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, github.reviews().size(), "nothing was posted before the kill");

        openAi.otherwise(request -> request.model().equals("cheap") ? openAi.text("cheap", "- adds load()")
                : FakeOpenAi.error(500, "no answer scripted"));
        scriptTheReview();
        server = start(db, port);
        awaitCompletedOnce(db, webhooks);
    }

    @Test
    void aJobKilledAfterItsReviewWasPostedPostsNothingTwiceAfterRestart() throws Exception {
        aPullRequestAndAModel();
        scriptTheReview();
        // GitHub has the review; the server never hears back and never marks the job done.
        CountDownLatch reviewPosted = holdTheAnswerTo(request -> request.method().equals("POST")
                && request.path().endsWith("/pulls/7/reviews"));
        Path db = dir.resolve("jobs.db");
        int port = freePort();
        Webhooks webhooks = startAndDeliver(db, port);
        assertTrue(reviewPosted.await(60, TimeUnit.SECONDS), "the review reached GitHub");

        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertEquals(1, github.reviews().size(), "the review was posted before the kill");
        assertEquals(JobStatus.RUNNING, jobStatus(db), "the job was not marked done before the kill");
        assertEquals(0, github.issueComments().size(), "the summary was not written before the kill");
        github.beforeAnswer(request -> { });
        release.countDown();

        scriptTheReview();
        server = start(db, port);
        awaitCompletedOnce(db, webhooks);
    }

    @Test
    void anAnswerPostedJustBeforeAKillIsNotPostedAgainAfterRestart() throws Exception {
        aPullRequestAndAModel();
        github.permission("maintainer", "write");
        openAi.otherwise(request -> request.model().equals("cheap") ? openAi.text("cheap", "- adds load()")
                : openAi.text("strong", "It sleeps on the caller's thread."));
        CountDownLatch replyPosted = holdTheAnswerTo(request -> request.method().equals("POST")
                && request.path().endsWith("/issues/7/comments") && request.body().contains("sleeps on the caller"));
        Path db = dir.resolve("jobs.db");
        int port = freePort();
        server = start(db, port);
        Webhooks webhooks = new Webhooks("http://127.0.0.1:" + port, SECRET);
        Eventually.await("the server is up", Duration.ofSeconds(60), () -> healthy(webhooks));
        assertEquals(202, webhooks.deliver("issue_comment", "ask-delivery", Fixtures.bytes(Fixtures.comment("created",
                "acme/widgets", 7, "/ask what does load() do?", "maintainer", "User", 99))).statusCode());
        assertTrue(replyPosted.await(60, TimeUnit.SECONDS), "the answer reached GitHub");

        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertEquals(JobStatus.RUNNING, jobStatus(db), "the job was not marked done before the kill");
        github.beforeAnswer(request -> { });
        release.countDown();

        server = start(db, port);
        Eventually.await("the job is run again and marked done", Duration.ofSeconds(90), () -> jobStatus(db) == JobStatus.DONE);
        assertEquals(1, github.issueComments().stream().filter(c -> c.path("body").asText().contains("sleeps on the caller"))
                .count(), "answered once");
    }

    /**
     * The fake GitHub takes the first request that {@code which} picks, and holds its answer until the test
     * releases it: the server has done the write but never hears back. The latch opens when that happens.
     */
    private CountDownLatch holdTheAnswerTo(java.util.function.Predicate<FakeGitHub.Recorded> which) {
        CountDownLatch reached = new CountDownLatch(1);
        github.beforeAnswer(request -> {
            if (which.test(request)) {
                reached.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        return reached;
    }

    private Webhooks startAndDeliver(Path db, int port) throws IOException {
        server = start(db, port);
        Webhooks webhooks = new Webhooks("http://127.0.0.1:" + port, SECRET);
        Eventually.await("the server is up", Duration.ofSeconds(60), () -> healthy(webhooks));
        var accepted = webhooks.deliver("pull_request", "crash-delivery",
                Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", 7, head, 99)));
        assertEquals(202, accepted.statusCode());
        return webhooks;
    }

    /** After the restart: the job runs again once its lease ran out, and every finding is on the PR exactly once. */
    private void awaitCompletedOnce(Path db, Webhooks webhooks) {
        Eventually.await("the job is run again after its lease ran out, and the summary is written", Duration.ofSeconds(90),
                () -> github.issueComments().size() == 1);
        Eventually.await("the job is marked done", Duration.ofSeconds(30), () -> jobStatus(db) == JobStatus.DONE);
        assertEquals(200, webhooks.get("/healthz").statusCode());
        List<String> bodies = new ArrayList<>(github.reviewComments().stream().map(c -> c.path("body").asText()).toList());
        github.reviews().forEach(r -> bodies.add(r.path("body").asText()));
        Set<String> fingerprints = new HashSet<>();
        Matcher m = Pattern.compile("<!-- pr-harness:([0-9a-f]{16}) -->").matcher(String.join("\n", bodies));
        while (m.find()) {
            assertTrue(fingerprints.add(m.group(1)), "comment posted twice: " + m.group(1));
        }
        assertTrue(bodies.stream().anyMatch(b -> b.contains("Sleeping in load()")), bodies.toString());
        assertTrue(bodies.stream().anyMatch(b -> b.contains("EmptyCatchBlock")), bodies.toString());
        assertEquals(1, github.reviews().size());
        assertEquals(1, github.issueComments().size(), "one summary comment");
    }

    private Process start(Path db, int port) throws IOException {
        Path config = dir.resolve("server.yml");
        Files.writeString(config, """
                server: {lease_seconds: 3, poll_millis: 100, concurrency: 2, retry_backoff_seconds: 1}
                models: {max_retries: 0}
                """);
        String pem = pemOfNewKey();
        Map<String, String> env = new HashMap<>(Map.of(
                "GITHUB_WEBHOOK_SECRET", SECRET,
                "GITHUB_APP_ID", "42",
                "GITHUB_APP_PRIVATE_KEY", pem,
                "GITHUB_API_URL", github.apiUrl(),
                "OPENAI_API_KEY", "sk-crash-test",
                "OPENAI_BASE_URL", openAi.baseUrl(),
                "PR_HARNESS_MODEL", "strong",
                "PR_HARNESS_CHEAP_MODEL", "cheap",
                "PR_HARNESS_DB", "jdbc:sqlite:" + db,
                "PORT", String.valueOf(port)));
        env.put("PR_HARNESS_CONFIG", config.toString());
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.prharness.cli.Main", "serve")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    private static boolean healthy(Webhooks webhooks) {
        try {
            return webhooks.get("/healthz").statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static JobStatus jobStatus(Path db) {
        try (JobStore store = JobStore.open("jdbc:sqlite:" + db, Clock.systemUTC())) {
            return store.jobs().get(0).status();
        }
    }

    private static String pemOfNewKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
