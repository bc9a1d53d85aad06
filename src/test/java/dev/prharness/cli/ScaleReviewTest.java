package dev.prharness.cli;

import static dev.prharness.testing.FakeOpenAi.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.testing.FakeOpenAi;
import dev.prharness.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A big change reviewed by parallel loops, end to end through the command line and openai-java against a fake
 * OpenAI that takes time to answer and caches prompt prefixes as OpenAI does: the parts run at the same time and
 * merge, a failing part leaves the others' comments, every request starts with the same bytes, cached tokens are
 * read and priced, and a cost cap stops the review.
 */
class ScaleReviewTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "gpt-4.1";
    private static final Pattern PART_FILE = Pattern.compile("(?m)^- (src/\\S+\\.java)$");
    private static final long LATENCY_MILLIS = 400;
    private static final int FILES = 14;

    @TempDir
    Path dir;

    private FakeOpenAi openAi;
    private String base;
    private String head;

    @BeforeEach
    void aChangeOfFourteenFilesWithTheirTests() {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        for (int i = 0; i < FILES / 2; i++) {
            repo.write(main(i), "package p" + i + ";\n\npublic class C" + i + " {\n}\n");
            repo.write(test(i), "package p" + i + ";\n\nclass C" + i + "Test {\n}\n");
        }
        base = repo.commit("base");
        for (int i = 0; i < FILES / 2; i++) {
            repo.write(main(i), "package p" + i + ";\n\npublic class C" + i + " {\n    int size" + i + "() {\n        return " + i
                    + ";\n    }\n}\n");
            repo.write(test(i), "package p" + i + ";\n\nclass C" + i + "Test {\n    void sizeIs" + i + "() {\n    }\n}\n");
        }
        head = repo.commit("sizes");
        openAi = new FakeOpenAi().latency(Duration.ofMillis(LATENCY_MILLIS)).promptCaching();
    }

    @AfterEach
    void stop() {
        openAi.close();
    }

    private static String main(int i) {
        return "src/main/java/p" + i + "/C" + i + ".java";
    }

    private static String test(int i) {
        return "src/test/java/p" + i + "/C" + i + "Test.java";
    }

    /**
     * The scripted model: each loop reads the diffs of its files, comments on line 4 of each of its main sources,
     * and submits; the cheap model writes the merged overview with the {@code write_overview} tool.
     */
    private FakeOpenAi.Reply model(FakeOpenAi.Recorded request) {
        if (request.offersTool("write_overview")) {
            return openAi.toolCalls(MODEL, call("write_overview",
                    "{\"changes\": \"- adds size methods\", \"assessment\": \"Merged assessment of all parts.\"}"));
        }
        if (!request.offersTool("submit_review")) {
            return openAi.text(MODEL, "- a description");
        }
        List<String> mine = partFiles(request);
        int turn = (int) messages(request).stream().filter(m -> m.path("role").asText().equals("assistant")).count();
        return switch (turn) {
            case 0 -> openAi.toolCalls(MODEL, mine.stream().map(p -> call("get_file_diff", "{\"path\": \"" + p + "\"}"))
                    .toArray(String[][]::new));
            case 1 -> openAi.toolCalls(MODEL, mine.stream().filter(p -> p.startsWith("src/main/"))
                    .map(p -> call("add_review_comment", "{\"path\": \"" + p + "\", \"line\": 4, \"severity\": \"warning\", "
                            + "\"body\": \"A magic number.\"}"))
                    .toArray(String[][]::new));
            default -> openAi.toolCalls(MODEL, call("submit_review", "{\"summary\": \"Part of " + mine.size() + " files.\"}"));
        };
    }

    private static List<JsonNode> messages(FakeOpenAi.Recorded request) {
        return StreamSupport.stream(request.body().path("messages").spliterator(), false).toList();
    }

    private static String partMessage(FakeOpenAi.Recorded request) {
        return messages(request).get(2).path("content").asText();
    }

    private static List<String> partFiles(FakeOpenAi.Recorded request) {
        List<String> files = new ArrayList<>();
        Matcher m = PART_FILE.matcher(partMessage(request));
        while (m.find()) {
            files.add(m.group(1));
        }
        return files;
    }

    private CliRun review(Map<String, Object> settings) throws Exception {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("models", Map.of("max_retries", 0));
        Map<String, Object> harness = new HashMap<>(Map.of("triage_min_files", 100));
        if (settings.get("harness") instanceof Map<?, ?> extra) {
            extra.forEach((k, v) -> harness.put((String) k, v));
        }
        all.put("harness", harness);
        Path config = dir.resolve("pr-harness.yml");
        Files.writeString(config, JSON.writeValueAsString(all));
        return CliRun.of(Map.of("OPENAI_API_KEY", "sk-scale-test", "OPENAI_BASE_URL", openAi.baseUrl(),
                "PR_HARNESS_MODEL", MODEL, "PR_HARNESS_CONFIG", config.toString()),
                "review", "--repo", dir.resolve("repo").toString(), "--base", base, "--head", head, "--format", "json");
    }

    /** The strong model's requests, by the part they belong to (its number), in the order they arrived. */
    private Map<String, List<FakeOpenAi.Recorded>> byPart() {
        Map<String, List<FakeOpenAi.Recorded>> parts = new LinkedHashMap<>();
        openAi.requests().stream().filter(r -> r.offersTool("submit_review"))
                .forEach(r -> parts.computeIfAbsent(partMessage(r), k -> new ArrayList<>()).add(r));
        return parts;
    }

    @Test
    void aBigChangeIsReviewedByLoopsRunningAtTheSameTimeAndMergedIntoOneReview() throws Exception {
        openAi.otherwise(this::model);

        CliRun run = review(Map.of());

        assertEquals(0, run.exitCode(), run.err());
        Map<String, List<FakeOpenAi.Recorded>> parts = byPart();
        assertEquals(4, parts.size(), "14 files in 4 parts (max_parallel_loops 4): " + parts.keySet());
        List<String> seen = new ArrayList<>();
        for (List<FakeOpenAi.Recorded> part : parts.values()) {
            List<String> files = partFiles(part.get(0));
            seen.addAll(files);
            for (String file : files) {
                String partner = file.contains("/main/") ? file.replace("src/main/", "src/test/").replace(".java", "Test.java")
                        : file.replace("src/test/", "src/main/").replace("Test.java", ".java");
                assertTrue(files.contains(partner), "a file and its test are in one part: " + files);
            }
        }
        assertEquals(FILES, seen.size());
        assertEquals(FILES, seen.stream().distinct().count(), "every file in exactly one part");

        long firstTurnSpread = parts.values().stream().mapToLong(p -> p.get(0).arrivedNanos()).max().orElseThrow()
                - parts.values().stream().mapToLong(p -> p.get(0).arrivedNanos()).min().orElseThrow();
        assertTrue(firstTurnSpread < LATENCY_MILLIS * 1_000_000L,
                "every part's first call was sent before any was answered: spread " + firstTurnSpread / 1_000_000 + " ms");

        JsonNode review = JSON.readTree(run.out());
        List<JsonNode> model = StreamSupport.stream(review.get("comments").spliterator(), false)
                .filter(c -> c.get("source").asText().equals("model")).toList();
        assertEquals(FILES / 2, model.size(), "one comment per main source, none twice: " + model);
        assertEquals(FILES / 2, model.stream().map(c -> c.get("path").asText()).distinct().count());
        String summary = review.get("summary").asText();
        assertTrue(summary.contains("Merged assessment of all parts.") && summary.contains("- adds size methods"), summary);
        assertEquals(1, openAi.requests().stream().filter(r -> r.offersTool("write_overview")).count(), "one merge call");
        assertTrue(openAi.requests().stream().noneMatch(r -> r.allText().contains("You describe what a pull request does")),
                "the merge writes the description; no separate call");
    }

    @Test
    void everyRequestStartsWithTheSameBytesAndCachedTokensAreReadAndPriced() throws Exception {
        openAi.otherwise(this::model);

        CliRun run = review(Map.of());

        assertEquals(0, run.exitCode(), run.err());
        Map<String, List<FakeOpenAi.Recorded>> parts = byPart();
        FakeOpenAi.Recorded first = parts.values().iterator().next().get(0);
        for (List<FakeOpenAi.Recorded> part : parts.values()) {
            for (int turn = 0; turn < part.size(); turn++) {
                FakeOpenAi.Recorded request = part.get(turn);
                assertEquals(first.body().get("tools"), request.body().get("tools"), "the same tools, in the same order");
                assertEquals(messages(first).subList(0, 2), messages(request).subList(0, 2),
                        "system prompt and the change's context are the same in every part and turn");
                if (turn > 0) {
                    List<JsonNode> before = messages(part.get(turn - 1));
                    assertEquals(before, messages(request).subList(0, before.size()),
                            "a turn's request begins with the whole previous request, unchanged");
                }
            }
        }
        JsonNode stats = JSON.readTree(run.out()).get("stats");
        long prompt = stats.get("prompt_tokens").asLong();
        long cached = stats.get("cached_tokens").asLong();
        long completion = stats.get("completion_tokens").asLong();
        assertTrue(cached > 0 && cached < prompt, stats.toString());
        // gpt-4.1: $2.00 per million input tokens, $0.50 cached, $8.00 output (config/pr-harness.yml).
        double expected = ((prompt - cached) * 2.00 + cached * 0.50 + completion * 8.00) / 1_000_000;
        assertEquals(expected, stats.get("estimated_cost_usd").asDouble(), 1e-6, stats.toString());
    }

    @Test
    void aPartThatFailsIsReportedAndTheOtherPartsStillCount() throws Exception {
        openAi.otherwise(r -> r.offersTool("submit_review") && partMessage(r).contains("Yours is part 2:")
                ? FakeOpenAi.error(400, "This model's maximum context length is 128000 tokens")
                : model(r));

        CliRun run = review(Map.of());

        assertEquals(0, run.exitCode(), run.err());
        JsonNode review = JSON.readTree(run.out());
        List<JsonNode> model = StreamSupport.stream(review.get("comments").spliterator(), false)
                .filter(c -> c.get("source").asText().equals("model")).toList();
        List<String> failedFiles = byPart().entrySet().stream().filter(e -> e.getKey().contains("Yours is part 2:"))
                .flatMap(e -> partFiles(e.getValue().get(0)).stream()).toList();
        assertFalse(failedFiles.isEmpty());
        assertTrue(model.size() > 0 && model.stream().noneMatch(c -> failedFiles.contains(c.get("path").asText())),
                "the other parts' comments are kept: " + model);
        String summary = review.get("summary").asText();
        assertTrue(summary.contains("Part 2 of 4") && summary.contains("failed") && summary.contains("maximum context length")
                && summary.contains("got no model review"), summary);
    }

    @Test
    void whenEveryPartFailsTheReviewCannotComplete() throws Exception {
        openAi.otherwise(r -> r.offersTool("submit_review") ? FakeOpenAi.error(400, "bad request") : model(r));

        CliRun run = review(Map.of());

        assertEquals(3, run.exitCode(), run.out());
        assertTrue(run.err().contains("HTTP 400"), run.err());
    }

    @Test
    void theCostCapPerReviewStopsTheModelAndTheSummarySaysSo() throws Exception {
        openAi.otherwise(this::model);

        CliRun capped = review(Map.of("budgets", Map.of("per_review_usd", 0.0001)));

        assertEquals(0, capped.exitCode(), capped.err());
        JsonNode review = JSON.readTree(capped.out());
        assertTrue(review.get("summary").asText().contains("stopped at the cost budget"), review.get("summary").asText());
        assertTrue(review.at("/stats/model_calls").asInt() < 8, "a few calls, not the whole review: " + review.get("stats"));

        CliRun none = review(Map.of("budgets", Map.of("per_review_usd", 0)));

        assertEquals(0, none.exitCode(), none.err());
        JsonNode linters = JSON.readTree(none.out());
        assertEquals(0, linters.at("/stats/model_calls").asInt());
        assertTrue(linters.get("summary").asText().contains("Linters only: the model budget per review"),
                linters.get("summary").asText());
    }
}
