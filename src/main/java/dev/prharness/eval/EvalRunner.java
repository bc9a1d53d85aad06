package dev.prharness.eval;

import dev.prharness.config.ReviewConfig;
import dev.prharness.git.LocalChange;
import dev.prharness.model.PriceTable;
import dev.prharness.pipeline.ReviewPipeline;
import dev.prharness.pipeline.ReviewProgress;
import dev.prharness.review.Review;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the cases through the real review pipeline, once per model and run, in a fresh git repository each, and
 * scores them. Says on the progress stream where it is, how long it has taken and what it has spent; stops cleanly
 * at the cost cap (each review is capped at what is left) or at the first model failure, keeping what it has.
 */
public final class EvalRunner {

    /** The pipeline for one model, whose reviews may spend at most {@code capUsd} each. */
    @FunctionalInterface
    public interface Pipelines {
        ReviewPipeline forModel(String model, double capUsd);
    }

    /** One model's results: a list of case results per run. */
    public record ModelResults(String model, List<List<CaseResult>> runs) {}

    /**
     * Everything measured; {@code stopped} says why the evaluation ended early (the cost cap, a model failure), when
     * it did. {@code planned} is the number of case reviews it set out to do.
     */
    public record Outcome(List<ModelResults> models, int planned, int done, Optional<String> stopped, boolean failed,
            double spentUsd, long millis) {}

    private final Pipelines pipelines;
    private final PrintStream progress;

    public EvalRunner(Pipelines pipelines, PrintStream progress) {
        this.pipelines = pipelines;
        this.progress = progress;
    }

    public Outcome run(List<EvalCase> cases, List<String> models, int runs, double maxCostUsd) {
        long started = System.nanoTime();
        int planned = cases.size() * models.size() * runs;
        int done = 0;
        double spent = 0;
        List<ModelResults> results = new ArrayList<>();
        for (String model : models) {
            List<List<CaseResult>> modelRuns = new ArrayList<>();
            results.add(new ModelResults(model, modelRuns));
            for (int run = 1; run <= runs; run++) {
                List<CaseResult> runResults = new ArrayList<>();
                modelRuns.add(runResults);
                for (EvalCase evalCase : cases) {
                    if (spent >= maxCostUsd) {
                        return new Outcome(results, planned, done, Optional.of("stopped at the cost cap ("
                                + PriceTable.usd(maxCostUsd) + ") after " + done + " of " + planned + " case reviews"),
                                false, spent, millisSince(started));
                    }
                    done++;
                    progress.printf(Locale.ROOT, "eval: %s, run %d of %d, case %d of %d: %s (%.0f s, $%.4f spent)%n", model,
                            run, runs, cases.indexOf(evalCase) + 1, cases.size(), evalCase.name(),
                            millisSince(started) / 1000.0, spent);
                    CaseResult result;
                    try {
                        result = review(evalCase, pipelines.forModel(model, maxCostUsd - spent));
                    } catch (EvalCaseException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        return new Outcome(results, planned, done - 1, Optional.of("stopped: case " + evalCase.name()
                                + " with " + model + " could not be reviewed: " + e.getMessage()), true, spent,
                                millisSince(started));
                    }
                    spent += result.costUsd();
                    runResults.add(result);
                }
            }
        }
        return new Outcome(results, planned, done, Optional.empty(), false, spent, millisSince(started));
    }

    private static CaseResult review(EvalCase evalCase, ReviewPipeline pipeline) {
        try (CaseRepository repository = CaseRepository.create(evalCase)) {
            LocalChange change = repository.change();
            Review review = pipeline.run(change, ReviewConfig.defaults(), ReviewProgress.SILENT);
            return CaseResult.score(evalCase, review);
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
