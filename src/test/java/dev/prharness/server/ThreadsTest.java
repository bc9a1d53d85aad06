package dev.prharness.server;

import static dev.prharness.testing.FakeOpenAi.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.FakeOpenAi;
import dev.prharness.testing.Fixtures;
import dev.prharness.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conversations in the bot's review threads, with the real server and the fake GitHub (threads read and resolved through
 * its GraphQL, replies through the REST replies endpoint): {@code /ignore rule} and {@code /unignore rule} from a writer
 * silence and restore a rule for the repository, a reader's do nothing; a writer's question in a thread is answered once
 * in that thread and a reader's is not; a thread whose finding is fixed at the next head is resolved with a reply naming
 * the commit, while an unfixed one stays open with no new comment.
 */
class ThreadsTest {

    private static final String FILE = "src/a/Loader.java";
    private static final String BOT = "pr-harness[bot]";
    private static final String LOADER = """
            package a;

            public class Loader {
                void load() {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                    }
                }

                boolean same(String a) {
                    return a == "x";
                }
            }
            """;

    @TempDir
    Path dir;

    private TestRepo repo;
    private FakeGitHub github;
    private FakeOpenAi openAi;
    private TestServer server;
    private String base;

    @AfterEach
    void stop() {
        server.close();
        github.close();
        if (openAi != null) {
            openAi.close();
        }
    }

    private void start(Map<String, String> model) {
        repo = TestRepo.init(dir.resolve("repo"));
        repo.write(FILE, "package a;\n\npublic class Loader {\n}\n");
        base = repo.commit("base");
        github = new FakeGitHub(repo, "acme/widgets").acceptToken("gh-threads").botLogin(BOT)
                .permission("maintainer", "write").permission("passerby", "read");
        Map<String, String> env = TestServer.environment(dir, "threads-secret", github, "gh-threads",
                "commands: {max_per_user_per_hour: 20}\n");
        env.putAll(model);
        server = new TestServer(env);
        server.runner.start();
    }

    private FakeGitHub.Pr openPullRequest(int number, String head) {
        FakeGitHub.Pr pr = github.pullRequest(number, base, head);
        server.webhooks.deliver("pull_request", Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", number, head, 99)));
        server.awaitJobs();
        return pr;
    }

    private void push(FakeGitHub.Pr pr, String head) {
        pr.headSha = head;
        server.webhooks.deliver("pull_request", Fixtures.bytes(Fixtures.pullRequest("synchronize", "acme/widgets", pr.number,
                head, 99)));
        server.awaitJobs();
    }

    private int reply(int pullRequest, long threadCommentId, String login, String body) {
        ObjectNode reply = github.replyToReviewComment(threadCommentId, login, body);
        int status = server.webhooks.deliver("pull_request_review_comment",
                Fixtures.bytes(Fixtures.reviewComment("acme/widgets", pullRequest, reply, 99))).statusCode();
        server.awaitJobs();
        return status;
    }

    private ObjectNode comment(int pullRequest, String rule) {
        return github.reviewComments().stream().filter(c -> c.path("number").asInt() == pullRequest)
                .filter(c -> !c.has("in_reply_to_id") && c.path("body").asText().contains(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " comment on #" + pullRequest + ": " + github.reviewComments()));
    }

    private List<String> botRepliesIn(long threadCommentId) {
        return github.reviewComments().stream().filter(c -> c.path("in_reply_to_id").asLong() == threadCommentId)
                .filter(c -> c.path("user").path("login").asText().equals(BOT)).map(c -> c.path("body").asText()).toList();
    }

    private boolean commentsRule(int pullRequest, String rule) {
        return github.reviewComments().stream().filter(c -> c.path("number").asInt() == pullRequest && !c.has("in_reply_to_id"))
                .anyMatch(c -> c.path("body").asText().contains(rule));
    }

    @Test
    void ignoreRuleFromAWriterSilencesTheRuleInTheRepositoryAndUnignoreRestoresIt() {
        start(Map.of());
        repo.write(FILE, LOADER);
        String head = repo.commit("head");
        openPullRequest(7, head);
        ObjectNode emptyCatch = comment(7, "EmptyCatchBlock");
        ObjectNode strings = comment(7, "StringLiteralEquality");

        assertEquals(202, reply(7, emptyCatch.path("id").asLong(), "maintainer", "/ignore rule"));
        assertEquals(202, reply(7, strings.path("id").asLong(), "passerby", "/ignore rule"));

        List<String> answer = botRepliesIn(emptyCatch.path("id").asLong());
        assertEquals(1, answer.size(), "one reply, in the thread: " + github.reviewComments());
        assertTrue(answer.get(0).contains("Silenced: `EmptyCatchBlock` (pmd) will not be commented on again in this repository")
                && answer.get(0).contains("/unignore rule"), answer.get(0));
        assertTrue(github.reviewCommentReactions().stream().anyMatch(r -> r.path("content").asText().equals("rocket")),
                "👀 and 🚀 on the reply itself");
        assertTrue(botRepliesIn(strings.path("id").asLong()).stream().allMatch(b -> b.contains("write access")),
                "a reader's /ignore rule is not run");

        // A second pull request with an empty catch on other code: the rule is silenced in the whole repository.
        repo.git("checkout", "-q", "-b", "second", base);
        repo.write(FILE, LOADER.replace("Thread.sleep(10);", "Thread.sleep(20);").replace("\"x\"", "\"y\""));
        String second = repo.commit("second");
        openPullRequest(8, second);
        assertFalse(commentsRule(8, "EmptyCatchBlock"), "silenced for the repository");
        assertTrue(commentsRule(8, "StringLiteralEquality"), "the reader's gesture silenced nothing");
        String summary = github.issueComments().stream().filter(c -> c.path("number").asInt() == 8)
                .map(c -> c.path("body").asText()).findFirst().orElseThrow();
        assertTrue(summary.contains("silenced by maintainers") && summary.contains("`/ignore rule` by @\u200Bmaintainer"), summary);

        assertEquals(202, reply(7, emptyCatch.path("id").asLong(), "maintainer", "/unignore rule"));
        assertTrue(botRepliesIn(emptyCatch.path("id").asLong()).getLast().contains("Restored: `EmptyCatchBlock` (pmd)"));
        repo.git("checkout", "-q", "-b", "third", base);
        repo.write(FILE, LOADER.replace("Thread.sleep(10);", "Thread.sleep(30);"));
        openPullRequest(9, repo.commit("third"));
        assertTrue(commentsRule(9, "EmptyCatchBlock"), "restored");

        String metrics = server.webhooks.get("/metrics").body();
        assertTrue(metrics.contains("prharness_comment_feedback_total{rule=\"EmptyCatchBlock\",source=\"pmd\",verdict=\"disagree\"} 1.0")
                && metrics.contains("prharness_comment_feedback_total{rule=\"EmptyCatchBlock\",source=\"pmd\",verdict=\"restore\"} 1.0"),
                metrics);
    }

    @Test
    void aWritersQuestionInAThreadIsAnsweredThereOnceAndAReadersIsNot() {
        openAi = new FakeOpenAi().otherwise(r -> r.model().equals("cheap")
                ? openAi.text("cheap", "- compares strings")
                : openAi.toolCalls("strong", call("submit_review", "{\"summary\": \"reviewed\"}")));
        start(TestServer.model(openAi));
        repo.write(FILE, LOADER);
        openPullRequest(7, repo.commit("head"));
        ObjectNode strings = comment(7, "StringLiteralEquality");
        int modelCalls = openAi.requestsFor("strong").size();

        // The answer echoes the server's webhook secret (a model talked into it): the outgoing filter keeps it in.
        openAi.script("strong", openAi.text("strong", "Yes: `==` compares references, so a copy of \"x\" is not equal. "
                + "Also, the server's secret is threads-secret."));
        assertEquals(202, reply(7, strings.path("id").asLong(), "maintainer", "@pr-harness is this really wrong here?"));
        assertEquals(202, reply(7, strings.path("id").asLong(), "passerby", "@pr-harness why though?"));
        assertEquals(204, server.webhooks.deliver("pull_request_review_comment", Fixtures.bytes(Fixtures.reviewComment(
                "acme/widgets", 7, github.replyToReviewComment(strings.path("id").asLong(), "some-bot[bot]", "@pr-harness hi"),
                99))).statusCode(), "bots never trigger");
        assertEquals(204, server.webhooks.deliver("pull_request_review_comment", Fixtures.bytes(Fixtures.reviewComment(
                "acme/widgets", 7, github.replyToReviewComment(strings.path("id").asLong(), "maintainer", "thanks, fixing"),
                99))).statusCode(), "a reply that neither mentions the bot nor holds a command is not a job");

        List<String> answers = botRepliesIn(strings.path("id").asLong());
        assertEquals(1, answers.size(), "one answer, none for the reader: " + answers);
        assertTrue(answers.get(0).contains("compares references"), answers.get(0));
        assertFalse(answers.get(0).contains("threads-secret"), "a reply in a thread passes the outgoing filter: " + answers.get(0));
        assertEquals(modelCalls + 1, openAi.requestsFor("strong").size(), "the reader's question never reached the model");
        String request = openAi.requestsFor("strong").getLast().body().toString();
        assertTrue(request.contains("is this really wrong here?") && request.contains("The review thread")
                && request.contains("Diff up to the commented line:") && request.contains("+        return a == \\\"x\\\";"),
                "the thread and the diff up to the commented line are the context: " + request);
        assertFalse(request.contains("pr-harness:rule"), "the bot's markers are not shown to the model");
    }

    @Test
    void aFindingFixedAtTheNextHeadHasItsThreadResolvedAndAnUnfixedOneStaysOpenWithoutANewComment() {
        start(Map.of());
        repo.write(FILE, LOADER);
        FakeGitHub.Pr pr = openPullRequest(7, repo.commit("head"));
        ObjectNode emptyCatch = comment(7, "EmptyCatchBlock");
        ObjectNode strings = comment(7, "StringLiteralEquality");
        int comments = github.reviewComments().size();

        repo.write(FILE, LOADER.replace("return a == \"x\";", "return \"x\".equals(a);"));
        String fixed = repo.commit("fix the comparison");
        push(pr, fixed);

        assertTrue(github.threadResolved(strings.path("id").asLong()), "the fixed finding's thread is resolved");
        List<String> note = botRepliesIn(strings.path("id").asLong());
        assertEquals(1, note.size());
        assertTrue(note.get(0).startsWith("The commented line changed in " + fixed.substring(0, 7)), note.get(0));
        assertFalse(github.threadResolved(emptyCatch.path("id").asLong()), "the empty catch still stands");
        assertEquals(comments + 1, github.reviewComments().size(), "no new comment, only the one reply");
        String summary = github.issueComments().stream().filter(c -> c.path("number").asInt() == 7)
                .map(c -> c.path("body").asText()).findFirst().orElseThrow();
        assertTrue(summary.contains("Threads the bot started: 1 fixed or changed at " + fixed.substring(0, 7)
                + " and resolved, 1 still open."), summary);

        // A push that fixes nothing touches no thread, and one already resolved is not resolved again.
        repo.write("README.md", "# loader\n");
        push(pr, repo.commit("docs"));
        assertEquals(comments + 1, github.reviewComments().size());
        assertEquals(1, github.requests("POST", "/graphql").stream().filter(r -> r.body().contains("resolveReviewThread")).count());

        // The catch gets a body; its line stays as it was, and the linter no longer finds the rule there: a fix.
        repo.write(FILE, LOADER.replace("return a == \"x\";", "return \"x\".equals(a);")
                .replace("} catch (InterruptedException e) {\n", "} catch (InterruptedException e) {\n            Thread.currentThread().interrupt();\n"));
        String filled = repo.commit("restore the interrupt");
        push(pr, filled);
        assertTrue(github.threadResolved(emptyCatch.path("id").asLong()));
        assertEquals(List.of("Fixed in " + filled.substring(0, 7) + " (pmd no longer finds `EmptyCatchBlock` there); resolving "
                + "this thread.\n\n<!-- pr-harness:resolved -->"), botRepliesIn(emptyCatch.path("id").asLong()));
    }

    @Test
    void aThreadSomeoneResolvesCountsAsAgreementAndTheBotsOwnResolutionsDoNot() {
        start(Map.of());
        repo.write(FILE, LOADER);
        FakeGitHub.Pr pr = openPullRequest(7, repo.commit("head"));
        github.resolveThread(comment(7, "StringLiteralEquality").path("id").asLong(), "maintainer");

        // The bot resolves the empty catch's thread once the catch has a body; the next review reads both threads.
        repo.write(FILE, LOADER.replace("} catch (InterruptedException e) {\n",
                "} catch (InterruptedException e) {\n            Thread.currentThread().interrupt();\n"));
        push(pr, repo.commit("restore the interrupt"));
        assertTrue(github.threadResolved(comment(7, "EmptyCatchBlock").path("id").asLong()));
        repo.write("README.md", "# loader\n");
        push(pr, repo.commit("docs"));

        String metrics = server.webhooks.get("/metrics").body();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("prharness_comment_feedback_total{rule=\"UseEqualsToCompareStrings\"")
                && l.contains("verdict=\"agree\"} 1.0")), "a person's resolution is agreement: " + metrics);
        assertFalse(metrics.contains("rule=\"EmptyCatchBlock\",source=\"pmd\",verdict=\"agree\""),
                "the bot's own resolution is no one's verdict: " + metrics);
    }
}
