package dev.prharness.cli;

import dev.prharness.aireview.AiReviewer;
import dev.prharness.aireview.AiSetup;
import dev.prharness.aireview.HarnessSettings;
import dev.prharness.aireview.Prompts;
import dev.prharness.aireview.QuestionAnswerer;
import dev.prharness.harness.ModelClient;
import dev.prharness.config.BotSettings;
import dev.prharness.config.BotSettingsLoader;
import dev.prharness.harness.ContextCompactor;
import dev.prharness.harness.Harness;
import dev.prharness.harness.ToolResultCache;
import dev.prharness.lint.LintEngine;
import dev.prharness.model.ModelSettings;
import dev.prharness.model.OpenAiModelClient;
import dev.prharness.pipeline.ModelReviewer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Builds the AI reviewer from the environment and the bot settings, or says why there is none. */
final class ModelSetup {

    private static final int RECENT_RESULTS_KEPT_BY_COMPACTION = 2;

    private ModelSetup() {}

    /** PR_HARNESS_CONFIG, else {@code config/pr-harness.yml} in the working directory if there is one, over the built-in defaults. */
    static BotSettings botSettings(CliContext context) {
        Optional<Path> file = context.variable("PR_HARNESS_CONFIG").map(Path::of)
                .or(() -> Optional.of(Path.of("config", "pr-harness.yml")).filter(java.nio.file.Files::isRegularFile));
        return new BotSettingsLoader().load(file);
    }

    /** The model's services: the reviewer, the question answerer for {@code /ask}, and the client itself. */
    record Ai(ModelReviewer reviewer, QuestionAnswerer answerer, ModelClient client) {}

    /** The AI reviewer, as {@link #ai} builds it. */
    static Optional<ModelReviewer> reviewer(CliContext context, boolean noAi, BotSettings settings, LintEngine engine) {
        return ai(context, noAi, settings, engine).map(Ai::reviewer);
    }

    /**
     * The AI services when a key is set and AI is not switched off. Otherwise empty, after saying once on
     * standard error that the review is linters-only and how to enable the model.
     */
    static Optional<Ai> ai(CliContext context, boolean noAi, BotSettings settings, LintEngine engine) {
        if (noAi) {
            context.err().println("pr-harness: linters-only review (--no-ai). Drop --no-ai and set OPENAI_API_KEY "
                    + "to add the AI review.");
            return Optional.empty();
        }
        Optional<ModelSettings> model = ModelSettings.fromEnvironment(context.env(), settings);
        if (model.isEmpty()) {
            context.err().println("pr-harness: linters-only review: OPENAI_API_KEY is not set. Set it (and "
                    + "OPENAI_BASE_URL, PR_HARNESS_MODEL for another endpoint or model) to add the AI review.");
            return Optional.empty();
        }
        HarnessSettings harnessSettings = HarnessSettings.from(settings.harness());
        Harness harness = new Harness(harnessSettings.limits(),
                new ContextCompactor(Prompts.text("compaction-system.md"), RECENT_RESULTS_KEPT_BY_COMPACTION),
                Clock.systemUTC());
        ModelClient client = new OpenAiModelClient(model.get());
        AiSetup setup = new AiSetup(client, harness, harnessSettings, new ToolResultCache(10_000), engine);
        return Optional.of(new Ai(new AiReviewer(setup), new QuestionAnswerer(setup), client));
    }
}
