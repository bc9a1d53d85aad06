package dev.prharness.aireview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.change.ChangeSet;
import dev.prharness.config.ReviewConfig;
import dev.prharness.diff.FileDiff;
import dev.prharness.harness.ChatMessage;
import dev.prharness.harness.Harness;
import dev.prharness.harness.HarnessLimits;
import dev.prharness.harness.MeteredModel;
import dev.prharness.harness.ModelCallException;
import dev.prharness.harness.ModelReply;
import dev.prharness.harness.ModelRequest;
import dev.prharness.harness.ModelRole;
import dev.prharness.harness.StopReason;
import dev.prharness.harness.ToolCall;
import dev.prharness.harness.ToolRegistry;
import dev.prharness.harness.ToolSpec;
import dev.prharness.pipeline.ReviewProgress;
import dev.prharness.review.Finding;
import dev.prharness.safety.InertText;
import dev.prharness.safety.UntrustedText;
import dev.prharness.tools.ReviewContext;
import dev.prharness.tools.ReviewDraft;
import dev.prharness.tools.ReviewTools;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The deep review of one change by the strong model, while the cheap model describes the change. Up to
 * {@code harness.parallel_threshold_files} files it is one loop; above, the files are split into parts
 * ({@link ReviewParts}) reviewed by loops that run at the same time, each with its share of the limits and the
 * same tools, and the results are merged: comments without duplicates, one overview (what the change does and the
 * assessment) written by the cheap model from the parts' summaries. A part that fails or stops at a limit is named
 * in the overview; the others count.
 */
final class PartsReview {

    static final String OTHER_PART = "reviewed by another part of this review";

    private final AiSetup ai;
    private final ReviewProgress progress;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChangeDescriber describer = new ChangeDescriber();
    private final UntrustedText untrusted = new UntrustedText();
    private final ToolSpec writeOverview = Prompts.tool("merge.json", "write_overview");

    PartsReview(AiSetup ai, ReviewProgress progress) {
        this.ai = ai;
        this.progress = progress;
    }

    /** The merged findings and the overview (description, review summary, and what stopped early). */
    /** The findings, the overview, and what fell short (a part that failed or stopped at a limit), one line each. */
    record Result(List<Finding> findings, String overview, List<String> shortfalls) {}

    private record Part(int number, int of, List<FileDiff> files) {
        String label() {
            String names = files.stream().limit(3).map(f -> InertText.codeSpan(f.path())).collect(Collectors.joining(", "));
            return "Part " + number + " of " + of + " (" + names + (files.size() > 3 ? " and " + (files.size() - 3) + " more" : "")
                    + ")";
        }
    }

    private record PartOutcome(Part part, List<Finding> findings, Optional<String> summary, StopReason stop,
            ModelCallException failure) {}

    /**
     * {@code described}: the files the description covers; {@code deep}: the files in the deep review (may be none);
     * {@code shared}: the messages every loop starts with (the stable prefix), made when first needed (it waits for
     * the linters, so the description starts first).
     */
    Result run(ChangeSet change, ReviewConfig config, List<FileDiff> described, List<FileDiff> deep,
            Map<String, String> skipped, Supplier<List<ChatMessage>> shared, MeteredModel model) {
        HarnessSettings settings = ai.settings();
        List<List<FileDiff>> split = deep.size() > settings.parallelThresholdFiles()
                ? ReviewParts.split(deep, settings.maxParallelLoops()) : List.of(deep);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try (threads) {
            // Several parts: the merge writes the description with the overview, from the parts' summaries.
            Future<Optional<String>> description = split.size() > 1 ? CompletableFuture.completedFuture(Optional.empty())
                    : threads.submit(() -> {
                        progress.step("describing the change");
                        return describer.describe(change.info(), described, model);
                    });
            if (deep.isEmpty()) {
                return new Result(List.of(), overview(await(description, threads), "No file needed the model's deep review."),
                        List.of());
            }
            List<ChatMessage> start = shared.get();
            progress.step("reviewing " + deep.size() + (deep.size() == 1 ? " file" : " files")
                    + (split.size() > 1 ? " in " + split.size() + " parallel loops" : "")
                    + " (" + ai.client().modelFor(ModelRole.STRONG) + ")");
            List<Future<PartOutcome>> running = new ArrayList<>();
            for (int i = 0; i < split.size(); i++) {
                Part part = new Part(i + 1, split.size(), split.get(i));
                running.add(threads.submit(() -> review(part, change, config, deep, skipped, start, model)));
            }
            List<PartOutcome> outcomes = new ArrayList<>();
            for (Future<PartOutcome> part : running) {
                outcomes.add(await(part, threads));
            }
            List<PartOutcome> failed = outcomes.stream().filter(o -> o.failure() != null).toList();
            if (failed.size() == outcomes.size()) {
                throw failed.get(0).failure();
            }
            return new Result(merged(outcomes), split.size() > 1 ? mergedOverview(change, deep, outcomes, model)
                    : overview(await(description, threads), review(outcomes.get(0).summary(), outcomes)), shortfalls(outcomes));
        }
    }

    private PartOutcome review(Part part, ChangeSet change, ReviewConfig config, List<FileDiff> deep,
            Map<String, String> skipped, List<ChatMessage> shared, MeteredModel model) {
        List<String> paths = part.files().stream().map(FileDiff::path).toList();
        Map<String, String> partSkipped = new LinkedHashMap<>(skipped);
        deep.stream().map(FileDiff::path).filter(p -> !paths.contains(p)).forEach(p -> partSkipped.put(p, OTHER_PART));
        ReviewDraft draft = new ReviewDraft();
        ReviewContext context = new ReviewContext(change, paths, partSkipped, ai.lintEngine(), config.rules(), draft,
                UntrustedText.forToolResults());
        HarnessLimits limits = ai.harness().limits().share(part.of());
        ToolRegistry tools = new ToolRegistry(ReviewTools.forReview(context), ai.cache(), context.cacheScope(),
                limits.maxToolResultChars(), limits.maxToolOutputCharsPerRun());
        List<ChatMessage> start = new ArrayList<>(shared);
        start.add(new ChatMessage.User(part.of() == 1
                ? Prompts.fill("review-whole.md", Map.of("file_count", String.valueOf(deep.size())))
                : Prompts.fill("review-part.md", Map.of("part_count", String.valueOf(part.of()),
                        "part_number", String.valueOf(part.number()), "part_file_count", String.valueOf(paths.size()),
                        "file_count", String.valueOf(deep.size()),
                        "part_files", paths.stream().map(p -> "- " + untrusted.code(p)).collect(Collectors.joining("\n"))))));
        MeteredModel partModel = part.of() == 1 ? model : model.part("part" + part.number());
        try {
            Harness.RunResult result = ai.harness().run(start, tools, partModel, limits);
            Optional<String> summary = draft.summary()
                    .or(() -> result.finalText().isBlank() ? Optional.empty() : Optional.of(result.finalText()));
            return new PartOutcome(part, draft.comments(), summary, result.reason(), null);
        } catch (ModelCallException e) {
            return new PartOutcome(part, draft.comments(), Optional.empty(), StopReason.SUBMITTED, e);
        }
    }

    /** Every part's comments; the same comment from two parts (same place, same text) once. */
    private static List<Finding> merged(List<PartOutcome> outcomes) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (PartOutcome outcome : outcomes) {
            for (Finding finding : outcome.findings()) {
                unique.putIfAbsent(finding.path() + "\u0000" + finding.line() + "\u0000" + finding.side() + "\u0000"
                        + finding.message().strip(), finding);
            }
        }
        return List.copyOf(unique.values());
    }

    /** What fell short: each part that failed or stopped at a limit. */
    private static List<String> shortfalls(List<PartOutcome> outcomes) {
        List<String> shortfalls = new ArrayList<>();
        for (PartOutcome outcome : outcomes) {
            String who = outcome.part().of() == 1 ? "the model review" : outcome.part().label();
            if (outcome.failure() != null) {
                shortfalls.add(who + " failed: " + outcome.failure().getMessage());
            } else if (outcome.stop().byLimit()) {
                shortfalls.add(who + " " + outcome.stop().description() + " before it finished");
            }
        }
        return shortfalls;
    }

    /** The review's summary, then what stopped early. */
    private static String review(Optional<String> summary, List<PartOutcome> outcomes) {
        StringBuilder out = new StringBuilder();
        summary.ifPresent(s -> out.append("**Review**\n\n").append(s.strip()).append("\n\n"));
        for (PartOutcome outcome : outcomes) {
            String who = outcome.part().of() == 1 ? "The model review" : outcome.part().label();
            if (outcome.failure() != null) {
                out.append("_").append(who).append(" failed: ").append(outcome.failure().getMessage())
                        .append(outcome.findings().isEmpty() ? "; its files got no model review._\n"
                                : "; the comments it had made by then are included._\n");
            } else if (outcome.stop().byLimit()) {
                out.append("_").append(who).append(' ').append(outcome.stop().description())
                        .append(" before it finished; the comments it had made by then are included._\n");
            }
        }
        return out.toString().strip();
    }

    /**
     * The overview of a review in parts, written once by the cheap model from the change's title, description and
     * files and the parts' summaries (a {@code write_overview} tool call). Without it, the parts' summaries one by one.
     */
    private String mergedOverview(ChangeSet change, List<FileDiff> deep, List<PartOutcome> outcomes, MeteredModel model) {
        List<String> summaries = outcomes.stream().flatMap(o -> o.summary().stream()).toList();
        StringBuilder material = new StringBuilder("Title:\n")
                .append(UntrustedText.frame("title", untrusted.prose(change.info().title())))
                .append("\nDescription:\n").append(UntrustedText.frame("description", untrusted.prose(change.info().body())))
                .append("\nFiles:\n").append(UntrustedText.frame("files", untrusted.code(deep.stream()
                        .map(f -> "- " + f.path() + " (+" + f.additions() + " -" + f.deletions() + ")")
                        .collect(Collectors.joining("\n")))));
        for (int i = 0; i < summaries.size(); i++) {
            material.append("\nSummary of part ").append(i + 1).append(":\n")
                    .append(UntrustedText.frame("summary of part " + (i + 1), untrusted.prose(summaries.get(i))));
        }
        Optional<String> changes = Optional.empty();
        Optional<String> assessment = Optional.empty();
        try {
            ModelReply reply = model.call("merge", 0, new ModelRequest(ModelRole.CHEAP, List.of(
                    new ChatMessage.System(Prompts.text("merge-system.md")), new ChatMessage.User(material.toString())),
                    List.of(writeOverview)));
            for (ToolCall call : reply.toolCalls()) {
                if (call.name().equals(writeOverview.name())) {
                    JsonNode arguments = JSON.readTree(call.arguments());
                    changes = nonBlank(arguments.path("changes").asText(""));
                    assessment = nonBlank(arguments.path("assessment").asText(""));
                }
            }
        } catch (ModelCallException | JsonProcessingException e) {
            // The parts' own summaries still say everything; only the merge is missing.
        }
        Optional<String> summary = assessment.or(() -> summaries.isEmpty() ? Optional.empty()
                : Optional.of(String.join("\n\n", summaries.stream().map(String::strip).toList())));
        return overview(changes, review(summary, outcomes));
    }

    private static Optional<String> nonBlank(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    private static String overview(Optional<String> description, String review) {
        StringBuilder out = new StringBuilder();
        description.ifPresent(d -> out.append("**What this change does**\n\n").append(d.strip()).append("\n\n"));
        out.append(review);
        return out.toString().strip();
    }

    /** A task's result; an interrupted wait stops every task and says so as a model failure (the job is retried). */
    private static <T> T await(Future<T> task, ExecutorService threads) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
            throw new ModelCallException("the review was interrupted before the model finished", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
