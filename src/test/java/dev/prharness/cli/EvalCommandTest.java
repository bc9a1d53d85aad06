package dev.prharness.cli;

import static dev.prharness.testing.FakeOpenAi.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.eval.EvalCase;
import dev.prharness.eval.EvalCases;
import dev.prharness.testing.FakeOpenAi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pr-harness eval} end to end: three of the built-in cases, the real pipeline and openai-java, and a scripted
 * model that finds the cache's off-by-one, misses the retry's inverted condition (commenting elsewhere), and on the
 * clean rename comments at info (model A) or raises a warning (model B, a false alarm).
 */
class EvalCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CASES = List.of("01-lru-cache-evicts-early.yml", "03-retry-gives-up-on-transient.yml",
            "27-clean-rename-method.yml");
    /** A diff line of get_file_diff: new and old line numbers in five columns, then the kind of line. */
    private static final Pattern ADDED = Pattern.compile("(?m)^\\s*(\\d+)\\s+\\+ ");

    @TempDir
    Path dir;

    private FakeOpenAi openAi;
    private Map<String, EvalCase> bySummary;

    @BeforeEach
    void threeCases() throws IOException {
        Path cases = Files.createDirectories(dir.resolve("cases"));
        for (String name : CASES) {
            try (InputStream in = EvalCases.class.getResourceAsStream("/eval/cases/" + name)) {
                Files.write(cases.resolve(name), in.readAllBytes());
            }
        }
        bySummary = new HashMap<>();
        EvalCases.from(cases).forEach(c -> bySummary.put(c.summary(), c));
        openAi = new FakeOpenAi().otherwise(this::model);
    }

    @AfterEach
    void stop() {
        openAi.close();
    }

    /** Reads the diff of the case's file, then comments where this model would, then submits. */
    private FakeOpenAi.Reply model(FakeOpenAi.Recorded request) {
        if (!request.offersTool("submit_review")) {
            return openAi.text(request.model(), "- a change");
        }
        EvalCase evalCase = bySummary.values().stream().filter(c -> request.allText().contains(c.summary())).findFirst()
                .orElseThrow();
        String path = evalCase.files().keySet().iterator().next();
        JsonNode messages = request.body().get("messages");
        long turn = 0;
        String diff = "";
        for (JsonNode message : messages) {
            turn += message.path("role").asText().equals("assistant") ? 1 : 0;
            if (message.path("role").asText().equals("tool")) {
                diff = message.path("content").asText();
            }
        }
        if (turn == 0) {
            return openAi.toolCalls(request.model(), call("get_file_diff", "{\"path\": \"" + path + "\"}"));
        }
        if (turn == 1) {
            int line;
            String severity = "warning";
            if (evalCase.summary().startsWith("Cache")) {
                line = evalCase.expected().orElseThrow().first();
            } else {
                // Missed: a comment on the first added line, far from the defect (or, clean, anywhere).
                Matcher added = ADDED.matcher(diff);
                assertTrue(added.find(), diff);
                line = Integer.parseInt(added.group(1));
                if (evalCase.clean()) {
                    severity = request.model().equals("model-b") ? "warning" : "info";
                }
            }
            return openAi.toolCalls(request.model(), call("add_review_comment", "{\"path\": \"" + path + "\", \"line\": " + line
                    + ", \"severity\": \"" + severity + "\", \"body\": \"Look at this line.\"}"));
        }
        return openAi.toolCalls(request.model(), call("submit_review", "{\"summary\": \"Reviewed.\"}"));
    }

    private CliRun eval(Map<String, String> extraEnv, String... args) {
        Path settings = dir.resolve("settings.yml");
        try {
            Files.writeString(settings, "models: {max_retries: 1}\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>(Map.of("OPENAI_API_KEY", "sk-eval-test", "OPENAI_BASE_URL", openAi.baseUrl(),
                "PR_HARNESS_MODEL", "model-a", "PR_HARNESS_CHEAP_MODEL", "cheap", "PR_HARNESS_CONFIG", settings.toString()));
        env.putAll(extraEnv);
        String[] all = new String[args.length + 3];
        all[0] = "eval";
        all[1] = "--cases";
        all[2] = dir.resolve("cases").toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(env, all);
    }

    @Test
    void theScoresSayWhatTheModelFoundMissedAndMadeUp() throws Exception {
        CliRun run = eval(Map.of(), "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(3, result.get("cases").asInt());
        JsonNode model = result.get("models").get(0);
        assertEquals("model-a", model.get("model").asText());
        JsonNode totals = model.get("totals");
        assertEquals(2, totals.get("seeded").asInt());
        assertEquals(1, totals.get("found").asInt());
        assertEquals(0.5, totals.at("/recall/mean").asDouble(), 1e-9);
        assertEquals(2.0 / 3, totals.at("/noise_per_case/mean").asDouble(), 1e-6, "the missed case's comment and the info one");
        assertEquals(0, totals.get("false_alarms").asInt(), "an info comment on a clean change is noise, not an alarm");
        assertEquals(openAi.requests().size(), totals.get("model_calls").asInt());
        assertTrue(totals.get("prompt_tokens").asLong() > 0);
        List<String> verdicts = new java.util.ArrayList<>();
        model.get("cases").forEach(c -> verdicts.add(c.get("case").asText() + "=" + c.at("/runs/0/found").asBoolean()));
        assertEquals(List.of("01-lru-cache-evicts-early=true", "03-retry-gives-up-on-transient=false",
                "27-clean-rename-method=false"), verdicts);
        assertTrue(run.err().contains("case 1 of 3") && run.err().contains("case 3 of 3") && run.err().contains("spent"),
                "progress on standard error: " + run.err());
    }

    @Test
    void twoModelsAreComparedSideBySideOnTheSameCases() {
        CliRun run = eval(Map.of(), "--model", "model-a", "--model", "model-b", "--runs", "2");

        assertEquals(0, run.exitCode(), run.err());
        String totals = run.out().substring(run.out().indexOf("Totals"));
        assertTrue(totals.lines().anyMatch(l -> l.contains("measure") && l.contains("model-a") && l.contains("model-b")), totals);
        assertTrue(totals.lines().anyMatch(l -> l.contains("false alarms") && l.contains("0 of 2 (0%)")
                && l.contains("2 of 2 (100%)")), "model B raised a warning on the clean change in both runs: " + totals);
        assertTrue(totals.lines().anyMatch(l -> l.contains("recall") && l.contains("50% (2 of 4)")), totals);
        assertTrue(run.out().contains("01-lru-cache-evicts-early       off-by-one          found 2/2")
                && run.out().contains("found 0/2") && run.out().contains("false alarm 2/2"), run.out());
        assertEquals(2 * 2 * 3, openAi.requests().stream().filter(r -> r.offersTool("submit_review"))
                .filter(r -> r.body().get("messages").size() <= 3).count(), "each case reviewed twice by each model");
    }

    @Test
    void theCostCapStopsCleanlyWithThePartialTable() throws Exception {
        // gpt-4.1 prices: each scripted call costs about $0.003, so $0.005 is spent within the first case.
        CliRun run = eval(Map.of("PR_HARNESS_MODEL", "gpt-4.1"), "--max-cost-usd", "0.005", "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertTrue(result.get("stopped").asText().startsWith("stopped at the cost cap ($0.005) after 1 of 3"), result.toString());
        assertEquals(1, result.at("/models/0/cases").size());
        assertTrue(run.err().contains("stopped at the cost cap"), run.err());
    }

    @Test
    void withoutAModelItSaysHowToConfigureOne() {
        CliRun run = CliRun.of(Map.of(), "eval");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("set OPENAI_API_KEY"), run.err());
    }

    @Test
    void aModelThatCannotBeReachedEndsWithExitThreeAndWhatWasDone() throws Exception {
        openAi.otherwise(r -> FakeOpenAi.error(503, "overloaded"));

        CliRun run = eval(Map.of(), "--format", "json");

        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("could not complete") && run.err().contains("HTTP 503"), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(0, result.get("done_reviews").asInt());
    }

    @Test
    void aBrokenCaseFileIsAUsageError() throws IOException {
        Files.writeString(dir.resolve("cases").resolve("99-broken.yml"), "summary: s\ncategory: clean\n");

        CliRun run = eval(Map.of());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("99-broken.yml") && run.err().contains("needs summary, category, files"), run.err());
    }
}
