package dev.prharness.pipeline;

import dev.prharness.change.ChangeSet;
import dev.prharness.config.ReviewConfig;
import dev.prharness.lint.LintResult;
import dev.prharness.review.Finding;
import dev.prharness.review.Review.SkippedFile;
import java.util.List;

/** The model's part of a review: given the change and what the linters found, its own findings and overview. */
@FunctionalInterface
public interface ModelReviewer {

    Outcome review(ChangeSet change, ReviewScope scope, ReviewConfig config, LintResult lint, ReviewProgress progress);

    /** The model's findings, its prose overview, files it chose not to review, and what it cost. */
    record Outcome(List<Finding> findings, String overview, List<SkippedFile> skipped, int modelCalls,
            long promptTokens, long completionTokens, int toolCalls, int cacheHits, double estimatedCostUsd) {

        public Outcome {
            findings = List.copyOf(findings);
            skipped = List.copyOf(skipped);
        }

        public static Outcome none() {
            return new Outcome(List.of(), "", List.of(), 0, 0, 0, 0, 0, 0);
        }
    }
}
