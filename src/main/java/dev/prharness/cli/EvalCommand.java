package dev.prharness.cli;

import dev.prharness.app.CompositionRoot;
import dev.prharness.eval.EvalCase;
import dev.prharness.eval.EvalCases;
import dev.prharness.eval.EvalReport;
import dev.prharness.eval.EvalRunner;
import dev.prharness.pipeline.ReviewBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pr-harness eval}: reviews the seeded-defect cases with the configured model (or each of several) through the
 * same pipeline as every other mode, and scores what the model found, missed and made up.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score the AI review on the built-in seeded-defect cases (or your own) with the configured model(s).")
final class EvalCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--cases", description = "A folder of *.yml case files to use instead of the built-in cases.")
    Path casesFolder;

    @Option(names = "--runs", defaultValue = "1", description = "Review every case this many times (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--format", defaultValue = "text", description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--model", description = "A strong model to evaluate; repeat to compare several (default: PR_HARNESS_MODEL).")
    List<String> models = new ArrayList<>();

    @Option(names = "--models", description = "A file with one model name per line, to compare them.")
    Path modelsFile;

    @Option(names = "--max-cost-usd", defaultValue = "2.00",
            description = "Stop once the estimated cost reaches this, with the results so far (default: ${DEFAULT-VALUE}).")
    double maxCostUsd;

    @Option(names = "--output", description = "Write the results to this file instead of standard output.")
    Path output;

    EvalCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!List.of("text", "markdown", "json").contains(format)) {
            throw new UsageException("--format " + format + " is not one of text, markdown, json");
        }
        if (runs < 1) {
            throw new UsageException("--runs " + runs + ": review every case at least once (1 or more)");
        }
        if (!(maxCostUsd > 0)) {
            throw new UsageException("--max-cost-usd " + maxCostUsd + ": give an amount above 0, e.g. 2.00");
        }
        if (context.variable("OPENAI_API_KEY").isEmpty()) {
            throw new UsageException("eval measures the AI review and needs a model: set OPENAI_API_KEY (and OPENAI_BASE_URL, "
                    + "PR_HARNESS_MODEL for another endpoint or model), or pass --model NAME with the key set");
        }
        List<String> names = modelNames();
        List<EvalCase> cases = casesFolder == null ? EvalCases.builtIn() : EvalCases.from(casesFolder);
        Map<String, CompositionRoot> roots = new HashMap<>();
        EvalRunner runner = new EvalRunner((model, capUsd) -> roots.computeIfAbsent(model, this::rootFor)
                .reviewPipeline(ReviewBudget.perReview(capUsd)), context.err());
        EvalRunner.Outcome outcome = runner.run(cases, names, runs, maxCostUsd);
        context.write(new EvalReport(cases, outcome).render(format), output);
        if (outcome.failed()) {
            context.err().println("pr-harness: could not complete: " + outcome.stopped().orElse("a review failed"));
            return Main.UNAVAILABLE;
        }
        outcome.stopped().ifPresent(s -> context.err().println("pr-harness: " + s));
        return Main.OK;
    }

    /** The models to evaluate: --model and --models, else PR_HARNESS_MODEL, else the settings' strong model. */
    private List<String> modelNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>(models);
        if (modelsFile != null) {
            try {
                Files.readAllLines(modelsFile).stream().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
            } catch (IOException e) {
                throw new UsageException("cannot read --models " + modelsFile + ": " + e.getMessage());
            }
        }
        if (names.isEmpty()) {
            names.add(context.variable("PR_HARNESS_MODEL")
                    .orElseGet(() -> context.root().settings().models().strong().name()));
        }
        return List.copyOf(names);
    }

    /** The composition root with {@code model} as the strong model; the cheap one stays as configured. */
    private CompositionRoot rootFor(String model) {
        Map<String, String> env = new HashMap<>(context.env());
        env.put("PR_HARNESS_MODEL", model);
        return new CompositionRoot(env, context.err());
    }
}
