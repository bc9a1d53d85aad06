package dev.prharness.pipeline;

import dev.prharness.change.ChangeSet;
import dev.prharness.config.IgnoredRule;
import dev.prharness.config.ReviewConfig;
import dev.prharness.config.ReviewConfigLoader;
import dev.prharness.feedback.FeedbackLedger;
import dev.prharness.lint.LintEngine;
import dev.prharness.lint.LintFailure;
import dev.prharness.lint.LintResult;
import dev.prharness.review.Finding;
import dev.prharness.review.FindingPlacer;
import dev.prharness.review.Review;
import dev.prharness.review.Review.SkippedFile;
import dev.prharness.review.ReviewStats;
import dev.prharness.review.Silence;
import dev.prharness.review.SummaryWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * One review, top to bottom: choose the files, run the linters, let the model review (when there is one),
 * place every finding on the diff, write the summary. The same for every mode (CLI, PR, server, Action).
 */
public final class ReviewPipeline {

    private final LinterReview linters;
    private final Optional<ModelReviewer> model;
    private final ReviewBudget budget;
    private final FeedbackLedger feedback;

    public ReviewPipeline(LinterReview linters, Optional<ModelReviewer> model) {
        this(linters, model, ReviewBudget.UNLIMITED);
    }

    /** {@code budget}: what the model may spend per review (and, in the server, per repository and installation). */
    public ReviewPipeline(LinterReview linters, Optional<ModelReviewer> model, ReviewBudget budget) {
        this(linters, model, budget, FeedbackLedger.PER_PULL_REQUEST);
    }

    /** {@code feedback}: where maintainers' feedback on the bot's comments is kept (the server's job store, or nowhere). */
    public ReviewPipeline(LinterReview linters, Optional<ModelReviewer> model, ReviewBudget budget, FeedbackLedger feedback) {
        this.linters = linters;
        this.model = model;
        this.budget = budget;
        this.feedback = feedback;
    }

    /** Where feedback on this pipeline's pull-request reviews is kept. */
    public FeedbackLedger feedbackLedger() {
        return feedback;
    }

    /** Whether a model reviews too (else linters only): only then is there anyone to give instructions to. */
    public boolean hasModel() {
        return model.isPresent();
    }

    /** Judges the bot's threads against a new head with this pipeline's linters. */
    FixedThreads fixedThreads() {
        return new FixedThreads(linters.engine());
    }

    /** Reads review configs whose rules are loaded into this pipeline's linters as they are read. */
    public ReviewConfigLoader configLoader() {
        return new ReviewConfigLoader(linters::load);
    }

    public Review run(ChangeSet change, ReviewConfig config, ReviewProgress progress) {
        return run(change, config, progress, List.of());
    }

    /**
     * The review, leaving out the comments whose finding a maintainer silenced ({@code silences}) or whose rule the
     * repository's config silences ({@code ignore_rules}); the summary lists them, by whom and since when.
     */
    public Review run(ChangeSet change, ReviewConfig config, ReviewProgress progress, List<Silence> silences) {
        long started = System.nanoTime();
        ReviewScope scope = ReviewScope.of(change.diff(), config);
        // The linters run while the model triages and describes the change, which do not need their findings.
        FutureTask<LintResult> linting = new FutureTask<>(() -> linters.run(change, scope, config, progress));
        Thread.ofVirtual().name("lint").start(linting);
        Supplier<LintResult> lintResult = () -> result(linting);
        ModelReviewer.Outcome outcome = model.map(m -> modelReview(m, change, scope, config, lintResult, progress))
                .orElse(ModelReviewer.Outcome.none());
        LintResult lint = lintResult.get();
        List<Finding> findings = new ArrayList<>(lint.findings());
        findings.addAll(outcome.findings());

        FindingPlacer.Placed placed = new FindingPlacer(change.diff(), config.filter(), config.minSeverity()).place(findings);
        Silence.Applied applied = Silence.apply(placed.comments(), java.util.stream.Stream.concat(silences.stream(),
                config.ignoreRules().stream().flatMap(IgnoredRule::silences)).toList());
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
                outcome.cachedTokens(), outcome.completionTokens(), outcome.toolCalls(), outcome.cacheHits() + lint.cacheHits(), millis,
                outcome.estimatedCostUsd());
        String overview = model.isEmpty() || config.teamInstructions().isEmpty() ? outcome.overview()
                : (outcome.overview().strip() + "\n\n<sub>" + config.teamInstructions().used() + "</sub>").strip();
        String summary = new SummaryWriter().write(change.baseSha(), change.headSha(), overview,
                applied.kept(), placed.notes(), skipped, config.rules().checksNotRun(), applied.silenced(), stats);
        List<String> shortfalls = new ArrayList<>(scope.shortfalls());
        lint.failures().forEach(f -> shortfalls.add(f.path() + ": " + f.linter() + " could not analyse it"));
        shortfalls.addAll(outcome.shortfalls());
        if (model.isEmpty()) {
            shortfalls.add("linters only: the AI review is off (no model configured, or not asked for)");
        }
        return new Review(change.baseSha(), change.headSha(), summary, applied.kept(), placed.notes(), skipped, stats,
                shortfalls);
    }

    /**
     * The model's review within the budget: refused (linters only, the overview says which budget and when it
     * resets) when a budget is spent, else capped at what the budgets have left; what it spent is recorded.
     */
    private ModelReviewer.Outcome modelReview(ModelReviewer reviewer, ChangeSet change, ReviewScope scope,
            ReviewConfig config, Supplier<LintResult> lint, ReviewProgress progress) {
        Optional<SpendingAccount> account = SpendingAccount.current();
        ReviewBudget.Allowance allowance = budget.allowance(account);
        if (allowance.refusal().isPresent()) {
            return new ModelReviewer.Outcome(List.of(), "_Linters only: " + allowance.refusal().get() + "._", List.of(),
                    0, 0, 0, 0, 0, 0, 0, List.of("linters only: " + allowance.refusal().get()));
        }
        ModelReviewer.Outcome outcome = reviewer.review(change, scope, config, lint, progress, allowance.capUsd());
        budget.spent(account, outcome.estimatedCostUsd());
        return outcome;
    }

    /** The linters' result; their failure is this thread's, as if they had run here. */
    private static LintResult result(FutureTask<LintResult> linting) {
        try {
            return linting.get();
        } catch (InterruptedException e) {
            linting.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the linters ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
