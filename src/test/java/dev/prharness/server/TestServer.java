package dev.prharness.server;

import dev.prharness.commands.BotCommand;
import dev.prharness.commands.CommandParser;
import dev.prharness.store.JobStatus;
import dev.prharness.store.JobStore;
import dev.prharness.testing.Eventually;
import dev.prharness.testing.Webhooks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The real webhook server for tests: SQLite store, job runner, metrics, on a free port, with a signing sender. */
final class TestServer implements AutoCloseable {

    final JobStore store;
    final JobRunner runner;
    final Webhooks webhooks;
    private final ServerMetrics metrics;
    private final WebhookServer server;

    TestServer(Path dir, String secret, Map<String, JobHandler> handlers, Optional<String> botLogin) {
        store = JobStore.open("jdbc:sqlite:" + dir.resolve("jobs.db"), Clock.systemUTC());
        runner = new JobRunner(store, handlers, new JobRunner.Settings(2, Duration.ofSeconds(30), Duration.ofMillis(50), 2,
                Duration.ofMillis(100), Duration.ofSeconds(5)), Clock.systemUTC(), "test-replica");
        metrics = new ServerMetrics(store);
        CommandParser parser = new CommandParser(botLogin);
        server = new WebhookServer(new PayloadSignature(secret), new WebhookRouter(body -> parser.parse(body).map(BotCommand::name)),
                store, runner, metrics).start("127.0.0.1", 0);
        webhooks = new Webhooks("http://127.0.0.1:" + server.port(), secret);
    }

    void awaitJobs() {
        Eventually.await("every job finished", Duration.ofSeconds(30), () -> store.jobs().stream()
                .allMatch(j -> j.status() == JobStatus.DONE || j.status() == JobStatus.DEAD || j.status() == JobStatus.SUPERSEDED));
    }

    @Override
    public void close() {
        server.close();
        runner.close();
        metrics.close();
        store.close();
    }
}
