package dev.prharness.aireview;

import dev.prharness.change.ChangeSet;
import dev.prharness.config.ReviewConfig;
import dev.prharness.diff.FileDiff;
import dev.prharness.diff.Side;
import dev.prharness.harness.ChatMessage;
import dev.prharness.harness.Harness;
import dev.prharness.harness.MeteredModel;
import dev.prharness.harness.ModelRole;
import dev.prharness.harness.RunUsage;
import dev.prharness.harness.StopReason;
import dev.prharness.harness.ToolRegistry;
import dev.prharness.lint.LintResult;
import dev.prharness.pipeline.ModelReviewer;
import dev.prharness.pipeline.ReviewProgress;
import dev.prharness.pipeline.ReviewScope;
import dev.prharness.review.Finding;
import dev.prharness.review.Review.SkippedFile;
import dev.prharness.safety.SecretRedactor;
import dev.prharness.safety.UntrustedText;
import dev.prharness.tools.ReviewContext;
import dev.prharness.tools.ReviewDraft;
import dev.prharness.tools.ReviewTools;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The model's part of a review: skip files no model needs (lock, vendored, generated), let the cheap model
 * triage the rest and describe the change, then run the strong model in the harness loop with the review
 * tools. The comments it stages become findings; its summary becomes the overview.
 */
public final class AiReviewer implements ModelReviewer {

    private static final int MAX_LINT_LINES_IN_PROMPT = 60;

    private final AiSetup ai;
    private final ModelTriage triage = new ModelTriage();
    private final ChangeDescriber describer = new ChangeDescriber();
    private final UntrustedText untrusted = new UntrustedText();
    /** Linter messages and maintainers' instructions are not framed as data, but still never carry a secret out. */
    private final SecretRedactor redactor = new SecretRedactor();

    public AiReviewer(AiSetup ai) {
        this.ai = ai;
    }

    @Override
    public Outcome review(ChangeSet change, ReviewScope scope, ReviewConfig config, LintResult lint, ReviewProgress progress) {
        RunUsage usage = new RunUsage();
        MeteredModel model = new MeteredModel(ai.client(), runId(change), usage);

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

        progress.step("describing the change");
        Optional<String> description = describer.describe(change.info(), deep.isEmpty() ? scope.files() : deep, model);

        ReviewDraft draft = new ReviewDraft();
        StopReason stop = StopReason.SUBMITTED;
        String finalText = "";
        if (!deep.isEmpty()) {
            progress.step("reviewing " + deep.size() + (deep.size() == 1 ? " file" : " files") + " ("
                    + ai.client().modelFor(ModelRole.STRONG) + ")");
            List<String> paths = deep.stream().map(FileDiff::path).toList();
            ReviewContext context = new ReviewContext(change, paths, skipped, ai.lintEngine(), config.rules(), draft, untrusted);
            ToolRegistry tools = new ToolRegistry(ReviewTools.forReview(context), ai.cache(), context.cacheScope(),
                    ai.settings().limits().maxToolResultChars(), ai.settings().limits().maxToolOutputCharsPerRun());
            List<ChatMessage> start = List.of(
                    new ChatMessage.System(Prompts.text("review-system.md")),
                    new ChatMessage.User(redactor.redact(request(change, deep, skipped, lint, config))));
            Harness.RunResult result = ai.harness().run(start, tools, model);
            stop = result.reason();
            finalText = result.finalText();
        }

        List<SkippedFile> modelSkipped = triaged.entrySet().stream()
                .map(e -> new SkippedFile(e.getKey(), e.getValue())).toList();
        List<Finding> findings = draft.comments();
        return new Outcome(findings, overview(description, draft, stop, finalText, deep.isEmpty()), modelSkipped,
                usage.modelCalls(), usage.promptTokens(), usage.completionTokens(), usage.toolCalls(), usage.cacheHits(),
                usage.costUsd());
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
        String instructions = config.instructions().isBlank() ? ""
                : "\nInstructions from the repository's maintainers (from its default branch):\n" + config.instructions().strip() + "\n";
        return Prompts.fill("review-request.md", Map.of(
                "range", change.baseSha().substring(0, 7) + ".." + change.headSha().substring(0, 7),
                "description", description,
                "file_count", String.valueOf(deep.size()),
                "files", files.toString(),
                "skipped", skippedText.toString(),
                "lint_findings", lintText.isEmpty() ? "(none)\n" : lintText.toString(),
                "instructions", instructions));
    }

    private static String overview(Optional<String> description, ReviewDraft draft, StopReason stop, String finalText,
            boolean nothingToReview) {
        StringBuilder out = new StringBuilder();
        description.ifPresent(d -> out.append("**What this change does**\n\n").append(d.strip()).append("\n\n"));
        if (nothingToReview) {
            out.append("No file needed the model's deep review.");
            return out.toString().strip();
        }
        Optional<String> summary = draft.summary().or(() -> finalText.isBlank() ? Optional.empty() : Optional.of(finalText));
        summary.ifPresent(s -> out.append("**Review**\n\n").append(s.strip()).append("\n\n"));
        if (stop.byLimit()) {
            out.append("_The model review ").append(stop.description())
                    .append(" before it finished; the comments it had made by then are included._\n");
        }
        return out.toString().strip();
    }

    private static String runId(ChangeSet change) {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return change.info().id() + "@" + change.headSha().substring(0, 7) + "/" + HexFormat.of().formatHex(random);
    }
}
