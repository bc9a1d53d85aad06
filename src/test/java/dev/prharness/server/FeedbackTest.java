package dev.prharness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prharness.cli.Main;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.Fixtures;
import dev.prharness.testing.TestRepo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maintainers teach the bot with a 👎, with the real server and the fake GitHub: a writer's 👎 on a linter comment is
 * read at the pull request's next review and silences that finding in every later review of the repository (a second
 * pull request), listed in the summary; a reader's 👎 and a bot's are counted or ignored but silence nothing; the
 * metrics count each verdict and {@code pr-harness feedback} prints agreement per rule.
 */
class FeedbackTest {

    private static final String FILE = "src/a/Loader.java";
    /** The rule the string comparison's comment names (PMD's; Checkstyle's twin is merged into it). */
    private static final String STRINGS = "UseEqualsToCompareStrings";

    @TempDir
    Path dir;

    private FakeGitHub github;
    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
        github.close();
    }

    @Test
    void aWritersThumbsDownSilencesTheFindingForTheRepositoryAndAReadersDoesNot() throws Exception {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write(FILE, "package a;\n\npublic class Loader {\n}\n");
        String base = repo.commit("base");
        repo.write(FILE, """
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
                """);
        String head = repo.commit("head");
        repo.write("README.md", "# loader\n");
        String second = repo.commit("docs");
        github = new FakeGitHub(repo, "acme/widgets").acceptToken("gh-feedback").botLogin("pr-harness[bot]");
        github.permission("maintainer", "write");
        FakeGitHub.Pr pr = github.pullRequest(7, base, head);
        server = new TestServer(TestServer.environment(dir, "feedback-secret", github, "gh-feedback", ""));
        server.runner.start();

        server.webhooks.deliver("pull_request", Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", 7, head, 99)));
        server.awaitJobs();
        ObjectNode emptyCatch = comment(7, "EmptyCatchBlock");
        ObjectNode stringEquality = comment(7, "StringLiteralEquality");
        github.reactToReviewComment(emptyCatch.path("id").asLong(), "maintainer", "-1", false);
        github.reactToReviewComment(stringEquality.path("id").asLong(), "passerby", "-1", false);
        github.reactToReviewComment(stringEquality.path("id").asLong(), "some-bot[bot]", "-1", true);
        github.reactToReviewComment(stringEquality.path("id").asLong(), "maintainer", "+1", false);

        // The next push: the review reads the reactions and keeps them.
        pr.headSha = second;
        server.webhooks.deliver("pull_request", Fixtures.bytes(Fixtures.pullRequest("synchronize", "acme/widgets", 7, second, 99)));
        server.awaitJobs();
        // A second pull request with the same code.
        github.pullRequest(8, base, head);
        server.webhooks.deliver("pull_request", Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", 8, head, 99)));
        server.awaitJobs();

        List<String> rulesOnTheSecond = github.reviewComments().stream().filter(c -> c.path("number").asInt() == 8)
                .map(c -> c.path("body").asText()).toList();
        assertFalse(rulesOnTheSecond.stream().anyMatch(b -> b.contains("EmptyCatchBlock")), "silenced: " + rulesOnTheSecond);
        assertTrue(rulesOnTheSecond.stream().anyMatch(b -> b.contains("StringLiteralEquality")),
                "a reader's 👎 (and a bot's) silences nothing: " + rulesOnTheSecond);
        String summary = github.issueComments().stream().filter(c -> c.path("number").asInt() == 8)
                .map(c -> c.path("body").asText()).findFirst().orElseThrow();
        assertTrue(summary.contains("1 finding silenced by maintainers") && summary.contains("EmptyCatchBlock")
                && summary.contains("👎 or `/ignore` by @\u200Bmaintainer since"), summary);

        String metrics = server.webhooks.get("/metrics").body();
        assertTrue(metrics.contains("prharness_comment_feedback_total{rule=\"EmptyCatchBlock\",source=\"pmd\",verdict=\"disagree\"} 1.0"),
                metrics);
        // The string comparison is one comment for two linters' rules; it is counted under the rule it names.
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("prharness_comment_feedback_total{rule=\"" + STRINGS + "\"")
                && l.contains("verdict=\"disagree\"} 1.0")), "the reader's verdict counted once, the bot's not: " + metrics);
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("prharness_comment_feedback_total{rule=\"" + STRINGS + "\"")
                && l.contains("verdict=\"agree\"} 1.0")), metrics);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"feedback", "--repo", "acme/widgets"},
                Map.of("PR_HARNESS_DB", "jdbc:sqlite:" + dir.resolve("jobs.db")), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        assertEquals(0, code);
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.lines().anyMatch(l -> l.contains("EmptyCatchBlock") && l.matches(".*\\s0\\s+1\\s+0%\\s+1\\s+0\\s*")), table);
        assertTrue(table.lines().anyMatch(l -> l.contains(STRINGS) && l.matches(".*\\s1\\s+1\\s+50%\\s+0\\s+0\\s*")), table);
    }

    private ObjectNode comment(int pullRequest, String rule) {
        return github.reviewComments().stream().filter(c -> c.path("number").asInt() == pullRequest)
                .filter(c -> c.path("body").asText().contains(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " comment on #" + pullRequest + ": " + github.reviewComments()));
    }
}
