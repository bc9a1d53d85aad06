package dev.prharness.server;

import static dev.prharness.testing.FakeOpenAi.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.store.JobStore;
import dev.prharness.testing.Eventually;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.FakeOpenAi;
import dev.prharness.testing.Fixtures;
import dev.prharness.testing.TestRepo;
import dev.prharness.testing.Webhooks;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comment commands through the real server, a fake GitHub and a fake model, from GitHub's own payloads. */
class CommandsTest {

    private static final String SECRET = "commands-secret";
    private static final String TOKEN = "gh-commands-token";
    private static final String BOT = "pr-harness[bot]";

    @TempDir
    Path dir;

    private FakeGitHub github;
    private FakeOpenAi openAi;
    private TestServer server;
    private JobStore store;
    private Webhooks webhooks;

    @BeforeEach
    void aServerWithAModel() {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write("src/A.java", "package a;\n\npublic class A {\n}\n");
        String base = repo.commit("base");
        repo.write("src/A.java", "package a;\n\npublic class A {\n    boolean same(String x) {\n        return x == \"a\";\n    }\n}\n");
        String head = repo.commit("head");
        github = new FakeGitHub(repo, "acme/widgets").acceptToken(TOKEN).botLogin(BOT)
                .permission("maintainer", "write").permission("reader", "read");
        github.pullRequest(7, base, head);
        openAi = new FakeOpenAi().otherwise(r -> r.model().equals("cheap")
                ? openAi.text("cheap", "- compares strings")
                : openAi.toolCalls("strong", call("submit_review", "{\"summary\": \"reviewed\"}")));

        Map<String, String> env = TestServer.environment(dir, SECRET, github, TOKEN, "commands: {max_per_user_per_hour: 10}\n");
        env.putAll(TestServer.model(openAi));
        server = new TestServer(env);
        server.runner.start();
        store = server.store;
        webhooks = server.webhooks;
    }

    @AfterEach
    void stop() {
        server.close();
        github.close();
        openAi.close();
    }

    private int comment(String fixture, String body, String login, String type) {
        return webhooks.deliver("issue_comment",
                Fixtures.bytes(Fixtures.comment(fixture, "acme/widgets", 7, body, login, type, 99))).statusCode();
    }

    private void awaitJobs() {
        server.awaitJobs();
    }

    @Test
    void aWritersReviewCommandPostsAReviewWithEyesAndRocket() {
        assertEquals(202, comment("created", "/review", "maintainer", "User"));
        awaitJobs();

        assertEquals(1, github.reviews().size());
        assertTrue(github.reactions().stream().anyMatch(r -> r.path("content").asText().equals("eyes")));
        assertTrue(github.reactions().stream().anyMatch(r -> r.path("content").asText().equals("rocket")));
        assertTrue(openAi.requests().size() > 0, "the review used the model");
    }

    @Test
    void aReadersCommandNeverReachesTheModelAndGetsOnePoliteReply() {
        comment("created", "/review", "reader", "User");
        comment("created", "/ask why?", "reader", "User");
        awaitJobs();

        assertEquals(0, openAi.requests().size(), "nothing reached the model");
        assertEquals(0, github.reviews().size());
        assertEquals(1, github.issueComments().stream().filter(c -> c.path("body").asText().contains("write access")).count());
        assertEquals(0, github.reactions().size());
    }

    @Test
    void botsAndTheBotItselfNeverTriggerCommands() {
        assertEquals(204, comment("created", "/review", "dependabot[bot]", "Bot"));
        assertEquals(204, comment("created", "/review full", BOT, "Bot"));
        assertEquals(0, store.jobs().size());
    }

    @Test
    void askRepliesWithTheModelsAnswerQuotingTheQuestion() {
        openAi.script("strong",
                openAi.toolCalls("strong", call("get_file_diff", "{\"path\": \"src/A.java\"}")),
                openAi.text("strong", "It compares references: use `\"a\".equals(x)` (src/A.java:5)."));

        comment("created", "/ask is the comparison in A right?", "maintainer", "User");
        awaitJobs();

        String reply = github.issueComments().stream().map(c -> c.path("body").asText())
                .filter(b -> b.startsWith("> is the comparison in A right?")).findFirst().orElseThrow(() ->
                        new AssertionError(github.issueComments().toString()));
        assertTrue(reply.contains("It compares references"), reply);
        assertTrue(openAi.requestsFor("strong").get(0).offersTool("read_file"));
        assertTrue(!openAi.requestsFor("strong").get(0).offersTool("add_review_comment"), "/ask is read-only");
    }

    @Test
    void helpListsEveryCommandAndAnUnknownCommandGetsHelp() {
        comment("created", "/help", "maintainer", "User");
        comment("created", "/frobnicate", "maintainer", "User");
        awaitJobs();

        var bodies = github.issueComments().stream().map(c -> c.path("body").asText()).toList();
        assertTrue(bodies.stream().anyMatch(b -> b.contains("`/describe`") && b.contains("`/lint`") && b.contains("`/ask QUESTION`")));
        assertTrue(bodies.stream().anyMatch(b -> b.contains("`/frobnicate` is not a command")));
    }

    @Test
    void lintMakesNoModelCall() {
        comment("created", "/lint", "maintainer", "User");
        awaitJobs();

        assertEquals(0, openAi.requests().size());
        assertEquals(1, github.reviews().size());
        assertTrue(github.reviewComments().stream().anyMatch(c -> c.path("body").asText().contains("UseEqualsToCompareStrings")));
    }

    @Test
    void describePostsTheCheapModelsSummaryAsAComment() {
        comment("created", "@pr-harness /describe", "maintainer", "User");
        awaitJobs();

        assertTrue(github.issueComments().stream().anyMatch(c -> c.path("body").asText().contains("- compares strings")));
        assertTrue(openAi.requests().stream().allMatch(r -> r.model().equals("cheap")));
    }

    @Test
    void editedAndDeletedCommentsAreIgnored() {
        assertEquals(204, comment("edited", "/review", "maintainer", "User"));
        assertEquals(204, comment("deleted", "/review", "maintainer", "User"));
        assertEquals(204, comment("created", "Nice work!", "maintainer", "User"));
        assertEquals(0, store.jobs().size());
    }

    @Test
    void aWriterOverTheHourlyLimitGetsOneReplyAndTheCommandDoesNotRun() {
        server.close();
        Map<String, String> env = TestServer.environment(dir, SECRET, github, TOKEN, "commands: {max_per_user_per_hour: 1}\n");
        server = new TestServer(env);
        server.runner.start();
        webhooks = server.webhooks;

        comment("created", "/help", "maintainer", "User");
        comment("created", "/lint", "maintainer", "User");
        server.awaitJobs();

        var bodies = github.issueComments().stream().map(c -> c.path("body").asText()).toList();
        assertEquals(1, bodies.stream().filter(b -> b.contains("`/lint`") && b.contains("`/describe`")).count(), bodies.toString());
        assertEquals(1, bodies.stream().filter(b -> b.contains("command limit for this hour is reached")
                && b.contains("`/lint` was not run")).count(), bodies.toString());
        assertEquals(0, github.reviews().size(), "/lint did not run");
    }

    @Test
    void aFailureReplyNamesNoInternalAddress() {
        openAi.otherwise(r -> FakeOpenAi.error(400, "model endpoint refused the request"));

        comment("created", "/ask what does this do?", "maintainer", "User");
        Eventually.await("the job ran its last attempt", java.time.Duration.ofSeconds(30), () -> !store.jobs().isEmpty()
                && store.jobs().get(0).status() == dev.prharness.store.JobStatus.DONE);

        String reply = github.issueComments().stream().map(c -> c.path("body").asText())
                .filter(b -> b.contains("failed")).findFirst().orElseThrow(() -> new AssertionError(github.issueComments().toString()));
        assertTrue(reply.contains("the model did not answer usefully"), reply);
        assertFalse(reply.contains(openAi.baseUrl()) || reply.contains("127.0.0.1"), reply);
    }

    @Test
    void aTemporaryGitHubFailureIsRetriedAndTheAnswerPostedOnce() {
        java.util.concurrent.atomic.AtomicBoolean failedOnce = new java.util.concurrent.atomic.AtomicBoolean();
        github.intercept(r -> r.method().equals("POST") && r.path().endsWith("/issues/7/comments")
                && r.body().contains("pr-harness commands") && failedOnce.compareAndSet(false, true)
                ? java.util.Optional.of(FakeGitHub.json(502, new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                        .put("message", "Server Error")))
                : java.util.Optional.empty());

        comment("created", "/help", "maintainer", "User");
        Eventually.await("the retried job is done", java.time.Duration.ofSeconds(30), () -> !store.jobs().isEmpty()
                && store.jobs().get(0).status() == dev.prharness.store.JobStatus.DONE);

        assertEquals(2, store.jobs().get(0).attempts(), "retried once");
        assertEquals(1, github.issueComments().stream().filter(c -> c.path("body").asText().contains("pr-harness commands")).count());
        assertTrue(github.reactions().stream().noneMatch(r -> r.path("content").asText().equals("confused")),
                "a temporary failure is not the user's problem");
    }
}
