package dev.prharness.server;

import static dev.prharness.testing.FakeOpenAi.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.FakeOpenAi;
import dev.prharness.testing.Fixtures;
import dev.prharness.testing.TestRepo;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's budgets with the real server, the fake GitHub and the fake OpenAI: a repository that has spent its
 * daily budget gets a linters-only review whose summary says which budget and when it resets, and {@code /metrics}
 * shows what each repository spent.
 */
class BudgetTest {

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
    void aRepositoryOverItsDailyBudgetGetsALintersOnlyReviewThatSaysWhy() throws Exception {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write(FILE, "package a;\n\npublic class A {\n}\n");
        String base = repo.commit("base");
        repo.write(FILE, "package a;\n\npublic class A {\n    private int size;\n}\n");
        String head = repo.commit("head");
        github = new FakeGitHub(repo, "acme/widgets").acceptToken("gh-budget").botLogin("pr-harness[bot]");
        github.pullRequest(7, base, head);
        github.pullRequest(8, base, head);
        // gpt-4.1 at $2 / $8 per million tokens: each review call here costs $0.0014 to $0.0028.
        openAi = new FakeOpenAi().otherwise(r -> r.offersTool("submit_review")
                ? openAi.toolCalls("gpt-4.1", call("submit_review", "{\"summary\": \"Looked at it.\"}"))
                : openAi.text("gpt-4.1", "- adds a field"));
        Map<String, String> env = TestServer.environment(dir, "budget-secret", github, "gh-budget",
                "budgets: {per_repository_per_day_usd: 0.004}\n");
        env.putAll(Map.of("OPENAI_API_KEY", "sk-budget-test", "OPENAI_BASE_URL", openAi.baseUrl(), "PR_HARNESS_MODEL", "gpt-4.1"));
        server = new TestServer(env);
        server.runner.start();

        server.webhooks.deliver("pull_request", Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", 7, head, 99)));
        server.awaitJobs();
        int callsForTheFirst = openAi.requests().size();
        server.webhooks.deliver("pull_request", Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", 8, head, 99)));
        server.awaitJobs();

        assertEquals(2, callsForTheFirst, "the first review used the model (description and review)");
        assertEquals(callsForTheFirst, openAi.requests().size(), "the second review did not call the model");
        String second = github.issueComments().stream().map(c -> c.path("body").asText())
                .filter(b -> b.contains("Linters only")).findFirst()
                .orElseThrow(() -> new AssertionError("no summary says why: " + github.issueComments()));
        assertTrue(second.contains("the daily model budget of acme/widgets ($0.004) is spent"), second);
        assertTrue(second.contains("00:00 UTC"), "says when it resets: " + second);

        String metrics = server.webhooks.get("/metrics").body();
        Matcher spend = Pattern.compile("prharness_model_spend_usd_total\\{repository=\"acme/widgets\"} ([0-9.Ee-]+)").matcher(metrics);
        assertTrue(spend.find(), metrics);
        assertEquals(0.0042, Double.parseDouble(spend.group(1)), 1e-9, "500+50 and 1000+100 tokens at gpt-4.1's prices");
        assertTrue(metrics.contains("prharness_budget_refusals_total{budget=\"repository\"} 1.0"), metrics);
    }
}
