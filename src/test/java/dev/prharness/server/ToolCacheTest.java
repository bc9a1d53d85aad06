package dev.prharness.server;

import static dev.prharness.testing.FakeOpenAi.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * One server process reviews the same head incrementally and then in full: the tool cache, shared by every run
 * of the process, answers each from its own change, never the other's.
 */
class ToolCacheTest {

    private static final String FILE = "src/A.java";

    @TempDir
    Path dir;

    private FakeGitHub github;
    private FakeOpenAi openAi;
    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
        github.close();
        openAi.close();
    }

    @Test
    void aFullReviewAfterAnIncrementalOneOfTheSameHeadSeesTheWholeDiff() {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write(FILE, "package a;\n\npublic class A {\n}\n");
        String base = repo.commit("base");
        repo.write(FILE, "package a;\n\npublic class A {\n    int firstPush;\n}\n");
        String first = repo.commit("first");
        repo.write(FILE, "package a;\n\npublic class A {\n    int firstPush;\n    int secondPush;\n}\n");
        String second = repo.commit("second");
        github = new FakeGitHub(repo, "acme/widgets").acceptToken("gh-cache").botLogin("pr-harness[bot]")
                .permission("maintainer", "write");
        FakeGitHub.Pr pr = github.pullRequest(7, base, first);
        openAi = new FakeOpenAi().otherwise(r -> r.model().equals("cheap") ? openAi.text("cheap", "- adds fields")
                : r.body().get("messages").size() <= 3
                        ? openAi.toolCalls("strong", call("get_file_diff", "{\"path\": \"" + FILE + "\"}"))
                        : openAi.toolCalls("strong", call("submit_review", "{\"summary\": \"ok\"}")));
        Map<String, String> env = TestServer.environment(dir, "cache-secret", github, "gh-cache", "");
        env.putAll(Map.of("OPENAI_API_KEY", "sk-cache-test", "OPENAI_BASE_URL", openAi.baseUrl(), "PR_HARNESS_MODEL", "strong",
                "PR_HARNESS_CHEAP_MODEL", "cheap"));
        server = new TestServer(env);
        server.runner.start();

        server.webhooks.deliver("pull_request", Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", 7, first, 99)));
        server.awaitJobs();
        pr.headSha = second;
        server.webhooks.deliver("pull_request", Fixtures.bytes(Fixtures.pullRequest("synchronize", "acme/widgets", 7, second, 99)));
        server.awaitJobs();
        server.webhooks.deliver("issue_comment", Fixtures.bytes(Fixtures.comment("created", "acme/widgets", 7, "/review full",
                "maintainer", "User", 99)));
        server.awaitJobs();

        List<String> diffs = diffsTheModelSaw();
        assertEquals(3, diffs.size(), diffs.toString());
        assertTrue(diffs.get(1).contains("secondPush") && !diffs.get(1).matches("(?s).*\\+\\s+int firstPush.*"),
                "the incremental review saw what the push added: " + diffs.get(1));
        assertTrue(diffs.get(2).matches("(?s).*\\+\\s+int firstPush.*") && diffs.get(2).matches("(?s).*\\+\\s+int secondPush.*"),
                "the full review saw the whole pull request, not the cached incremental diff: " + diffs.get(2));
        assertFalse(diffs.get(2).equals(diffs.get(1)));
    }

    /** The get_file_diff results, in the order the model received them. */
    private List<String> diffsTheModelSaw() {
        List<String> diffs = new ArrayList<>();
        for (FakeOpenAi.Recorded request : openAi.requestsFor("strong")) {
            JsonNode messages = request.body().get("messages");
            JsonNode last = messages.get(messages.size() - 1);
            if (last.get("role").asText().equals("tool") && last.get("content").asText().contains("Diff of")) {
                diffs.add(last.get("content").asText());
            }
        }
        return diffs;
    }
}
