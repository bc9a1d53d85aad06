package dev.prharness.cli;

import ch.qos.logback.classic.Level;
import dev.prharness.app.CompositionRoot;
import dev.prharness.app.ServerAssembly;
import dev.prharness.config.BotSettings;
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
        int port = port();
        CompositionRoot root = context.root();
        ServerAssembly server = root.server().start("0.0.0.0", port);
        BotSettings.Server settings = root.settings().server();
        LOG.info("pr-harness serve listening on port {} (store {}, {} workers{})", server.http().port(),
                server.store().describe(), settings.concurrency(), server.botLogin().map(l -> ", posting as " + l).orElse(""));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down: no new deliveries; running jobs get {} s", settings.shutdownGraceSeconds());
            server.close();
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
}
