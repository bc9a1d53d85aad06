package dev.prharness.pipeline;

import dev.prharness.change.ChangeSet;
import dev.prharness.config.ReviewConfig;
import dev.prharness.config.ReviewConfigLoader;
import dev.prharness.lint.LintEngine;
import dev.prharness.lint.LintFailure;
import dev.prharness.lint.LintResult;
import dev.prharness.review.Finding;
import dev.prharness.review.FindingPlacer;
import dev.prharness.review.Review;
import dev.prharness.review.Review.SkippedFile;
import dev.prharness.review.ReviewStats;
import dev.prharness.review.SummaryWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One review, top to bottom: choose the files, run the linters, let the model review (when there is one),
 * place every finding on the diff, write the summary. The same for every mode (CLI, PR, server, Action).
 */
public final class ReviewPipeline {

    private final LinterReview linters;
    private final Optional<ModelReviewer> model;

    public ReviewPipeline(LinterReview linters, Optional<ModelReviewer> model) {
        this.linters = linters;
        this.model = model;
    }

    /** Reads review configs whose rules are loaded into this pipeline's linters as they are read. */
    public ReviewConfigLoader configLoader() {
        return new ReviewConfigLoader(linters::load);
    }

    public Review run(ChangeSet change, ReviewConfig config, ReviewProgress progress) {
        long started = System.nanoTime();
        ReviewScope scope = ReviewScope.of(change.diff(), config);
        LintResult lint = linters.run(change, scope, config, progress);
        List<Finding> findings = new ArrayList<>(lint.findings());
        ModelReviewer.Outcome outcome = model
                .map(m -> m.review(change, scope, config, lint, progress))
                .orElse(ModelReviewer.Outcome.none());
        findings.addAll(outcome.findings());

        FindingPlacer.Placed placed = new FindingPlacer(change.diff(), config.filter(), config.minSeverity()).place(findings);
        List<SkippedFile> skipped = new ArrayList<>(scope.skipped());
        for (LintFailure failure : lint.failures()) {
            skipped.add(new SkippedFile(failure.path(), failure.linter() + " could not analyse it: " + failure.message()));
        }
        skipped.addAll(outcome.skipped());
        int filesReviewed = model.isPresent() ? scope.files().size() - outcome.skipped().size() : lint.filesLinted();
        if (model.isEmpty()) {
            scope.files().stream()
                    .filter(f -> !LintEngine.canLint(f.path()))
                    .forEach(f -> skipped.add(new SkippedFile(f.path(), "no linter for this file type (AI review is off)")));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        ReviewStats stats = new ReviewStats(filesReviewed, outcome.modelCalls(), outcome.promptTokens(),
                outcome.completionTokens(), outcome.toolCalls(), outcome.cacheHits() + lint.cacheHits(), millis,
                outcome.estimatedCostUsd());
        String summary = new SummaryWriter().write(change.baseSha(), change.headSha(), outcome.overview(),
                placed.comments(), placed.notes(), skipped, config.rules().checksNotRun(), stats);
        return new Review(change.baseSha(), change.headSha(), summary, placed.comments(), placed.notes(), skipped, stats);
    }
}
