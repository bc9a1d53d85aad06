package dev.prharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code review-pr} against a fake GitHub serving a pull request computed from a real git repository. */
class ReviewPrCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "gh-test-token";
    private static final String SERVICE = "src/main/java/demo/Service.java";
    private static final String CLIENT = "src/main/java/demo/Client.java";

    @TempDir
    Path dir;

    private TestRepo repo;
    private FakeGitHub github;
    private FakeGitHub.Pr pr;

    @BeforeEach
    void aPullRequest() {
        repo = TestRepo.init(dir.resolve("repo"));
        repo.write(SERVICE, "package demo;\n\npublic class Service {\n    int calls;\n}\n");
        String base = repo.commit("base");
        repo.git("checkout", "-q", "-b", "feature");
        repo.write(SERVICE, """
                package demo;

                public class Service {
                    int calls;

                    boolean isAdmin(String role) {
                        return role == "admin";
                    }

                    void load() {
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                        }
                    }
                }
                """);
        String head = repo.commit("feature");
        github = new FakeGitHub(repo, "acme/widgets").acceptToken(TOKEN);
        pr = github.pullRequest(7, base, head);
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void theFirstReviewPostsOneCommentReviewThatGitHubAcceptsAndASummary() {
        CliRun run = reviewPr();

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, github.reviews().size());
        ObjectNode review = github.reviews().get(0);
        assertEquals("COMMENTED", review.path("state").asText());
        assertEquals(pr.headSha, review.path("commit_id").asText());
        List<ObjectNode> comments = github.reviewComments();
        assertTrue(comments.size() >= 2, comments.toString());
        assertTrue(comments.stream().allMatch(c -> c.path("body").asText().matches("(?s).*<!-- pr-harness:[0-9a-f]{16} -->.*")));
        assertTrue(comments.stream().anyMatch(c -> c.path("body").asText().contains("EmptyCatchBlock") && c.path("line").asInt() == 13));
        assertEquals(1, github.issueComments().size());
        String summary = github.issueComments().get(0).path("body").asText();
        assertTrue(summary.contains("<!-- pr-harness:summary -->") && summary.contains("<!-- pr-harness:state head=" + pr.headSha), summary);
        assertTrue(run.err().contains("Posted a review"), run.err());
    }

    @Test
    void aSecondRunWithNoChangePostsNothingNewAndEditsTheSummaryInPlace() {
        reviewPr();
        int comments = github.reviewComments().size();

        CliRun again = reviewPr();

        assertEquals(0, again.exitCode(), again.err());
        assertEquals(1, github.reviews().size(), "no second review");
        assertEquals(comments, github.reviewComments().size());
        assertEquals(1, github.issueComments().size(), "one summary comment");
        assertEquals(1, github.requests("PATCH", "/issues/comments/").size(), "edited in place");
        assertTrue(github.issueComments().get(0).path("body").asText().contains("No new commits since the last review"));

        CliRun full = reviewPr("--full");
        assertEquals(0, full.exitCode(), full.err());
        assertEquals(1, github.reviews().size(), "a full re-review finds only comments already posted");
    }

    @Test
    void aNewPushIsReviewedOnlyForWhatItChanged() {
        reviewPr();
        repo.write(CLIENT, "package demo;\n\nclass Client {\n    void call() {\n        try {\n            run();\n        } catch (Exception e) {\n        }\n    }\n\n    void run() throws Exception {\n    }\n}\n");
        pr.headSha = repo.commit("client");

        CliRun run = reviewPr();

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, github.reviews().size());
        long secondReview = github.reviews().get(1).path("id").asLong();
        List<ObjectNode> fresh = github.reviewComments().stream()
                .filter(c -> c.path("pull_request_review_id").asLong() == secondReview).toList();
        assertFalse(fresh.isEmpty());
        assertTrue(fresh.stream().allMatch(c -> c.path("path").asText().equals(CLIENT)), fresh.toString());
        assertTrue(github.issueComments().get(0).path("body").asText().contains("since the last review"));
    }

    @Test
    void aForcePushFallsBackToAFullReviewWithoutRepeatingComments() {
        reviewPr();
        long before = github.reviewComments().size();
        repo.git("reset", "-q", "--hard", pr.baseSha);
        repo.write(SERVICE, "package demo;\n\npublic class Service {\n    int calls;\n\n    boolean isAdmin(String role) {\n        return role == \"admin\";\n    }\n}\n");
        pr.headSha = repo.commit("rewritten");

        CliRun run = reviewPr();

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(github.issueComments().get(0).path("body").asText().contains("force-push"));
        assertEquals(before, github.reviewComments().stream().filter(c -> !c.has("in_reply_to_id")).count(),
                "the same finding on the same code is not posted again");
    }

    @Test
    void aReviewRefusedForAStaleDiffIsPlacedAgainOnFreshFilesAndPostedOnceMore() {
        java.util.concurrent.atomic.AtomicBoolean refusedOnce = new java.util.concurrent.atomic.AtomicBoolean();
        github.intercept(r -> r.method().equals("POST") && r.path().endsWith("/reviews") && refusedOnce.compareAndSet(false, true)
                ? Optional.of(FakeGitHub.json(422, JSON.createObjectNode().put("message", "Unprocessable Entity")))
                : Optional.empty());

        CliRun run = reviewPr();

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, github.requests("POST", "/pulls/7/reviews").size());
        assertEquals(2, github.requests("GET", "/pulls/7/files").size(), "the files were read once more");
        assertEquals(1, github.reviews().size());
        assertFalse(github.reviewComments().isEmpty(), "the comments are inline on the second try");
        assertTrue(github.requests("POST", "/pulls/7/reviews").stream().allMatch(r -> r.body().contains("\"event\":\"COMMENT\"")),
                "never a pending review");
    }

    @Test
    void whenGitHubStillRefusesTheCommentsTheThirdAndLastPostCarriesThemInItsBody() {
        github.intercept(r -> r.method().equals("POST") && r.path().endsWith("/reviews") && commentsOf(r.body()).contains("EmptyCatchBlock")
                ? Optional.of(FakeGitHub.json(422, JSON.createObjectNode().put("message", "Unprocessable Entity")))
                : Optional.empty());

        CliRun run = reviewPr();

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(3, github.requests("POST", "/pulls/7/reviews").size(), "three posts at the most");
        assertEquals(1, github.reviews().size());
        assertTrue(github.reviewComments().isEmpty(), "the last post has no inline comments");
        String body = github.reviews().get(0).path("body").asText();
        assertTrue(body.contains("would not place") && body.contains("EmptyCatchBlock") && body.contains("UseEqualsToCompareStrings"),
                body);
        assertEquals(1, github.issueComments().size(), "and the summary is written");
    }

    @Test
    void theInlineCommentCapSendsTheRestToTheReviewBody() {
        repo.git("checkout", "-q", "main");
        repo.write(".github/pr-harness.yml", "max_inline_comments: 1\n");
        repo.commit("cap");
        repo.git("checkout", "-q", "feature");

        CliRun run = reviewPr();

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, github.reviewComments().size());
        assertTrue(github.reviewComments().get(0).path("body").asText().contains("error"), "the most severe goes inline");
        assertTrue(github.reviews().get(0).path("body").asText().contains("over the inline comment cap"));
    }

    @Test
    void aSecondaryRateLimitIsWaitedOutForItsRetryAfter() {
        AtomicInteger posts = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        github.intercept(r -> {
            if (r.method().equals("POST") && r.path().endsWith("/reviews") && posts.getAndIncrement() == 0) {
                return Optional.of(new FakeGitHub.Reply(403, Map.of("Retry-After", "1"),
                        "{\"message\": \"You have exceeded a secondary rate limit\"}"));
            }
            if (r.method().equals("GET") && r.path().endsWith("/pulls/7") && reads.getAndIncrement() == 0) {
                return Optional.of(new FakeGitHub.Reply(403, Map.of("Retry-After", "1"),
                        "{\"message\": \"You have exceeded a secondary rate limit\"}"));
            }
            return Optional.empty();
        });
        long started = System.nanoTime();

        CliRun run = reviewPr();

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, github.reviews().size());
        assertEquals(2, github.requests("POST", "/reviews").size(), "the review was sent again after the wait");
        assertTrue(github.requests("GET", "/pulls/7").size() >= 2, "github-api retried its own request too");
        assertTrue((System.nanoTime() - started) / 1_000_000 >= 1800, "both Retry-After waits were honoured");
    }

    @Test
    void theConfigComesFromTheDefaultBranchNotFromThePullRequest() {
        repo.git("checkout", "-q", "main");
        repo.write(".github/pr-harness.yml", "min_severity: error\n");
        repo.commit("config");
        repo.git("checkout", "-q", "feature");
        repo.write(".github/pr-harness.yml", "min_severity: info\nmax_inline_comments: 50\n");
        pr.headSha = repo.commit("try to loosen the review");

        CliRun run = reviewPr();

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(github.reviewComments().isEmpty());
        github.reviewComments().forEach(c -> assertTrue(c.path("body").asText().contains("**error**"), c.toString()));
    }

    @Test
    void aRuleSetTheLinterRefusesFallsBackToTheDefaultsWithTheProblemInTheSummary() {
        repo.git("checkout", "-q", "main");
        repo.write(".github/pr-harness.yml", "rules:\n  checkstyle: build/checkstyle.xml\n");
        repo.write("build/checkstyle.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE module PUBLIC "
                + "\"-//Checkstyle//DTD Checkstyle Configuration 1.3//EN\" \"https://checkstyle.org/dtds/configuration_1_3.dtd\">\n"
                + "<module name=\"Checker\"><module name=\"TreeWalker\"><module name=\"NoSuchCheckAnywhere\"/></module></module>\n");
        repo.commit("a rule set with a typo");
        repo.git("checkout", "-q", "feature");

        CliRun run = reviewPr();

        assertEquals(0, run.exitCode(), run.err());
        String summary = github.issueComments().get(0).path("body").asText();
        assertTrue(summary.contains("config is invalid, so the defaults were used") && summary.contains("build/checkstyle.xml")
                && summary.contains("NoSuchCheckAnywhere"), summary);
        assertFalse(github.reviewComments().isEmpty(), "reviewed with the default rules");
    }

    @Test
    void anInvalidRepositoryConfigIsReportedInTheSummaryAndTheDefaultsAreUsed() {
        repo.git("checkout", "-q", "main");
        repo.write(".github/pr-harness.yml", "filter: sideways\n");
        repo.commit("bad config");
        repo.git("checkout", "-q", "feature");

        CliRun run = reviewPr();

        assertEquals(0, run.exitCode(), run.err());
        String summary = github.issueComments().get(0).path("body").asText();
        assertTrue(summary.contains("config is invalid") && summary.contains("sideways"), summary);
        assertFalse(github.reviewComments().isEmpty(), "reviewed with the defaults");
    }

    @Test
    void aDryRunPrintsWhatWouldBePostedAndWritesNothing() {
        CliRun run = reviewPr("--dry-run");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(github.requests().stream().allMatch(r -> r.method().equals("GET")
                || r.path().equals("/graphql") && !r.body().contains("mutation")), "only reads (GraphQL queries read)");
        assertTrue(run.out().contains("# Summary comment") && run.out().contains("# Review (event COMMENT"), run.out());
        assertTrue(run.out().contains("EmptyCatchBlock"));
        assertTrue(run.err().contains("Dry run: nothing posted"));
    }

    @Test
    void otherPeoplesMarkersDoNotSuppressTheBotsComments() throws Exception {
        CliRun dry = reviewPr("--dry-run", "--format", "json");
        String fingerprint = JSON.readTree(dry.out()).get("comments").get(0).get("fingerprint").asText();
        github.addIssueComment(7, "mallory", "nothing to see <!-- pr-harness:" + fingerprint + " --> <!-- pr-harness:summary -->");

        reviewPr();

        assertTrue(github.reviewComments().stream().anyMatch(c -> c.path("body").asText().contains(fingerprint)));
        assertEquals(2, github.issueComments().size(), "mallory's fake summary is not edited; the bot writes its own");
    }

    @Test
    void aLargeFileWhosePatchGitHubLeavesOutIsDiffedFromItsTwoVersions() {
        github.leaveOutPatch(SERVICE);

        CliRun run = reviewPr();

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, github.reviews().size(), "GitHub accepted every comment: they sit on the real diff");
        assertTrue(github.reviewComments().stream().anyMatch(c -> c.path("body").asText().contains("EmptyCatchBlock")
                && c.path("line").asInt() == 13), github.reviewComments().toString());
    }

    @Test
    void theModelCanCommentOnARemovedLineOnTheLeftSide() throws Exception {
        repo.write(SERVICE, "package demo;\n\npublic class Service {\n}\n");
        pr.headSha = repo.commit("remove the field");
        try (dev.prharness.testing.FakeOpenAi openAi = new dev.prharness.testing.FakeOpenAi()) {
            openAi.otherwise(r -> r.model().equals("cheap") ? openAi.text("cheap", "- removes calls")
                    : r.allText().contains("1 comments staged so far")
                            ? openAi.toolCalls("strong", dev.prharness.testing.FakeOpenAi.call("submit_review", "{\"summary\": \"ok\"}"))
                            : openAi.toolCalls("strong", dev.prharness.testing.FakeOpenAi.call("add_review_comment",
                                    "{\"path\": \"" + SERVICE + "\", \"line\": 4, \"side\": \"LEFT\", "
                                            + "\"severity\": \"warning\", \"body\": \"Removing calls breaks the metrics.\"}")));
            Map<String, String> env = new java.util.HashMap<>(env());
            env.putAll(Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL", openAi.baseUrl(),
                    "PR_HARNESS_MODEL", "strong", "PR_HARNESS_CHEAP_MODEL", "cheap"));

            CliRun run = CliRun.of(env, "review-pr", "acme/widgets#7");

            assertEquals(0, run.exitCode(), run.err());
            ObjectNode left = github.reviewComments().stream().filter(c -> c.path("side").asText().equals("LEFT"))
                    .findFirst().orElseThrow(() -> new AssertionError(github.reviewComments().toString()));
            assertEquals(4, left.path("line").asInt());
            assertTrue(left.path("body").asText().contains("Removing calls breaks the metrics."));
        }
    }

    @Test
    void usageErrorsSayWhatToDo() {
        CliRun noToken = CliRun.of(Map.of(), "review-pr", "acme/widgets#7");
        assertEquals(2, noToken.exitCode());
        assertTrue(noToken.err().contains("GITHUB_TOKEN is not set"));
        CliRun badRef = CliRun.of(Map.of("GITHUB_TOKEN", TOKEN), "review-pr", "acme/widgets");
        assertEquals(2, badRef.exitCode());
        assertTrue(badRef.err().contains("OWNER/REPO#N"));
        CliRun missing = CliRun.of(env(), "review-pr", "acme/widgets#99", "--no-ai");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("not found (HTTP 404)"), missing.err());
        CliRun badToken = CliRun.of(Map.of("GITHUB_TOKEN", "wrong", "GITHUB_API_URL", github.apiUrl()), "review-pr", "acme/widgets#7", "--no-ai");
        assertEquals(2, badToken.exitCode());
        assertTrue(badToken.err().contains("HTTP 401"), badToken.err());
    }

    @Test
    void aPullRequestUrlWorksAsWellAsTheShortForm() {
        CliRun run = CliRun.of(env(), "review-pr", "https://github.com/acme/widgets/pull/7", "--no-ai", "--dry-run");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void unreachableGitHubExitsWithThree() {
        CliRun run = CliRun.of(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", "http://127.0.0.1:1"), "review-pr",
                "acme/widgets#7", "--no-ai");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("cannot reach GitHub"), run.err());
    }

    private Map<String, String> env() {
        return Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", github.apiUrl());
    }

    @Test
    void aReviewWithMoreFindingsThanABodyHoldsIsPostedWithinGitHubsLimitAndSaysHowManyMore() {
        StringBuilder many = new StringBuilder("package demo;\n\nclass Many {\n    void run() throws Exception {\n    }\n");
        for (int i = 0; i < 700; i++) {
            many.append("\n    void call").append(i).append("() {\n        try {\n            run();\n        } catch (Exception e")
                    .append(i).append(") {\n        }\n    }\n");
        }
        repo.write("src/main/java/demo/Many.java", many.append("}\n").toString());
        pr.headSha = repo.commit("many empty catch blocks");

        CliRun run = reviewPr();

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, github.reviews().size(), "one review, accepted the first time");
        assertEquals(1, github.requests("POST", "/pulls/7/reviews").size(), "no retries, no probes");
        String body = github.reviews().get(0).path("body").asText();
        assertTrue(body.length() <= FakeGitHub.MAX_BODY_CHARS, "body of " + body.length() + " characters");
        assertTrue(body.matches("(?s).*… and \\d+ more, not listed.*"), body.substring(Math.max(0, body.length() - 400)));
        assertEquals(1, github.issueComments().size(), "the summary was written too");
        assertTrue(github.issueComments().get(0).path("body").asText().length() <= FakeGitHub.MAX_BODY_CHARS);
    }

    @Test
    void aRepositoryRuleFileThatNamesAFileOutsideTheRepositoryIsRefusedAndNothingOfItIsPosted() throws Exception {
        Path secret = dir.resolve("secret.env");
        java.nio.file.Files.writeString(secret, "GITHUB_WEBHOOK_SECRET=CANARY-3b1d\n");
        repo.git("checkout", "-q", "main");
        repo.write(".github/pr-harness.yml", "rules:\n  checkstyle: config/cs.xml\n");
        repo.write("config/cs.xml", "<?xml version=\"1.0\"?>\n<module name=\"Checker\">\n  <module name=\"Header\">\n"
                + "    <property name=\"headerFile\" value=\"" + secret + "\"/>\n  </module>\n</module>\n");
        repo.commit("team rules");
        repo.git("checkout", "-q", "feature");

        CliRun run = reviewPr();

        assertEquals(0, run.exitCode(), run.err());
        List<String> posted = new java.util.ArrayList<>();
        github.reviews().forEach(r -> posted.add(r.path("body").asText()));
        github.reviewComments().forEach(c -> posted.add(c.path("body").asText()));
        github.issueComments().forEach(c -> posted.add(c.path("body").asText()));
        assertTrue(posted.stream().noneMatch(b -> b.contains("CANARY-3b1d")), posted.toString());
        String summary = github.issueComments().get(0).path("body").asText();
        assertTrue(summary.contains("config/cs.xml line 4: module Header property headerFile"), summary);
        assertTrue(summary.contains("the defaults were used"), summary);
        assertTrue(github.reviewComments().stream().anyMatch(c -> c.path("body").asText().contains("UseEqualsToCompareStrings")),
                "reviewed with the default rules");
    }

    private CliRun reviewPr(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "review-pr";
        args[1] = "acme/widgets#7";
        args[2] = "--no-ai";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRun.of(env(), args);
    }

    private static String commentsOf(String requestBody) {
        try {
            return JSON.readTree(requestBody).path("comments").toString();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
