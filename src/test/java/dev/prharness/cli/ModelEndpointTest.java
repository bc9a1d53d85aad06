package dev.prharness.cli;

import static dev.prharness.testing.FakeOpenAi.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prharness.testing.FakeOpenAi;
import dev.prharness.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests carry only what the endpoint takes, against a fake that refuses what vLLM, Ollama and o-series refuse. */
class ModelEndpointTest {

    private static final String FILE = "src/main/java/demo/Service.java";

    @TempDir
    Path dir;

    private FakeOpenAi openAi;
    private String base;

    @BeforeEach
    void aChange() {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write(FILE, "package demo;\n\npublic class Service {\n}\n");
        base = repo.commit("base");
        repo.write(FILE, "package demo;\n\npublic class Service {\n    int calls;\n}\n");
        repo.commit("head");
        openAi = new FakeOpenAi().otherwise(r -> FakeOpenAi.error(500, "unscripted"));
    }

    @AfterEach
    void stop() {
        openAi.close();
    }

    private CliRun review(String model, String settings) throws Exception {
        Path config = dir.resolve("settings.yml");
        Files.writeString(config, "models:\n  max_retries: 0\n  strong: {temperature: 0.2}\n  cheap: {temperature: 0.2}\n" + settings);
        return CliRun.of(Map.of("OPENAI_API_KEY", "sk-endpoint-test", "OPENAI_BASE_URL", openAi.baseUrl(),
                "PR_HARNESS_MODEL", model, "PR_HARNESS_CONFIG", config.toString()),
                "review", "--repo", dir.resolve("repo").toString(), "--base", base, "--format", "json");
    }

    @Test
    void anOSeriesModelGetsNoTemperatureNoParallelToolCallsAndMaxCompletionTokens() throws Exception {
        openAi.otherwise(r -> r.offersTool("submit_review")
                ? openAi.toolCalls("o4-mini", call("submit_review", "{\"summary\": \"fine\"}"))
                : openAi.text("o4-mini", "- adds a counter"));

        CliRun run = review("o4-mini", "");

        assertEquals(0, run.exitCode(), run.err());
        for (FakeOpenAi.Recorded request : openAi.requests()) {
            JsonNode body = request.body();
            assertFalse(body.has("temperature") || body.has("parallel_tool_calls") || body.has("max_tokens"), body.toString());
            assertTrue(body.has("max_completion_tokens"), body.toString());
        }
    }

    @Test
    void aReasoningModelGetsRoomToReasonAndTheEffortConfiguredForItsRole() throws Exception {
        // o3 reasons for 6,000 tokens before it answers; they count against max_completion_tokens.
        openAi.reasoning(6_000).otherwise(r -> r.offersTool("submit_review")
                ? openAi.toolCalls("o3", call("submit_review", "{\"summary\": \"reasoned and fine\"}"))
                : openAi.text("o3", "- adds a counter"));
        Path config = dir.resolve("reasoning.yml");
        Files.writeString(config, "models:\n  max_retries: 0\n  strong: {temperature: 0.2, reasoning_effort: high}\n");

        CliRun run = CliRun.of(Map.of("OPENAI_API_KEY", "sk-endpoint-test", "OPENAI_BASE_URL", openAi.baseUrl(),
                "PR_HARNESS_MODEL", "o3", "PR_HARNESS_CONFIG", config.toString()),
                "review", "--repo", dir.resolve("repo").toString(), "--base", base, "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode review = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertTrue(review.get("summary").asText().contains("reasoned and fine"), "the answer was not cut off: " + run.out());
        JsonNode strong = openAi.requests().stream().map(FakeOpenAi.Recorded::body)
                .filter(b -> b.path("tools").size() > 0).findFirst().orElseThrow();
        assertEquals(4096 + 16000, strong.path("max_completion_tokens").asLong(), "the output cap plus room to reason");
        assertEquals("high", strong.path("reasoning_effort").asText());
        assertFalse(strong.has("temperature"), "a reasoning model takes no temperature, whatever the settings say");
    }

    @Test
    void aModelThatDoesNotReasonIsNotSentAReasoningEffort() throws Exception {
        openAi.otherwise(r -> r.offersTool("submit_review")
                ? openAi.toolCalls("gpt-4.1", call("submit_review", "{\"summary\": \"fine\"}"))
                : openAi.text("gpt-4.1", "- adds a counter"));

        // The built-in settings give the cheap role reasoning_effort: low, for when it is a reasoning model.
        CliRun run = review("gpt-4.1", "");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(openAi.requests().stream().noneMatch(r -> r.body().has("reasoning_effort")));
    }

    @Test
    void parallelToolCallsAreSentOnlyWhenConfigured() throws Exception {
        openAi.otherwise(r -> r.offersTool("submit_review")
                ? openAi.toolCalls("local-model", call("submit_review", "{\"summary\": \"fine\"}"))
                : openAi.text("local-model", "- adds a counter"));

        assertEquals(0, review("local-model", "").exitCode());
        assertTrue(openAi.requests().stream().noneMatch(r -> r.body().has("parallel_tool_calls")));
        assertTrue(openAi.requests().stream().allMatch(r -> r.body().path("temperature").asDouble() == 0.2));

        assertEquals(0, review("local-model", "  parallel_tool_calls: true\n").exitCode());
        assertTrue(openAi.requests().stream().anyMatch(r -> r.body().path("parallel_tool_calls").asBoolean(false)));
    }

    @Test
    void aMalformedToolCallIsReplayedWithEmptyArgumentsSoStrictServersGoOn() throws Exception {
        java.util.concurrent.atomic.AtomicInteger turns = new java.util.concurrent.atomic.AtomicInteger();
        openAi.otherwise(r -> !r.offersTool("submit_review") ? openAi.text("local-model", "- adds a counter")
                : turns.getAndIncrement() == 0 ? openAi.toolCalls("local-model", call("get_file_diff", "{\"path\": "))
                : openAi.toolCalls("local-model", call("submit_review", "{\"summary\": \"done after a bad call\"}")));

        CliRun run = review("local-model", "");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("done after a bad call"), run.out());
        String second = openAi.requests().stream().filter(r -> r.offersTool("submit_review")).skip(1).findFirst()
                .orElseThrow().body().toString();
        assertTrue(second.contains("\"arguments\":\"{}\""), second);
        assertTrue(second.contains("are not valid JSON"), "the tool result says what was wrong: " + second);
    }
}
