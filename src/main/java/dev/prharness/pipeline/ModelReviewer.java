package dev.prharness.pipeline;

import dev.prharness.change.ChangeSet;
import dev.prharness.config.ReviewConfig;
import dev.prharness.lint.LintResult;
import dev.prharness.review.Finding;
import dev.prharness.review.Review.SkippedFile;
import java.util.List;
import java.util.function.Supplier;

/** The model's part of a review: given the change and what the linters found, its own findings and overview. */
@FunctionalInterface
public interface ModelReviewer {

    /**
     * The review; it stops calling the model once it has spent {@code costCapUsd} (infinite: no cap). The linters
     * run meanwhile: {@code lint} waits for their result, so steps that do not need it (triage, the description)
     * can go first.
     */
    Outcome review(ChangeSet change, ReviewScope scope, ReviewConfig config, Supplier<LintResult> lint,
            ReviewProgress progress, double costCapUsd);

    /**
     * The model's findings, its prose overview, files it chose not to review, what it cost, and what fell short (the
     * review refused by a budget, a loop that failed or stopped at a limit), one line each.
     */
    record Outcome(List<Finding> findings, String overview, List<SkippedFile> skipped, int modelCalls,
            long promptTokens, long cachedTokens, long completionTokens, int toolCalls, int cacheHits,
            double estimatedCostUsd, List<String> shortfalls) {

        public Outcome {
            findings = List.copyOf(findings);
            skipped = List.copyOf(skipped);
            shortfalls = List.copyOf(shortfalls);
        }

        public static Outcome none() {
            return new Outcome(List.of(), "", List.of(), 0, 0, 0, 0, 0, 0, 0, List.of());
        }
    }
}
