package dev.prharness.server;

import static dev.prharness.testing.FakeOpenAi.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.cli.Main;
import dev.prharness.store.Job;
import dev.prharness.store.JobStore;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.FakeOpenAi;
import dev.prharness.testing.Fixtures;
import dev.prharness.testing.TestRepo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each attempt of a job keeps its run record in the store: the model and tool calls, the GitHub calls, why the
 * harness stopped and what was posted; tool arguments redacted, no file contents; gone with the job.
 */
class RunRecordTest {

    private static final String FILE = "src/A.java";
    private static final String TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

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
    void aReviewJobKeepsWhatItDidAndJobsShowPrintsIt() throws Exception {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write(FILE, "package a;\n\npublic class A {\n}\n");
        String base = repo.commit("base");
        repo.write(FILE, "package a;\n\npublic class A {\n    private int secretSauceField;\n}\n");
        String head = repo.commit("head");
        github = new FakeGitHub(repo, "acme/widgets").acceptToken("gh-record").botLogin("pr-harness[bot]");
        github.pullRequest(7, base, head);
        openAi = new FakeOpenAi().otherwise(r -> r.model().equals("cheap") ? openAi.text("cheap", "- adds a field")
                : r.body().get("messages").size() <= 3
                        ? openAi.toolCalls("strong", call("read_file", "{\"path\": \"" + FILE + "\", \"note\": \"" + TOKEN + "\"}"))
                        : openAi.toolCalls("strong", call("submit_review", "{\"summary\": \"ok\"}")));
        Map<String, String> env = TestServer.environment(dir, "record-secret", github, "gh-record", "");
        env.putAll(Map.of("OPENAI_API_KEY", "sk-record-test", "OPENAI_BASE_URL", openAi.baseUrl(),
                "PR_HARNESS_MODEL", "strong", "PR_HARNESS_CHEAP_MODEL", "cheap"));
        server = new TestServer(env);
        server.runner.start();

        server.webhooks.deliver("pull_request", Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", 7, head, 99)));
        server.awaitJobs();

        Job job = server.store.jobs().get(0);
        List<JobStore.RunRecord> records = server.store.runRecords(job.id());
        assertEquals(1, records.size());
        JsonNode record = new ObjectMapper().readTree(records.get(0).eventsJson());
        assertEquals("done", record.get("outcome").asText());
        List<String> events = new ArrayList<>();
        record.get("events").forEach(e -> events.add(e.get("event").asText()));
        assertTrue(events.contains("model_call") && events.contains("tool_call") && events.contains("github_call")
                && events.contains("harness_stop") && events.contains("posted"), events.toString());
        JsonNode toolCall = find(record, "tool_call", "read_file");
        assertTrue(toolCall.get("arguments").asText().contains(FILE), toolCall.toString());
        assertTrue(toolCall.get("result_chars").asInt() > 0);
        assertFalse(records.get(0).eventsJson().contains(TOKEN), "tool arguments are redacted");
        assertFalse(records.get(0).eventsJson().contains("secretSauceField"), "no file contents in the record");
        assertEquals("submitted", find(record, "harness_stop", null).get("reason").asText());
        assertTrue(find(record, "posted", null).get("summary").asBoolean());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"jobs", "show", String.valueOf(job.id())}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), false);
        String shown = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, shown);
        assertTrue(shown.contains("attempt 1") && shown.contains("model: ") && shown.contains("stopped: submitted")
                && shown.contains("tool_call") && shown.contains("tool=read_file"), shown);

        assertEquals(1, server.store.purge(java.time.Instant.now().plus(Duration.ofDays(1))));
        assertEquals(List.of(), server.store.runRecords(job.id()), "the record goes with its job");
    }

    private static JsonNode find(JsonNode record, String event, String tool) {
        for (JsonNode e : record.get("events")) {
            if (e.get("event").asText().equals(event) && (tool == null || tool.equals(e.path("tool").asText()))) {
                return e;
            }
        }
        throw new AssertionError("no " + event + " in " + record);
    }
}
