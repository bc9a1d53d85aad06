package dev.prharness.app;

import dev.prharness.server.JobRunner;
import dev.prharness.server.Retention;
import dev.prharness.server.ServerMetrics;
import dev.prharness.server.WebhookServer;
import dev.prharness.telemetry.Traces;
import dev.prharness.store.JobStore;
import java.util.Optional;

/**
 * The webhook server's parts as the composition root wires them: the job store, the worker pool, the metrics
 * and the HTTP face, retention of old jobs, traces when configured, plus who the bot posts as. Closing stops them in order: no new deliveries, running jobs
 * get their grace period, then the store.
 */
public record ServerAssembly(JobStore store, JobRunner runner, Retention retention, ServerMetrics metrics,
        WebhookServer http, Optional<Traces> traces, Optional<String> botLogin) implements AutoCloseable {

    /** Listens on {@code host:port} (0: any free port) and starts the workers. */
    public ServerAssembly start(String host, int port) {
        http.start(host, port);
        runner.start();
        retention.start();
        return this;
    }

    @Override
    public void close() {
        http.close();
        runner.close();
        retention.close();
        traces.ifPresent(Traces::close);
        metrics.close();
        store.close();
    }
}
