package dev.prharness.cli;

import ch.qos.logback.classic.Level;
import dev.prharness.config.BotSettings;
import dev.prharness.github.AppPrivateKey;
import dev.prharness.github.GitHubConnection;
import dev.prharness.lint.LintEngine;
import dev.prharness.pipeline.LinterReview;
import dev.prharness.pipeline.ReviewPipeline;
import dev.prharness.server.GitHubAccess;
import dev.prharness.server.JobHandler;
import dev.prharness.server.JobRunner;
import dev.prharness.server.PayloadSignature;
import dev.prharness.server.ServerMetrics;
import dev.prharness.server.WebhookRouter;
import dev.prharness.server.WebhookServer;
import dev.prharness.store.JobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code pr-harness serve}: the webhook server of a GitHub App. Everything comes from the environment. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the webhook server for a GitHub App.",
            "Needs GITHUB_WEBHOOK_SECRET and GITHUB_APP_ID with GITHUB_APP_PRIVATE_KEY or GITHUB_APP_PRIVATE_KEY_FILE "
                    + "(or GITHUB_TOKEN for a single-token setup); PR_HARNESS_DB, PORT and PR_HARNESS_CONFIG are optional."})
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    private final CliContext context;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (context.variable("PR_HARNESS_LOG_LEVEL").isEmpty()) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("pr-harness.events")).setLevel(Level.INFO);
        }
        PayloadSignature signature = new PayloadSignature(context.variable("GITHUB_WEBHOOK_SECRET").orElseThrow(() ->
                new UsageException("serve refuses to start without GITHUB_WEBHOOK_SECRET: set it to the webhook secret "
                        + "of the GitHub App, so that forged deliveries are refused")));
        int port = port();
        String apiUrl = context.variable("GITHUB_API_URL").orElse(GitHubConnection.DEFAULT_API_URL);
        BotSettings settings = ModelSetup.botSettings(context);
        BotSettings.Server server = settings.server();
        GitHubAccess github;
        Optional<String> botLogin = Optional.ofNullable(server.botLogin()).or(() -> context.variable("PR_HARNESS_BOT_LOGIN"));
        Optional<String> appId = context.variable("GITHUB_APP_ID");
        if (appId.isPresent()) {
            PrivateKey key = appKey();
            github = GitHubAccess.asApp(apiUrl, appId.get(), key);
            if (botLogin.isEmpty()) {
                botLogin = Optional.of(GitHubConnection.appLogin(apiUrl, appId.get(), key));
            }
        } else {
            String token = context.variable("GITHUB_TOKEN").orElseThrow(() -> new UsageException(
                    "serve needs GitHub credentials: GITHUB_APP_ID with GITHUB_APP_PRIVATE_KEY or GITHUB_APP_PRIVATE_KEY_FILE "
                            + "(a GitHub App), or GITHUB_TOKEN"));
            github = GitHubAccess.withToken(apiUrl, token);
        }

        String database = context.variable("PR_HARNESS_DB").orElse("jdbc:sqlite:pr-harness.db");
        JobStore store;
        try {
            store = JobStore.open(database, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        LintEngine lintEngine = new LintEngine();
        Optional<ModelSetup.Ai> ai = ModelSetup.ai(context, false, settings, lintEngine);
        ReviewPipeline pipeline = new ReviewPipeline(new LinterReview(lintEngine), ai.map(ModelSetup.Ai::reviewer));
        Map<String, JobHandler> handlers = ServerJobs.handlers(github, pipeline,
                ServerJobs.commands(settings, lintEngine, pipeline, ai, botLogin), botLogin);
        JobRunner runner = new JobRunner(store, handlers, new JobRunner.Settings(server.concurrency(),
                Duration.ofSeconds(server.leaseSeconds()), Duration.ofMillis(server.pollMillis()), server.maxAttempts(),
                Duration.ofSeconds(server.retryBackoffSeconds()), Duration.ofSeconds(server.shutdownGraceSeconds())),
                Clock.systemUTC(), "replica-" + UUID.randomUUID().toString().substring(0, 8));
        ServerMetrics metrics = new ServerMetrics(store);
        WebhookServer webhooks = new WebhookServer(signature, ServerJobs.router(botLogin), store, runner, metrics);
        webhooks.start("0.0.0.0", port);
        runner.start();
        LOG.info("pr-harness serve listening on port {} (store {}, {} workers{})", webhooks.port(), store.describe(),
                server.concurrency(), botLogin.map(l -> ", posting as " + l).orElse(""));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down: no new deliveries; running jobs get {} s", server.shutdownGraceSeconds());
            webhooks.close();
            runner.close();
            metrics.close();
            store.close();
            stopped.countDown();
        }, "pr-harness-shutdown"));
        stopped.await();
        return Main.OK;
    }

    private int port() {
        String value = context.variable("PORT").orElse("8080");
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("PORT '" + value + "' is not a port number (0-65535)");
        }
    }

    private PrivateKey appKey() {
        String pem = context.variable("GITHUB_APP_PRIVATE_KEY").orElseGet(() -> {
            Path file = context.variable("GITHUB_APP_PRIVATE_KEY_FILE").map(Path::of).orElseThrow(() -> new UsageException(
                    "GITHUB_APP_ID is set but the App's private key is not: set GITHUB_APP_PRIVATE_KEY (the PEM text) "
                            + "or GITHUB_APP_PRIVATE_KEY_FILE (its path)"));
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UsageException("cannot read GITHUB_APP_PRIVATE_KEY_FILE " + file + ": " + e.getMessage());
            }
        });
        try {
            return AppPrivateKey.parse(pem);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
