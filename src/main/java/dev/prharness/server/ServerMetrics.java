package dev.prharness.server;

import dev.prharness.events.EventLog;
import dev.prharness.store.JobStore;
import dev.prharness.store.StoreException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The server's Prometheus metrics: deliveries by event and outcome, queue depth, job latency, model calls,
 * tokens (prompt, cached, completion) and cost, spend per repository, reviews a budget kept to linters only, tool
 * cache hit ratio, and GitHub's remaining rate limit. Model, tool, GitHub and job
 * figures come from the structured events everything already emits.
 */
public final class ServerMetrics implements AutoCloseable {

    /** The event label of a delivery whose signature did not verify. */
    static final String UNVERIFIED = "unverified";
    private static final Set<String> KNOWN_EVENTS = Set.of("ping", "pull_request", "issue_comment", "installation",
            "installation_repositories", "pull_request_review", "pull_request_review_comment", "check_run", "check_suite");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicLong toolCalls = new AtomicLong();
    private final AtomicLong toolCacheHits = new AtomicLong();
    private final AtomicLong rateLimitRemaining = new AtomicLong(-1);
    private final BiConsumer<String, Map<String, Object>> listener = this::onEvent;

    public ServerMetrics(JobStore store) {
        Gauge.builder("prharness_jobs_queued", store, ServerMetrics::queueDepth)
                .description("jobs waiting to run").register(registry);
        Gauge.builder("prharness_tool_cache_hit_ratio", this,
                        m -> m.toolCalls.get() == 0 ? 0 : (double) m.toolCacheHits.get() / m.toolCalls.get())
                .description("share of tool calls answered from the cache").register(registry);
        Gauge.builder("prharness_github_rate_limit_remaining", rateLimitRemaining, r -> r.get() < 0 ? Double.NaN : r.get())
                .description("GitHub API calls left in the current window, as last reported (NaN until GitHub has "
                        + "answered)").register(registry);
        EventLog.subscribe(listener);
    }

    /**
     * Counts a delivery. Labels come from fixed sets, whatever a sender writes in its headers: the events the
     * server knows, {@code other}, or {@code unverified} for anything whose signature failed.
     */
    private static double queueDepth(JobStore store) {
        try {
            return store.queueDepth();
        } catch (StoreException e) {
            return Double.NaN;
        }
    }

    void delivery(String event, int status) {
        String label = event == null || event.isBlank() ? "none" : KNOWN_EVENTS.contains(event) ? event
                : event.equals(UNVERIFIED) ? UNVERIFIED : "other";
        Counter.builder("prharness_webhook_deliveries_total").description("webhook deliveries by event and answer status")
                .tag("event", label).tag("outcome", String.valueOf(status))
                .register(registry).increment();
    }

    String scrape() {
        return registry.scrape();
    }

    private void onEvent(String event, Map<String, Object> fields) {
        switch (event) {
            case "model_call" -> {
                Counter.builder("prharness_model_calls_total").tag("role", String.valueOf(fields.get("role")))
                        .tag("outcome", String.valueOf(fields.get("outcome"))).register(registry).increment();
                add("prharness_model_tokens_total", "type", "prompt", fields.get("prompt_tokens"));
                add("prharness_model_tokens_total", "type", "cached", fields.get("cached_tokens"));
                add("prharness_model_tokens_total", "type", "completion", fields.get("completion_tokens"));
                if (fields.get("cost_usd") instanceof Number cost) {
                    Counter.builder("prharness_model_cost_usd_total").register(registry).increment(cost.doubleValue());
                }
            }
            case "model_spend" -> add("prharness_model_spend_usd_total", "repository",
                    String.valueOf(fields.get("repository")), fields.get("usd"));
            case "comment_feedback" -> Counter.builder("prharness_comment_feedback_total")
                    .description("maintainers' and readers' verdicts on the bot's comments")
                    .tag("rule", String.valueOf(fields.get("rule"))).tag("source", String.valueOf(fields.get("source")))
                    .tag("verdict", String.valueOf(fields.get("verdict"))).register(registry).increment();
            case "budget_refused" -> Counter.builder("prharness_budget_refusals_total")
                    .tag("budget", String.valueOf(fields.get("budget"))).register(registry).increment();
            case "tool_call" -> {
                toolCalls.incrementAndGet();
                if (Boolean.TRUE.equals(fields.get("cache_hit"))) {
                    toolCacheHits.incrementAndGet();
                }
            }
            case "github_call" -> {
                Object remaining = fields.get("rate_limit_remaining");
                if (remaining != null) {
                    try {
                        rateLimitRemaining.set(Long.parseLong(remaining.toString()));
                    } catch (NumberFormatException ignored) {
                        // GitHub Enterprise Server without rate limits sends no number.
                    }
                }
            }
            case "job" -> Timer.builder("prharness_job_duration_seconds").tag("kind", String.valueOf(fields.get("kind")))
                    .tag("outcome", String.valueOf(fields.get("outcome"))).register(registry)
                    .record(Duration.ofMillis(((Number) fields.get("duration_ms")).longValue()));
            default -> { }
        }
    }

    private void add(String name, String tag, String value, Object amount) {
        if (amount instanceof Number number) {
            Counter.builder(name).tag(tag, value).register(registry).increment(number.doubleValue());
        }
    }

    @Override
    public void close() {
        EventLog.unsubscribe(listener);
        registry.close();
    }
}
