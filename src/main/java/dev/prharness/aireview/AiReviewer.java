package dev.prharness.aireview;

import dev.prharness.change.ChangeSet;
import dev.prharness.config.ReviewConfig;
import dev.prharness.diff.FileDiff;
import dev.prharness.diff.Side;
import dev.prharness.harness.ChatMessage;
import dev.prharness.harness.MeteredModel;
import dev.prharness.harness.ModelRole;
import dev.prharness.harness.RunUsage;
import dev.prharness.lint.LintResult;
import dev.prharness.pipeline.ModelReviewer;
import dev.prharness.pipeline.ReviewProgress;
import dev.prharness.pipeline.ReviewScope;
import dev.prharness.review.Finding;
import dev.prharness.review.Review.SkippedFile;
import dev.prharness.safety.SecretRedactor;
import dev.prharness.safety.UntrustedText;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The model's part of a review: skip files no model needs (lock, vendored, generated), let the cheap model
 * triage the rest while the linters run, then run the strong model in the harness loop with the review tools
 * while the cheap model describes the change. A big change is reviewed by several loops at once ({@link PartsReview}). The comments
 * staged become findings; the summaries become the overview.
 */
public final class AiReviewer implements ModelReviewer {

    private static final int MAX_LINT_LINES_IN_PROMPT = 60;

    private final AiSetup ai;
    private final ModelTriage triage = new ModelTriage();
    private final UntrustedText untrusted = new UntrustedText();
    /** Linter messages and maintainers' instructions are not framed as data, but still never carry a secret out. */
    private final SecretRedactor redactor = new SecretRedactor();

    public AiReviewer(AiSetup ai) {
        this.ai = ai;
    }

    @Override
    public Outcome review(ChangeSet change, ReviewScope scope, ReviewConfig config, Supplier<LintResult> lint,
            ReviewProgress progress, double costCapUsd) {
        RunUsage usage = new RunUsage();
        MeteredModel model = new MeteredModel(ai.client(), runId(change), usage, costCapUsd);

        Map<String, String> skipped = new LinkedHashMap<>();
        scope.skipped().forEach(s -> skipped.put(s.path(), s.reason()));
        List<FileDiff> candidates = new ArrayList<>();
        Map<String, String> triaged = new LinkedHashMap<>();
        for (FileDiff file : scope.files()) {
            Optional<String> reason = StaticTriage.reasonToSkip(file.path());
            if (reason.isPresent()) {
                triaged.put(file.path(), reason.get());
            } else {
                candidates.add(file);
            }
        }
        if (candidates.size() >= ai.settings().triageMinFiles()) {
            progress.step("triage of " + candidates.size() + " files (" + ai.client().modelFor(ModelRole.CHEAP) + ")");
            triaged.putAll(triage.skips(candidates, model));
        }
        skipped.putAll(triaged);
        List<FileDiff> deep = candidates.stream().filter(f -> !triaged.containsKey(f.path())).toList();

        // The long stable part of every request of the review, byte-identical across turns and parts, comes first
        // (system prompt, then the change's context); what differs between parts comes last. Providers cache it.
        Supplier<List<ChatMessage>> shared = () -> List.of(
                new ChatMessage.System(Prompts.text("review-system.md")),
                new ChatMessage.User(redactor.redact(request(change, deep, skipped, lint.get(), config))));
        PartsReview.Result result = new PartsReview(ai, progress).run(change, config, deep.isEmpty() ? scope.files() : deep,
                deep, skipped, shared, model);

        List<SkippedFile> modelSkipped = triaged.entrySet().stream()
                .map(e -> new SkippedFile(e.getKey(), e.getValue())).toList();
        return new Outcome(result.findings(), result.overview(), modelSkipped, usage.modelCalls(), usage.promptTokens(),
                usage.cachedTokens(), usage.completionTokens(), usage.toolCalls(), usage.cacheHits(), usage.costUsd(),
                result.shortfalls());
    }

    private String request(ChangeSet change, List<FileDiff> deep, Map<String, String> skipped, LintResult lint,
            ReviewConfig config) {
        StringBuilder files = new StringBuilder();
        deep.forEach(f -> files.append("- ").append(untrusted.code(f.path())).append(" (+").append(f.additions())
                .append(" -").append(f.deletions()).append(")\n"));
        StringBuilder skippedText = new StringBuilder();
        if (!skipped.isEmpty()) {
            skippedText.append("\nSkipped files (do not review them):\n");
            skipped.forEach((path, reason) -> skippedText.append("- ").append(untrusted.code(path)).append(": ")
                    .append(reason).append('\n'));
        }
        StringBuilder lintText = new StringBuilder();
        lint.findings().stream()
                .filter(f -> change.diff().isCommentable(f.path(), f.line(), Side.RIGHT))
                .limit(MAX_LINT_LINES_IN_PROMPT)
                .forEach(f -> lintText.append("- ").append(f.path()).append(':').append(f.line()).append(' ')
                        .append(f.source()).append('/').append(f.rule()).append(": ").append(f.message()).append('\n'));
        String description = "Title:\n" + UntrustedText.frame("title", untrusted.prose(change.info().title()))
                + "\nDescription:\n" + UntrustedText.frame("description", untrusted.prose(change.info().body()));
        String own = config.instructions().strip() + config.teamInstructions().prompt();
        String instructions = own.isBlank() ? ""
                : "\nInstructions from the repository's maintainers (from its default branch):\n" + own.strip() + "\n";
        return Prompts.fill("review-request.md", Map.of(
                "range", change.baseSha().substring(0, 7) + ".." + change.headSha().substring(0, 7),
                "description", description,
                "file_count", String.valueOf(deep.size()),
                "files", files.toString(),
                "skipped", skippedText.toString(),
                "lint_findings", lintText.isEmpty() ? "(none)\n" : lintText.toString(),
                "instructions", instructions));
    }

    private static String runId(ChangeSet change) {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return change.info().id() + "@" + change.headSha().substring(0, 7) + "/" + HexFormat.of().formatHex(random);
    }
}
