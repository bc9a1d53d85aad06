package dev.prharness.server;

import static dev.prharness.testing.FakeOpenAi.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.FakeOpenAi;
import dev.prharness.testing.Fixtures;
import dev.prharness.testing.TestRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check run {@code pr-harness}, with the real server and a fake GitHub that refuses what GitHub refuses (more than
 * 50 annotations a request, an unknown head commit, a completed run without a conclusion, a token that may not write
 * checks): in progress, then neutral for a linters-only review or one that did not happen, failure only at
 * {@code fail_on}, success for a full review with nothing found; findings outside the diff as annotations in batches.
 */
class CheckRunsTest {

    private static final String FILE = "src/a/Loader.java";
    private static final String TOKEN = "gh-checks";

    @TempDir
    Path dir;

    private TestRepo repo;
    private FakeGitHub github;
    private FakeOpenAi openAi;
    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
        github.close();
        if (openAi != null) {
            openAi.close();
        }
    }

    private void start(Map<String, String> model) {
        github = new FakeGitHub(repo, "acme/widgets").acceptToken(TOKEN).botLogin("pr-harness[bot]");
        Map<String, String> env = TestServer.environment(dir, "checks-secret", github, TOKEN, "");
        env.putAll(model);
        server = new TestServer(env);
        server.runner.start();
    }

    private void open(int number, String base, String head) {
        github.pullRequest(number, base, head);
        deliver(number, head);
    }

    private void deliver(int number, String head) {
        server.webhooks.deliver("pull_request", Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", number, head, 99)));
        server.awaitJobs();
    }

    private ObjectNode onlyCheck() {
        assertEquals(1, github.checkRuns().size(), github.checkRuns().toString());
        return github.checkRuns().get(0);
    }

    private static List<String> history(JsonNode run) {
        List<String> states = new ArrayList<>();
        run.path("history").forEach(h -> states.add(h.asText()));
        return states;
    }

    /** A repository whose second commit compares strings with {@code ==} (an error); its two commits. */
    private String[] aStringComparison() {
        repo = TestRepo.init(dir.resolve("repo"));
        repo.write(FILE, "package a;\n\npublic class Loader {\n}\n");
        String base = repo.commit("base");
        repo.write(FILE, "package a;\n\npublic class Loader {\n    boolean same(String a) {\n        return a == \"x\";\n    }\n}\n");
        return new String[] {base, repo.commit("head")};
    }

    @Test
    void aLintersOnlyReviewIsNeutralAndSaysWhyAndFailOnMakesItAFailure() {
        String[] commits = aStringComparison();
        String base = commits[0];
        String head = commits[1];
        start(Map.of());

        open(7, base, head);

        ObjectNode run = onlyCheck();
        assertEquals(List.of("in_progress", "completed:neutral"), history(run));
        assertEquals(head, run.path("head_sha").asText());
        String title = run.path("output").path("title").asText();
        assertTrue(title.startsWith("Reviewed 1 file, 1 finding (1 error)") && title.endsWith("not everything was reviewed"),
                title);
        assertTrue(run.path("output").path("summary").asText().contains("linters only: the AI review is off"),
                run.path("output").path("summary").asText());

        // The repository's fail_on (read from the default branch) makes a finding at that level a failure.
        repo.write(".github/pr-harness.yml", "fail_on: error\n");
        String configured = repo.commit("fail on errors");
        open(8, base, configured);
        JsonNode failed = github.checkRuns().get(1);
        assertEquals(List.of("in_progress", "completed:failure"), history(failed));
        assertTrue(failed.path("output").path("summary").asText().contains("A finding reaches `fail_on: error`"));

        // A /review with no new commits judges nothing new: no new check replaces the failure.
        github.permission("maintainer", "write");
        server.webhooks.deliver("issue_comment", Fixtures.bytes(Fixtures.comment("created", "acme/widgets", 8, "/review",
                "maintainer", "User", 99)));
        server.awaitJobs();
        assertTrue(github.issueComments().stream().anyMatch(c -> c.path("body").asText().contains("No new commits")));
        server.webhooks.deliver("issue_comment", Fixtures.bytes(Fixtures.comment("created", "acme/widgets", 8, "/lint",
                "maintainer", "User", 99)));
        server.awaitJobs();
        assertTrue(github.issueComments().stream().anyMatch(c -> c.path("body").asText().startsWith("Linters run.")));
        assertEquals(2, github.checkRuns().size(), "the failure stands: neither /review without new commits nor /lint replaces it");
    }

    @Test
    void aDraftThatIsNotReviewedGetsANeutralCheckNeverASuccess() {
        repo = TestRepo.init(dir.resolve("repo"));
        repo.write(FILE, "package a;\n\npublic class Loader {\n}\n");
        String base = repo.commit("base");
        repo.write(FILE, "package a;\n\npublic class Loader {\n    int size;\n}\n");
        String head = repo.commit("head");
        start(Map.of());
        github.pullRequest(7, base, head).draft = true;

        deliver(7, head);

        ObjectNode run = onlyCheck();
        assertEquals(List.of("in_progress", "completed:neutral"), history(run));
        assertEquals("Not reviewed", run.path("output").path("title").asText());
        assertTrue(run.path("output").path("summary").asText().contains("Draft pull request"));
    }

    @Test
    void aFullReviewThatFindsNothingIsASuccess() {
        repo = TestRepo.init(dir.resolve("repo"));
        repo.write(FILE, "package a;\n\npublic class Loader {\n}\n");
        String base = repo.commit("base");
        repo.write(FILE, "package a;\n\npublic class Loader {\n    int size() {\n        return 0;\n    }\n}\n");
        String head = repo.commit("head");
        openAi = new FakeOpenAi().otherwise(r -> r.model().equals("cheap")
                ? openAi.text("cheap", "- adds size()")
                : openAi.toolCalls("strong", call("submit_review", "{\"summary\": \"Looks right.\"}")));
        start(TestServer.model(openAi));

        open(7, base, head);

        ObjectNode run = onlyCheck();
        assertEquals(List.of("in_progress", "completed:success"), history(run));
        assertEquals("Reviewed 1 file, no findings", run.path("output").path("title").asText());
    }

    @Test
    void findingsOutsideTheDiffAreAnnotationsSentFiftyARequest() {
        repo = TestRepo.init(dir.resolve("repo"));
        StringBuilder body = new StringBuilder("package a;\n\npublic class Loader {\n");
        for (int i = 0; i < 120; i++) {
            body.append("    void load").append(i).append("() {\n        try {\n            Thread.sleep(").append(i)
                    .append(");\n        } catch (InterruptedException e").append(i).append(") {\n        }\n    }\n");
        }
        body.append("}\n");
        repo.write(".github/pr-harness.yml", "filter: file\nonly_new: false\n");
        repo.write(FILE, body.toString());
        String base = repo.commit("base");
        repo.write(FILE, "// Loads things.\n" + body);
        String head = repo.commit("head");
        start(Map.of());

        open(7, base, head);

        ObjectNode run = onlyCheck();
        JsonNode annotations = run.path("output").path("annotations");
        assertEquals(120, annotations.size(), "every empty catch outside the diff is an annotation");
        assertTrue(annotations.get(0).path("path").asText().equals(FILE) && annotations.get(0).path("start_line").asInt() > 1);
        assertEquals(3, github.requests("PATCH", "/check-runs/").size(), "50 + 50 + 20");
        assertTrue(history(run).getLast().startsWith("completed:"));
    }

    @Test
    void aTokenThatMayNotWriteChecksStillGetsItsReview() {
        String[] commits = aStringComparison();
        start(Map.of());
        github.forbidChecks(TOKEN);

        open(7, commits[0], commits[1]);

        assertEquals(0, github.checkRuns().size());
        assertEquals(1, github.reviews().size(), "the review is posted all the same");
    }
}
