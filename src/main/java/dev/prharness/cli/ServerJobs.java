package dev.prharness.cli;

import dev.prharness.commands.BotCommand;
import dev.prharness.commands.CommandLimits;
import dev.prharness.commands.CommandParser;
import dev.prharness.commands.CommandRunner;
import dev.prharness.config.BotSettings;
import dev.prharness.lint.LintEngine;
import dev.prharness.pipeline.LinterReview;
import dev.prharness.pipeline.ReviewPipeline;
import dev.prharness.server.CommandJobHandler;
import dev.prharness.server.GitHubAccess;
import dev.prharness.server.JobHandler;
import dev.prharness.server.ReviewJobHandler;
import dev.prharness.server.WebhookRouter;
import java.util.Map;
import java.util.Optional;

/** Which jobs the server runs and which deliveries become jobs. */
final class ServerJobs {

    private ServerJobs() {}

    static Map<String, JobHandler> handlers(GitHubAccess github, ReviewPipeline pipeline, CommandRunner commands,
            Optional<String> botLogin) {
        return Map.of(WebhookRouter.REVIEW, new ReviewJobHandler(github, pipeline, botLogin),
                WebhookRouter.COMMAND, new CommandJobHandler(github, commands));
    }

    /** Comments whose first line is a command (addressed with / or @bot) become jobs; others are ignored. */
    static WebhookRouter router(Optional<String> botLogin) {
        CommandParser parser = new CommandParser(botLogin);
        return new WebhookRouter(body -> parser.parse(body).map(BotCommand::name));
    }

    /** The command runner with the full review, a linters-only review, and the model when there is one. */
    static CommandRunner commands(BotSettings settings, LintEngine lintEngine, ReviewPipeline reviewPipeline,
            Optional<ModelSetup.Ai> ai, Optional<String> botLogin) {
        return new CommandRunner(new CommandRunner.Services(reviewPipeline,
                new ReviewPipeline(new LinterReview(lintEngine), Optional.empty()),
                ai.map(ModelSetup.Ai::answerer), ai.map(ModelSetup.Ai::client), botLogin,
                new CommandLimits(settings.commands().maxPerUserPerHour(), settings.commands().maxPerPrPerHour())));
    }
}
