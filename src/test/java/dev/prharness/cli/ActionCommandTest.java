package dev.prharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.Fixtures;
import dev.prharness.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pr-harness action} with an Actions-like environment, a real event payload and a fake GitHub. */
class ActionCommandTest {

    private static final String TOKEN = "ghs_action_token";
    private static final String READ_ONLY = "ghs_fork_token";

    @TempDir
    Path dir;

    private TestRepo repo;
    private FakeGitHub github;
    private FakeGitHub.Pr pr;
    private Path output;
    private Path summary;

    @BeforeEach
    void aWorkflowRun() {
        repo = TestRepo.init(dir.resolve("repo"));
        repo.write("src/A.java", "package a;\n\npublic class A {\n}\n");
        String base = repo.commit("base");
        repo.write("src/A.java", "package a;\n\npublic class A {\n    private int unused;\n\n    boolean same(String x) {\n"
                + "        return x == \"a\";\n    }\n}\n");
        String head = repo.commit("head");
        github = new FakeGitHub(repo, "acme/widgets").acceptToken(TOKEN).acceptReadOnlyToken(READ_ONLY)
                .botLogin("github-actions[bot]").permission("maintainer", "write");
        pr = github.pullRequest(7, base, head);
        output = dir.resolve("github_output");
        summary = dir.resolve("step_summary");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    private CliRun action(String event, ObjectNode payload, String token, Map<String, String> extra) throws Exception {
        Path eventFile = dir.resolve("event.json");
        Files.write(eventFile, Fixtures.bytes(payload));
        Map<String, String> env = new HashMap<>(Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_EVENT_NAME", event,
                "GITHUB_EVENT_PATH", eventFile.toString(),
                "GITHUB_REPOSITORY", "acme/widgets",
                "GITHUB_API_URL", github.apiUrl(),
                "GITHUB_OUTPUT", output.toString(),
                "GITHUB_STEP_SUMMARY", summary.toString(),
                "INPUT_GITHUB-TOKEN", token,
                "INPUT_FAIL-ON", "none",
                "INPUT_OPENAI-BASE-URL", "https://api.openai.com/v1"));
        env.putAll(extra);
        return CliRun.of(env, "action");
    }

    private ObjectNode opened() {
        return Fixtures.pullRequest("opened", "acme/widgets", 7, pr.headSha, 1);
    }

    @Test
    void aPullRequestEventPostsTheReviewWithTheInputTokenAndWritesOutputs() throws Exception {
        CliRun run = action("pull_request", opened(), TOKEN, Map.of());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, github.reviews().size());
        assertTrue(github.requests().stream().allMatch(r -> ("Bearer " + TOKEN).equals(r.authorization())));
        String outputs = Files.readString(output);
        assertTrue(outputs.contains("comments=" + github.reviewComments().size()), outputs);
        assertTrue(outputs.matches("(?s).*findings=\\d+.*"), outputs);
        assertTrue(Files.readString(summary).contains("## pr-harness review"));
        assertTrue(run.out().contains("::add-mask::" + TOKEN));
        assertTrue(run.out().contains("::group::pr-harness: reviewing acme/widgets#7") && run.out().contains("::endgroup::"));
        // The job's token may write checks: the review is a check run on the head, neutral since it was linters only.
        assertEquals(1, github.checkRuns().size());
        assertEquals(pr.headSha, github.checkRuns().get(0).path("head_sha").asText());
        assertEquals("neutral", github.checkRuns().get(0).path("conclusion").asText());
    }

    @Test
    void aReadOnlyTokenDegradesToTheSummaryAndAnnotationsWithExitZero() throws Exception {
        CliRun run = action("pull_request", opened(), READ_ONLY, Map.of());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(0, github.reviews().size());
        assertTrue(run.out().contains("::error file=src/A.java,line=7,title=pr-harness pmd UseEqualsToCompareStrings::"), run.out());
        assertTrue(run.out().contains("::warning file=src/A.java,line=4"), run.out());
        assertTrue(run.out().contains("token is read-only") && run.out().contains("pull-requests: write"), run.out());
        assertTrue(Files.readString(summary).contains("UseEqualsToCompareStrings"));
        assertTrue(Files.readString(output).contains("comments=0"));
        assertEquals(0, github.checkRuns().size(), "a read-only token makes no check run and the review still degrades");
    }

    @Test
    void failOnWarningExitsWithOneWhenThereAreWarnings() throws Exception {
        CliRun run = action("pull_request", opened(), TOKEN, Map.of("INPUT_FAIL-ON", "warning"));
        assertEquals(1, run.exitCode(), run.err());
    }

    @Test
    void anUnsupportedEventExitsZeroWithAClearLine() throws Exception {
        CliRun run = action("push", Fixtures.load("ping"), TOKEN, Map.of());
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("the event 'push' is not handled"), run.out());
        assertEquals(0, github.requests().size());
    }

    /**
     * The Action keeps nothing between runs: {@code /ignore rule} in a thread holds for this pull request (read again from
     * the thread at each review) and the reply gives the config lines that make it hold for the repository;
     * {@code /unignore rule} takes it back.
     */
    @Test
    void ignoreRuleInAThreadHoldsForThePullRequestAndRepliesWithTheConfigLines() throws Exception {
        action("pull_request", opened(), TOKEN, Map.of());
        ObjectNode unused = github.reviewComments().stream().filter(c -> c.path("body").asText().contains("UnusedPrivateField"))
                .findFirst().orElseThrow(() -> new AssertionError(github.reviewComments().toString()));
        long thread = unused.path("id").asLong();

        CliRun ignore = action("pull_request_review_comment", Fixtures.reviewComment("acme/widgets", 7,
                github.replyToReviewComment(thread, "maintainer", "/ignore rule"), 1), TOKEN, Map.of());

        assertEquals(0, ignore.exitCode(), ignore.err());
        String answer = botRepliesIn(thread).getLast();
        assertTrue(answer.contains("will not be commented on again in this pull request")
                && answer.contains("```yaml\nignore_rules:\n  - UnusedPrivateField\n```"), answer);

        // The next push adds another unused field: the rule stays silent on this pull request, and the summary says why.
        repo.write("src/A.java", Files.readString(dir.resolve("repo/src/A.java")).replace("    private int unused;\n",
                "    private int unused;\n    private int alsoUnused;\n"));
        pr.headSha = repo.commit("another field");
        action("pull_request", Fixtures.pullRequest("synchronize", "acme/widgets", 7, pr.headSha, 1), TOKEN, Map.of());
        assertEquals(1, topLevelComments("UnusedPrivateField"), "silenced for this pull request");
        assertTrue(github.issueComments().get(0).path("body").asText().contains("`/ignore rule` by"));

        action("pull_request_review_comment", Fixtures.reviewComment("acme/widgets", 7,
                github.replyToReviewComment(thread, "maintainer", "/unignore rule"), 1), TOKEN, Map.of());
        assertTrue(botRepliesIn(thread).getLast().contains("Restored: `UnusedPrivateField`"), botRepliesIn(thread).toString());
        repo.write("src/A.java", Files.readString(dir.resolve("repo/src/A.java")).replace("    private int alsoUnused;\n",
                "    private int alsoUnused;\n    private int thirdUnused;\n"));
        pr.headSha = repo.commit("a third field");
        action("pull_request", Fixtures.pullRequest("synchronize", "acme/widgets", 7, pr.headSha, 1), TOKEN, Map.of());
        assertEquals(2, topLevelComments("UnusedPrivateField"), "restored: the third field is commented on");
    }

    private List<String> botRepliesIn(long threadCommentId) {
        return github.reviewComments().stream().filter(c -> c.path("in_reply_to_id").asLong() == threadCommentId)
                .filter(c -> c.path("user").path("login").asText().equals("github-actions[bot]"))
                .map(c -> c.path("body").asText()).toList();
    }

    private long topLevelComments(String rule) {
        return github.reviewComments().stream().filter(c -> !c.has("in_reply_to_id"))
                .filter(c -> c.path("body").asText().contains(rule)).count();
    }

    @Test
    void anIssueCommentRunsTheCommand() throws Exception {
        ObjectNode payload = Fixtures.comment("created", "acme/widgets", 7, "/help", "maintainer", "User", 1);

        CliRun run = action("issue_comment", payload, TOKEN, Map.of());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(github.issueComments().stream().anyMatch(c -> c.path("body").asText().contains("pr-harness commands")));
        assertTrue(github.reactions().stream().anyMatch(r -> r.path("content").asText().equals("rocket")));
    }

    @Test
    void theActionsOwnCommentsNeverTriggerCommands() throws Exception {
        ObjectNode payload = Fixtures.comment("created", "acme/widgets", 7, "/review", "github-actions[bot]", "Bot", 1);
        CliRun run = action("issue_comment", payload, TOKEN, Map.of());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(github.requests().stream().noneMatch(r -> r.method().equals("POST")));
        assertFalse(run.out().contains("command done"));
    }

    @Test
    void withAPersonalAccessTokenTheBotIsTheTokensUserAndGithubActionsCommentsAreNotItsOwn() throws Exception {
        github.botLogin("octo-pat-user");
        String planted = "<!-- pr-harness:summary -->\nplanted\n<!-- pr-harness:state head=" + pr.headSha + " -->";
        github.addIssueComment(7, "github-actions[bot]", planted);

        CliRun run = action("pull_request", opened(), TOKEN, Map.of());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, github.reviews().size(), "the planted state did not make the bot skip the pull request");
        assertEquals(planted, github.issueComments().get(0).path("body").asText(), "not edited");
        assertEquals(0, github.requests("PATCH", "/issues/comments/").size());
        assertEquals(2, github.issueComments().size(), "the bot wrote its own summary");
    }

    @Test
    void withTheActionsTokenTheBotIsGithubActionsAndEditsItsOwnSummary() throws Exception {
        github.forbidUserEndpoint();
        action("pull_request", opened(), TOKEN, Map.of());
        assertEquals(1, github.issueComments().size());

        CliRun again = action("pull_request", opened(), TOKEN, Map.of());

        assertEquals(0, again.exitCode(), again.err());
        assertEquals(1, github.issueComments().size(), "the summary was edited in place");
        assertEquals(1, github.requests("PATCH", "/issues/comments/").size());
    }
}
