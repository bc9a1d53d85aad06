package dev.prharness.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.store.JobStore;
import dev.prharness.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GitHub App's HTTP face (Javalin on virtual threads): {@code POST /webhook} checks the signature over
 * the raw body, routes the delivery, and answers 202 only once its job is stored; {@code /healthz},
 * {@code /readyz}, {@code /metrics} and, with an admin token, {@code /runs} for operators.
 */
public final class WebhookServer implements AutoCloseable {

    public static final long MAX_BODY_BYTES = 25L * 1024 * 1024;
    /** How long a connection may send nothing while its request is read. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** Open connections on the port at once; more wait in the backlog. GitHub sends one delivery per connection. */
    static final int MAX_CONNECTIONS = 512;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PayloadSignature signature;
    private final WebhookRouter router;
    private final JobStore store;
    private final JobRunner runner;
    private final ServerMetrics metrics;
    private final Javalin app;

    public WebhookServer(PayloadSignature signature, WebhookRouter router, JobStore store, JobRunner runner,
            ServerMetrics metrics) {
        this(signature, router, store, runner, metrics, Optional.empty());
    }

    /** The same, with the runs page ({@code /runs}) when {@code runsPage} is given. */
    public WebhookServer(PayloadSignature signature, WebhookRouter router, JobStore store, JobRunner runner,
            ServerMetrics metrics, Optional<RunsPage> runsPage) {
        this.signature = signature;
        this.router = router;
        this.store = store;
        this.runner = runner;
        this.metrics = metrics;
        this.app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.jetty.modifyServer(server -> server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server)));
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(READ_TIMEOUT.toMillis()));
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.startup.showJavalinBanner = false;
            config.routes.post("/webhook", this::webhook);
            config.routes.get("/healthz", ctx -> ctx.result("ok"));
            config.routes.get("/readyz", ctx -> {
                boolean ready = store.reachable();
                if (!ready) {
                    LOG.warn("not ready: the job store {} does not answer", store.describe());
                }
                ctx.status(ready ? 200 : 503).result(ready ? "ready" : "job store unreachable");
            });
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
            runsPage.ifPresent(page -> page.register(config));
        });
    }

    public WebhookServer start(String host, int port) {
        app.start(host, port);
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                // A client that stops sending headers or body is cut off instead of holding a connection forever.
                serverConnector.setIdleTimeout(READ_TIMEOUT.toMillis());
            }
        }
        return this;
    }

    public int port() {
        return app.port();
    }

    private void webhook(Context ctx) {
        String event = ctx.header("X-GitHub-Event");
        String delivery = ctx.header("X-GitHub-Delivery");
        long length = ctx.contentLength();
        if (length > MAX_BODY_BYTES) {
            answer(ctx, event, 413, "body over 25 MiB");
            return;
        }
        byte[] body;
        try {
            body = ctx.bodyAsBytes();
        } catch (Exception e) {
            // A broken chunked encoding, a body cut short (Jetty throws its I/O exceptions unchecked through Kotlin):
            // the sender's fault, said without internals.
            answer(ctx, ServerMetrics.UNVERIFIED, 400, "the request body could not be read (malformed or cut short)");
            return;
        }
        if (!signature.matches(body, ctx.header("X-Hub-Signature-256"))) {
            answer(ctx, ServerMetrics.UNVERIFIED, 401, "missing or wrong X-Hub-Signature-256");
            return;
        }
        if (event == null || event.isBlank() || delivery == null || delivery.isBlank()) {
            answer(ctx, event, 400, "missing X-GitHub-Event or X-GitHub-Delivery header");
            return;
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            answer(ctx, event, 400, "body is not JSON: " + e.getOriginalMessage());
            return;
        } catch (java.io.IOException e) {
            answer(ctx, event, 400, "body cannot be read: " + e.getMessage());
            return;
        }
        if (payload == null || !payload.isObject()) {
            answer(ctx, event, 400, "body is not a JSON object");
            return;
        }
        Route route = router.route(event, delivery, payload);
        try {
            switch (route) {
                case Route.Pong() -> answer(ctx, event, 200, "pong");
                case Route.Ignore ignore -> answer(ctx, event, 204, ignore.reason());
                case Route.Invalid invalid -> answer(ctx, event, 400, invalid.reason());
                case Route.Installation installation -> {
                    List<Long> cancelled = store.recordInstallation(installation.id(), installation.account(),
                            installation.state());
                    if (!cancelled.isEmpty()) {
                        LOG.info("installation {} is {}: queued jobs {} cancelled", installation.id(),
                                installation.state(), cancelled);
                    }
                    answer(ctx, event, 202, "installation " + installation.id() + " recorded as "
                            + installation.state().name().toLowerCase(java.util.Locale.ROOT)
                            + (cancelled.isEmpty() ? "" : "; " + cancelled.size() + " queued jobs cancelled"));
                }
                case Route.Accept accept -> {
                    JobStore.Enqueued enqueued = store.enqueue(accept.job());
                    if (enqueued.refused().isPresent()) {
                        answer(ctx, event, 204, enqueued.refused().get());
                        return;
                    }
                    enqueued.superseded().forEach(id -> LOG.info("job {} superseded by job {} (delivery {}): a newer "
                            + "push makes the queued review pointless", id, enqueued.jobId(), delivery));
                    if (!enqueued.duplicate()) {
                        runner.wake();
                    }
                    answer(ctx, event, 202, enqueued.duplicate() ? "duplicate delivery: already stored as job "
                            + enqueued.jobId() : "stored as job " + enqueued.jobId());
                }
            }
        } catch (StoreException e) {
            LOG.error("delivery {} not stored: {}", delivery, e.getMessage());
            answer(ctx, event, 503, "job store unavailable; GitHub can redeliver this delivery");
        }
    }

    private void answer(Context ctx, String event, int status, String message) {
        metrics.delivery(event, status);
        ctx.status(status);
        if (status != 204) {
            ctx.result(message);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
