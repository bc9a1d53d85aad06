package dev.prharness.telemetry;

import dev.prharness.server.RunObserver;
import dev.prharness.store.Job;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Each job as an OpenTelemetry trace, exported over OTLP/HTTP when {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) is set; nothing is exported, and no SDK is made, when neither is.
 * A span per job attempt; under it one per model call (GenAI semantic conventions: {@code gen_ai.operation.name},
 * {@code gen_ai.request.model}, {@code gen_ai.usage.input_tokens}, …), per tool call and per GitHub call, made
 * from the events the run emits, with their measured start and end.
 */
public final class Traces implements RunObserver, AutoCloseable {

    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
    private static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    private static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    private static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    private static final AttributeKey<List<String>> FINISH_REASONS = AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    private static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
    private static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

    private final SdkTracerProvider provider;
    private final Tracer tracer;

    private Traces(SdkTracerProvider provider) {
        this.provider = provider;
        this.tracer = provider.get("dev.prharness");
    }

    /** Traces to the OTLP endpoint the environment names, or empty when it names none. */
    public static Optional<Traces> fromEnvironment(Map<String, String> env) {
        Optional<String> traces = Optional.ofNullable(env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(env.get("OTEL_EXPORTER_OTLP_ENDPOINT")).filter(s -> !s.isBlank())
                        .map(base -> base.replaceAll("/+$", "") + "/v1/traces"));
        if (traces.isEmpty()) {
            return Optional.empty();
        }
        OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder().setEndpoint(traces.get());
        Optional.ofNullable(env.get("OTEL_EXPORTER_OTLP_HEADERS")).ifPresent(headers -> {
            for (String pair : headers.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    exporter.addHeader(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
        });
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"),
                env.getOrDefault("OTEL_SERVICE_NAME", "pr-harness"))));
        return Optional.of(new Traces(SdkTracerProvider.builder().setResource(resource)
                .addSpanProcessor(BatchSpanProcessor.builder(exporter.build()).build()).build()));
    }

    @Override
    public Attempt begin(Job job) {
        Span root = tracer.spanBuilder("job " + job.kind() + " " + job.repository() + "#" + job.pullRequest())
                .setSpanKind(SpanKind.CONSUMER).setNoParent()
                .setAttribute("pr_harness.job.id", job.id())
                .setAttribute("pr_harness.job.kind", job.kind())
                .setAttribute("pr_harness.job.attempt", job.attempts())
                .setAttribute("pr_harness.repository", job.repository())
                .setAttribute("pr_harness.pull_request", job.pullRequest())
                .startSpan();
        return new JobAttempt(tracer, root);
    }

    /** Sends what is still buffered and stops. */
    @Override
    public void close() {
        provider.forceFlush().join(10, TimeUnit.SECONDS);
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }

    /** One attempt's spans: children made from its events, with the times the events measured. */
    private record JobAttempt(Tracer tracer, Span root) implements Attempt {

        @Override
        public void accept(String event, Map<String, Object> fields) {
            Instant end = Instant.now();
            Instant start = end.minusMillis(number(fields.get("duration_ms")));
            switch (event) {
                case "model_call" -> {
                    String model = String.valueOf(fields.getOrDefault("model", "unknown"));
                    Span span = child("chat " + model, SpanKind.CLIENT, start)
                            .setAttribute(OPERATION, "chat")
                            .setAttribute(SYSTEM, "openai")
                            .setAttribute(REQUEST_MODEL, model)
                            .setAttribute(INPUT_TOKENS, number(fields.get("prompt_tokens")))
                            .setAttribute(OUTPUT_TOKENS, number(fields.get("completion_tokens")))
                            .setAttribute("pr_harness.cached_tokens", number(fields.get("cached_tokens")))
                            .setAttribute("pr_harness.reasoning_tokens", number(fields.get("reasoning_tokens")))
                            .setAttribute("pr_harness.cost_usd", fields.get("cost_usd") instanceof Number n ? n.doubleValue() : 0.0)
                            .setAttribute("pr_harness.purpose", String.valueOf(fields.getOrDefault("purpose", "")));
                    if (fields.get("finish_reason") != null) {
                        span.setAttribute(FINISH_REASONS, List.of(String.valueOf(fields.get("finish_reason"))));
                    }
                    finish(span, fields, end);
                }
                case "tool_call" -> finish(child("execute_tool " + fields.get("tool"), SpanKind.INTERNAL, start)
                        .setAttribute(OPERATION, "execute_tool")
                        .setAttribute(TOOL_NAME, String.valueOf(fields.get("tool")))
                        .setAttribute("pr_harness.cache_hit", Boolean.TRUE.equals(fields.get("cache_hit")))
                        .setAttribute("pr_harness.result_chars", number(fields.get("result_chars"))), fields, end);
                case "github_call" -> {
                    Span span = child(fields.get("method") + " " + fields.get("path"), SpanKind.CLIENT, start)
                            .setAttribute(HTTP_METHOD, String.valueOf(fields.get("method")))
                            .setAttribute(URL_PATH, String.valueOf(fields.get("path")))
                            .setAttribute(HTTP_STATUS, number(fields.get("status")));
                    if (number(fields.get("status")) >= 400 || number(fields.get("status")) < 0) {
                        span.setStatus(StatusCode.ERROR);
                    }
                    span.end(end);
                }
                default -> {
                    AttributesBuilder attributes = Attributes.builder();
                    fields.forEach((key, value) -> attributes.put("pr_harness." + key, String.valueOf(value)));
                    root.addEvent(event, attributes.build());
                }
            }
        }

        @Override
        public void end(String outcome) {
            root.setAttribute("pr_harness.outcome", outcome);
            if (!outcome.equals("done")) {
                root.setStatus(StatusCode.ERROR, outcome);
            }
            root.end();
        }

        private Span child(String name, SpanKind kind, Instant start) {
            return tracer.spanBuilder(name).setParent(Context.root().with(root)).setSpanKind(kind).setStartTimestamp(start)
                    .startSpan();
        }

        private static void finish(Span span, Map<String, Object> fields, Instant end) {
            if ("error".equals(fields.get("outcome"))) {
                span.setStatus(StatusCode.ERROR, String.valueOf(fields.getOrDefault("error", "error")));
            }
            span.end(end);
        }

        private static long number(Object value) {
            return value instanceof Number n ? n.longValue() : 0;
        }
    }
}
