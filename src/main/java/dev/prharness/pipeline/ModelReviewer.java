package dev.prharness.pipeline;

import dev.prharness.change.ChangeSet;
import dev.prharness.config.ReviewConfig;
import dev.prharness.lint.LintResult;
import dev.prharness.review.Finding;
import java.util.List;

/** The model's part of a review: given the change and what the linters found, its own findings and overview. */
@FunctionalInterface
public interface ModelReviewer {

    Outcome review(ChangeSet change, ReviewScope scope, ReviewConfig config, LintResult lint, ReviewProgress progress);

    /** The model's findings, its prose overview, and what it cost. */
    record Outcome(List<Finding> findings, String overview, int modelCalls, long promptTokens, long completionTokens,
            int toolCalls, int cacheHits, double estimatedCostUsd) {

        public Outcome {
            findings = List.copyOf(findings);
        }
    }
}
