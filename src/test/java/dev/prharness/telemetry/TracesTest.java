package dev.prharness.telemetry;

import static dev.prharness.testing.FakeOpenAi.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.prharness.app.CompositionRoot;
import dev.prharness.app.ServerAssembly;
import dev.prharness.testing.Eventually;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.FakeOpenAi;
import dev.prharness.testing.Fixtures;
import dev.prharness.testing.TestRepo;
import dev.prharness.testing.Webhooks;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces of a real server run, received by an OTLP/HTTP receiver inside the test (the protobuf the exporter
 * sends, decoded): one trace per job, with spans for the model calls (GenAI conventions), tool calls and GitHub
 * calls under the job's span. Nothing is set up, and nothing sent, without an endpoint.
 */
class TracesTest {

    private static final String FILE = "src/A.java";

    @TempDir
    Path dir;

    @Test
    void noEndpointNoTraces() {
        assertEquals(Optional.empty(), Traces.fromEnvironment(Map.of()));
        assertEquals(Optional.empty(), Traces.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " ")));
    }

    @Test
    void aReviewJobIsOneTraceWithItsModelToolAndGitHubCalls() throws Exception {
        List<Span> received = new CopyOnWriteArrayList<>();
        List<String> paths = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            try (InputStream body = exchange.getRequestBody()) {
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body.readAllBytes());
                request.getResourceSpansList().forEach(r -> r.getScopeSpansList().forEach(s -> received.addAll(s.getSpansList())));
            } catch (IOException e) {
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write(FILE, "package a;\n\npublic class A {\n}\n");
        String base = repo.commit("base");
        repo.write(FILE, "package a;\n\npublic class A {\n    int field;\n}\n");
        String head = repo.commit("head");
        try (FakeGitHub github = new FakeGitHub(repo, "acme/widgets").acceptToken("gh-trace").botLogin("pr-harness[bot]");
                FakeOpenAi openAi = new FakeOpenAi()) {
            github.pullRequest(7, base, head);
            openAi.otherwise(r -> r.model().equals("cheap") ? openAi.text("cheap", "- adds a field")
                    : r.body().get("messages").size() <= 3
                            ? openAi.toolCalls("strong", call("get_file_diff", "{\"path\": \"" + FILE + "\"}"))
                            : openAi.toolCalls("strong", call("submit_review", "{\"summary\": \"ok\"}")));
            Path settings = dir.resolve("settings.yml");
            Files.writeString(settings, "server: {concurrency: 1, poll_millis: 50}\n");
            Map<String, String> env = new HashMap<>(Map.of("GITHUB_WEBHOOK_SECRET", "trace-secret", "GITHUB_API_URL",
                    github.apiUrl(), "GITHUB_TOKEN", "gh-trace", "PR_HARNESS_DB", "jdbc:sqlite:" + dir.resolve("jobs.db"),
                    "PR_HARNESS_CONFIG", settings.toString(), "OPENAI_API_KEY", "sk-trace", "OPENAI_BASE_URL", openAi.baseUrl(),
                    "PR_HARNESS_MODEL", "strong", "PR_HARNESS_CHEAP_MODEL", "cheap"));
            env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + receiver.getAddress().getPort());
            ServerAssembly server = new CompositionRoot(env, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8)).server().start("127.0.0.1", 0);
            try {
                new Webhooks("http://127.0.0.1:" + server.http().port(), "trace-secret").deliver("pull_request",
                        Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", 7, head, 99)));
                Eventually.await("the job is done", Duration.ofSeconds(30), () -> !server.store().jobs().isEmpty()
                        && server.store().jobs().stream().allMatch(j -> j.status().name().equals("DONE")));
            } finally {
                server.close();
            }
            Eventually.await("the spans arrive", Duration.ofSeconds(15), () -> received.stream()
                    .anyMatch(s -> s.getName().startsWith("job review")));
        } finally {
            receiver.stop(0);
        }

        assertTrue(paths.stream().allMatch("/v1/traces"::equals), paths.toString());
        Span job = received.stream().filter(s -> s.getName().equals("job review acme/widgets#7")).findFirst().orElseThrow();
        assertEquals("done", attribute(job, "pr_harness.outcome"));
        List<Span> children = received.stream().filter(s -> s.getParentSpanId().equals(job.getSpanId())).toList();
        assertTrue(children.stream().allMatch(s -> s.getTraceId().equals(job.getTraceId())));
        Span chat = children.stream().filter(s -> "chat".equals(attribute(s, "gen_ai.operation.name"))
                && "strong".equals(attribute(s, "gen_ai.request.model"))).findFirst()
                .orElseThrow(() -> new AssertionError(names(children)));
        assertTrue(Long.parseLong(attribute(chat, "gen_ai.usage.input_tokens")) > 0, chat.toString());
        assertTrue(children.stream().anyMatch(s -> "get_file_diff".equals(attribute(s, "gen_ai.tool.name"))), names(children));
        assertTrue(children.stream().anyMatch(s -> s.getName().startsWith("GET ")), names(children));
        assertTrue(children.stream().anyMatch(s -> s.getName().startsWith("POST ")), "the posting: " + names(children));
        assertTrue(chat.getEndTimeUnixNano() >= chat.getStartTimeUnixNano());
    }

    private static String names(List<Span> spans) {
        return spans.stream().map(Span::getName).toList().toString();
    }

    private static String attribute(Span span, String key) {
        for (KeyValue kv : span.getAttributesList()) {
            if (kv.getKey().equals(key)) {
                return switch (kv.getValue().getValueCase()) {
                    case STRING_VALUE -> kv.getValue().getStringValue();
                    case INT_VALUE -> String.valueOf(kv.getValue().getIntValue());
                    case BOOL_VALUE -> String.valueOf(kv.getValue().getBoolValue());
                    case DOUBLE_VALUE -> String.valueOf(kv.getValue().getDoubleValue());
                    default -> kv.getValue().toString();
                };
            }
        }
        return null;
    }
}
