package dev.prharness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prharness.app.CompositionRoot;
import dev.prharness.config.ReviewConfig;
import dev.prharness.diff.DiffCache;
import dev.prharness.git.GitRepository;
import dev.prharness.git.LocalChange;
import dev.prharness.harness.TokenCounter;
import dev.prharness.pipeline.ReviewPipeline;
import dev.prharness.pipeline.ReviewProgress;
import dev.prharness.review.Review;
import dev.prharness.testing.FakeOpenAi;
import dev.prharness.testing.TestRepo;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The harness at scale, with a model that takes a fixed time per call: a scripted OpenAI-compatible server on
 * 127.0.0.1 (every request through openai-java over HTTP, usage counted from the request and prompt caching as
 * OpenAI does it) reviews changes of 3, 20 and 60 files through the real review pipeline, and the 60 files once more
 * with one loop. The script does what the system prompt asks, at most ten tool calls a turn as models do: reads the
 * diffs of its files, comments on every fourth file, and submits. One review of 3 files first warms the JVM and the
 * linters, as in a running server. Reports wall time,
 * model calls, tokens sent and cached, and tokens sent per diff token. Run with {@code mvn -Pbench verify
 * -DskipTests}; arguments: project folder, latency in ms (default 1500), rounds (default 3).
 */
public final class ScaleBenchmark {

    /** A file line of the request ({@code - path (+30 -0)}) or of a part's list ({@code - path}). */
    private static final Pattern FILE_LINE = Pattern.compile("(?m)^- (\\S+\\.java)(?: \\(\\+\\d+ -\\d+\\))?$");
    private static final int ADDED_LINES = 30;
    /** What a model does in one turn at most: a handful of tool calls, not sixty. */
    private static final int MAX_CALLS_PER_TURN = 10;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private ScaleBenchmark() {}

    /** A change of some files, and for each file the first line it adds (where the script comments). */
    private record Change(LocalChange change, Map<String, Integer> firstAdded, long diffTokens) {}

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("pr-harness.events"))
                .setLevel(Boolean.getBoolean("bench.events") ? ch.qos.logback.classic.Level.INFO : ch.qos.logback.classic.Level.WARN);
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        long latency = args.length > 1 ? Long.parseLong(args[1]) : 1500;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.printf(Locale.ROOT, "| files | loops at most | diff tokens | wall time (median of %d) | model calls | tokens sent | "
                + "cached | sent / diff | est. cost |%n|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n", rounds);
        Change warmUp = change(project, 3);
        try (FakeOpenAi model = scriptedModel(warmUp.firstAdded(), 0)) {
            pipeline(model, 4).run(warmUp.change(), ReviewConfig.defaults(), ReviewProgress.SILENT);
        }
        for (int[] run : new int[][] {{3, 4}, {20, 4}, {60, 4}, {60, 1}}) {
            int files = run[0];
            int loops = run[1];
            Change change = change(project, files);
            List<Double> seconds = new ArrayList<>();
            Review last = null;
            for (int round = 0; round < rounds; round++) {
                try (FakeOpenAi model = scriptedModel(change.firstAdded(), latency)) {
                    ReviewPipeline pipeline = pipeline(model, loops);
                    long started = System.nanoTime();
                    last = pipeline.run(change.change(), ReviewConfig.defaults(), ReviewProgress.SILENT);
                    seconds.add((System.nanoTime() - started) / 1e9);
                }
            }
            var s = last.stats();
            System.out.printf(Locale.ROOT, "| %d | %d | %,d | %.1f s | %d | %,d | %,d (%.0f%%) | %.2f | $%.4f |%n", files,
                    loops, change.diffTokens(), median(seconds), s.modelCalls(), s.promptTokens(), s.cachedTokens(),
                    100.0 * s.cachedTokens() / Math.max(1, s.promptTokens()), (double) s.promptTokens() / change.diffTokens(),
                    s.estimatedCostUsd());
        }
    }

    /** The largest sources of this project, each with a block of 30 lines added in its middle. */
    private static Change change(Path project, int count) throws Exception {
        Path sources = project.resolve("src/main/java");
        List<Path> largest;
        try (Stream<Path> walk = Files.walk(sources)) {
            largest = walk.filter(p -> p.toString().endsWith(".java"))
                    .sorted(Comparator.comparingLong((Path p) -> p.toFile().length()).reversed()).limit(count).toList();
        }
        TestRepo repo = TestRepo.init(Files.createTempDirectory("pr-harness-scale-bench"));
        Map<String, Integer> firstAdded = new LinkedHashMap<>();
        for (Path file : largest) {
            List<String> lines = Files.readAllLines(file);
            int middle = lines.size() / 2;
            List<String> base = new ArrayList<>(lines.subList(0, middle));
            base.addAll(lines.subList(Math.min(lines.size(), middle + ADDED_LINES), lines.size()));
            repo.write(sources.relativize(file).toString(), String.join("\n", base) + "\n");
            firstAdded.put(sources.relativize(file).toString(), middle + 1);
        }
        String base = repo.commit("base");
        for (Path file : largest) {
            repo.write(sources.relativize(file).toString(), Files.readString(file));
        }
        String head = repo.commit("head");
        GitRepository git = GitRepository.open(repo.root());
        long diffTokens = new TokenCounter().count(git.diff(base, head));
        return new Change(LocalChange.of(git, base, head, new DiffCache()), firstAdded, diffTokens);
    }

    /** The script: cheap calls answer at once in a line (triage keeps every file); the strong model works in four turns. */
    private static FakeOpenAi scriptedModel(Map<String, Integer> firstAdded, long latency) {
        FakeOpenAi model = new FakeOpenAi().latency(Duration.ofMillis(latency)).promptCaching();
        return model.otherwise(r -> {
            if (r.model().equals("gpt-4.1-mini")) {
                return r.offersTool("select_files")
                        ? model.toolCalls(r.model(), FakeOpenAi.call("select_files", "{\"review\": ["
                                + firstAdded.keySet().stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "))
                                + "], \"skip\": []}"))
                        : model.text(r.model(), "A summary in one line.");
            }
            String request = "";
            Set<String> read = new HashSet<>();
            Set<String> commented = new HashSet<>();
            for (JsonNode message : r.body().path("messages")) {
                if (message.path("role").asText().equals("user")) {
                    request = message.path("content").asText();
                }
                for (JsonNode call : message.path("tool_calls")) {
                    String path = argument(call, "path");
                    (call.path("function").path("name").asText().equals("get_file_diff") ? read : commented).add(path);
                }
            }
            // The last user message names the part's files, or says to review all listed in the request.
            if (!request.contains("Yours is part")) {
                request = r.body().path("messages").get(1).path("content").asText();
            }
            List<String> mine = new ArrayList<>();
            Matcher m = FILE_LINE.matcher(request);
            while (m.find()) {
                mine.add(m.group(1));
            }
            List<String[]> calls = new ArrayList<>();
            mine.stream().filter(p -> !read.contains(p)).limit(MAX_CALLS_PER_TURN)
                    .forEach(p -> calls.add(FakeOpenAi.call("get_file_diff", "{\"path\": \"" + p + "\"}")));
            if (calls.isEmpty()) {
                for (int i = 0; i < mine.size() && calls.size() < MAX_CALLS_PER_TURN; i += 4) {
                    if (!commented.contains(mine.get(i))) {
                        calls.add(FakeOpenAi.call("add_review_comment", "{\"path\": \"" + mine.get(i) + "\", \"line\": "
                                + firstAdded.get(mine.get(i)) + ", \"severity\": \"warning\", \"body\": \"This block needs a "
                                + "second look.\"}"));
                    }
                }
            }
            if (calls.isEmpty()) {
                calls.add(FakeOpenAi.call("submit_review", "{\"summary\": \"Reviewed " + mine.size()
                        + " files; some need a second look.\"}"));
            }
            return model.toolCalls(r.model(), calls.toArray(String[][]::new));
        });
    }

    private static String argument(JsonNode call, String name) {
        try {
            return JSON.readTree(call.path("function").path("arguments").asText()).path(name).asText();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The pipeline as the CLI builds it, with at most {@code loops} parallel loops (1: one loop, whatever the size). */
    private static ReviewPipeline pipeline(FakeOpenAi model, int loops) throws java.io.IOException {
        Path settings = Files.createTempFile("pr-harness-scale-bench", ".yml");
        Files.writeString(settings, "harness: {max_parallel_loops: " + loops + "}\n");
        return new CompositionRoot(Map.of("OPENAI_API_KEY", "sk-bench-not-a-key", "OPENAI_BASE_URL", model.baseUrl(),
                "PR_HARNESS_MODEL", "gpt-4.1", "PR_HARNESS_CHEAP_MODEL", "gpt-4.1-mini", "PR_HARNESS_CONFIG", settings.toString()),
                new PrintStream(OutputStream.nullOutputStream())).reviewPipeline(false);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
