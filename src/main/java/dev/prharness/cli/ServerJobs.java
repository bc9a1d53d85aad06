package dev.prharness.cli;

import dev.prharness.pipeline.ReviewPipeline;
import dev.prharness.server.GitHubAccess;
import dev.prharness.server.JobHandler;
import dev.prharness.server.ReviewJobHandler;
import dev.prharness.server.WebhookRouter;
import java.util.Map;
import java.util.Optional;

/** Which jobs the server runs and which deliveries become jobs. */
final class ServerJobs {

    private ServerJobs() {}

    static Map<String, JobHandler> handlers(GitHubAccess github, ReviewPipeline pipeline, Optional<String> botLogin) {
        return Map.of(WebhookRouter.REVIEW, new ReviewJobHandler(github, pipeline, botLogin));
    }

    /** Comment commands are not built yet: every comment is ignored (204). */
    static WebhookRouter router(Optional<String> botLogin) {
        return new WebhookRouter(body -> false);
    }
}
