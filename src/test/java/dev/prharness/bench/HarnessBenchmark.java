package dev.prharness.bench;

import com.sun.management.ThreadMXBean;
import dev.prharness.aireview.AiReviewer;
import dev.prharness.aireview.AiSetup;
import dev.prharness.aireview.HarnessSettings;
import dev.prharness.aireview.Prompts;
import dev.prharness.config.BotSettingsLoader;
import dev.prharness.config.ReviewConfig;
import dev.prharness.diff.DiffCache;
import dev.prharness.diff.FileDiff;
import dev.prharness.git.GitRepository;
import dev.prharness.git.LocalChange;
import dev.prharness.harness.ChatMessage;
import dev.prharness.harness.ContextCompactor;
import dev.prharness.harness.Harness;
import dev.prharness.harness.ModelClient;
import dev.prharness.harness.ModelReply;
import dev.prharness.harness.ModelRequest;
import dev.prharness.harness.ModelRole;
import dev.prharness.harness.TokenCounter;
import dev.prharness.harness.ToolCall;
import dev.prharness.harness.ToolResultCache;
import dev.prharness.lint.LintEngine;
import dev.prharness.lint.LintResult;
import dev.prharness.pipeline.ModelReviewer;
import dev.prharness.pipeline.ReviewProgress;
import dev.prharness.pipeline.ReviewScope;
import dev.prharness.testing.TestRepo;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Harness overhead per review with a zero-latency model: the model is an in-process script that answers at
 * once (list files, read every diff in one turn, stage five comments, submit), so what is measured is the
 * harness, tools, prompts and bookkeeping around the model calls. Also counts the tokens sent per review
 * against the size of the diff. Run with {@code mvn -Pbench verify -DskipTests}.
 */
public final class HarnessBenchmark {

    private static final int FILES = 20;
    private static final int ROUNDS = 30;
    private static final java.util.concurrent.atomic.AtomicReference<String> RAW_DIFF = new java.util.concurrent.atomic.AtomicReference<>();

    private HarnessBenchmark() {}

    public static void main(String[] args) throws Exception {
        // The per-call event lines would dominate the output; the benchmark reports totals instead.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("pr-harness.events"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        LocalChange change = twentyFileChange(project);
        ReviewScope scope = ReviewScope.of(change.diff(), ReviewConfig.defaults());
        long diffTokens = new TokenCounter().count(RAW_DIFF.get());

        ScriptedModel model = new ScriptedModel(change.diff().files());
        // One loop, as in the earlier measurements: the overhead of the loop itself, not of running parts at once.
        var defaults = HarnessSettings.from(new BotSettingsLoader().load(Optional.empty()).harness());
        var settings = new HarnessSettings(defaults.limits(), defaults.triageMinFiles(), Integer.MAX_VALUE, 1);
        Harness harness = new Harness(settings.limits(), new ContextCompactor(Prompts.text("compaction-system.md"), 2),
                Clock.systemUTC());
        LintEngine lint = new LintEngine();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

        List<Double> millis = new ArrayList<>();
        List<Long> allocations = new ArrayList<>();
        ModelReviewer.Outcome outcome = null;
        for (int round = 0; round <= ROUNDS + 5; round++) {
            // A fresh cache each round: every tool call is computed, as in the first review of a PR.
            AiReviewer reviewer = new AiReviewer(new AiSetup(model, harness, settings, new ToolResultCache(64L << 20), lint));
            model.sentTokens.set(0);
            model.nanosInside.set(0);
            // The last round counts the tokens sent exactly; the timed ones answer without spending CPU, as a
            // remote model does (the review runs parts of its work on other threads, which a busy script would slow).
            model.countExactly = round == ROUNDS + 5;
            long allocatedBefore = threads.getTotalThreadAllocatedBytes();
            long started = System.nanoTime();
            outcome = reviewer.review(change, scope, ReviewConfig.defaults(), LintResult::empty, ReviewProgress.SILENT, Double.POSITIVE_INFINITY);
            // The script itself (counting the tokens it is sent) is the "model"; its time is left out.
            double elapsed = (System.nanoTime() - started - model.nanosInside.get()) / 1e6;
            long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
            if (round >= 5 && round < ROUNDS + 5) {
                millis.add(elapsed);
                allocations.add(allocated);
            }
        }
        System.out.printf(Locale.ROOT, "Change: %d files, diff %d tokens; per review: %d model calls, %d tool calls, %d comments%n%n",
                change.diff().files().size(), diffTokens, outcome.modelCalls(), outcome.toolCalls(), outcome.findings().size());
        System.out.println("| measure (zero-latency model, median of " + ROUNDS + ") | value |");
        System.out.println("|---|---|");
        System.out.printf(Locale.ROOT, "| harness time per review, outside the model | %.1f ms |%n", median(millis));
        System.out.printf(Locale.ROOT, "| allocated per review (all threads) | %.1f MB |%n", median(allocations.stream().map(a -> a / 1e6).toList()));
        System.out.printf(Locale.ROOT, "| tokens sent to the model per review | %d |%n", model.sentTokens.get());
        System.out.printf(Locale.ROOT, "| tokens sent / diff tokens | %.2f |%n", (double) model.sentTokens.get() / diffTokens);
    }

    /** The 20 largest main sources of this project, added to a repository that had short stubs of them. */
    private static LocalChange twentyFileChange(Path project) throws Exception {
        Path sources = project.resolve("src/main/java");
        List<Path> largest;
        try (Stream<Path> walk = Files.walk(sources)) {
            largest = walk.filter(p -> p.toString().endsWith(".java"))
                    .sorted(Comparator.comparingLong((Path p) -> p.toFile().length()).reversed()).limit(FILES).toList();
        }
        TestRepo repo = TestRepo.init(Files.createTempDirectory("pr-harness-harness-bench"));
        for (Path file : largest) {
            List<String> lines = Files.readAllLines(file);
            repo.write(sources.relativize(file).toString(), String.join("\n", lines.subList(0, Math.min(20, lines.size()))) + "\n");
        }
        String base = repo.commit("stubs");
        for (Path file : largest) {
            repo.write(sources.relativize(file).toString(), Files.readString(file));
        }
        String head = repo.commit("full");
        GitRepository git = GitRepository.open(repo.root());
        RAW_DIFF.set(git.diff(base, head));
        return LocalChange.of(git, base, head, new DiffCache());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /**
     * A model that answers at once from the conversation: cheap calls get a one-line text (triage gets
     * "review everything"), the strong model lists files, reads every diff in one turn, stages five
     * comments on added lines, and submits.
     */
    private static final class ScriptedModel implements ModelClient {
        private final List<FileDiff> files;
        private final TokenCounter counter = new TokenCounter();
        final AtomicLong sentTokens = new AtomicLong();
        final AtomicLong nanosInside = new AtomicLong();
        volatile boolean countExactly;

        ScriptedModel(List<FileDiff> files) {
            this.files = files;
        }

        @Override
        public String modelFor(ModelRole role) {
            return role.label();
        }

        @Override
        public ModelReply complete(ModelRequest request) {
            long started = System.nanoTime();
            try {
                return answer(request);
            } finally {
                nanosInside.addAndGet(System.nanoTime() - started);
            }
        }

        private ModelReply answer(ModelRequest request) {
            // Timed rounds report an estimate (3 characters a token) so the harness calibrates as with a provider.
            long prompt = countExactly ? counter.count(request.messages())
                    : request.messages().stream().mapToLong(m -> m.text().length()).sum() / 3;
            sentTokens.addAndGet(prompt);
            if (request.role() == ModelRole.CHEAP) {
                List<ToolCall> calls = request.tools().isEmpty() ? List.of()
                        : List.of(new ToolCall("t", "select_files", "{\"review\": [], \"skip\": []}"));
                return new ModelReply("- a summary", calls, "cheap", prompt, 0, 20, 0, 0, "stop");
            }
            long turn = request.messages().stream().filter(m -> m instanceof ChatMessage.Assistant).count();
            List<ToolCall> calls = new ArrayList<>();
            if (turn == 0) {
                calls.add(new ToolCall("c0", "list_changed_files", "{}"));
            } else if (turn == 1) {
                for (int i = 0; i < files.size(); i++) {
                    calls.add(new ToolCall("d" + i, "get_file_diff", "{\"path\": \"" + files.get(i).path() + "\"}"));
                }
            } else if (turn == 2) {
                for (int i = 0; i < 5; i++) {
                    FileDiff file = files.get(i);
                    int line = file.hunks().get(0).lines().stream().filter(l -> l.newLine() > 0).findFirst().orElseThrow().newLine();
                    calls.add(new ToolCall("a" + i, "add_review_comment", "{\"path\": \"" + file.path() + "\", \"line\": "
                            + line + ", \"severity\": \"warning\", \"body\": \"Comment " + i + " on this line.\"}"));
                }
            } else {
                calls.add(new ToolCall("s", "submit_review", "{\"summary\": \"Five comments.\"}"));
            }
            return new ModelReply("", calls, "strong", prompt, 0, 100, 0, 0, "tool_calls");
        }
    }
}
