package dev.prharness.build;

import static dev.prharness.testing.FakeOpenAi.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.prharness.testing.ActionEnvironment;
import dev.prharness.testing.Eventually;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.FakeOpenAi;
import dev.prharness.testing.Fixtures;
import dev.prharness.testing.TestRepo;
import dev.prharness.testing.Webhooks;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar itself, {@code target/pr-harness.jar}, as a user runs it: one process per mode, talking HTTP to
 * the fake GitHub and the fake model server. The jar leaves out the parts of its libraries the program does not
 * use (most of openai-java, Jetty's WebSocket, foreign SQLite natives); this proves nothing needed went with them.
 */
class ShadedJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAR = Path.of("target", "pr-harness.jar").toAbsolutePath();
    private static final String TOKEN = "ghs_shaded_jar_token";
    private static final String SERVICE = "src/main/java/demo/Service.java";

    @TempDir
    Path dir;

    private TestRepo repo;
    private FakeGitHub github;
    private FakeGitHub.Pr pr;
    private String base;
    private String head;

    @BeforeEach
    void aChange() {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by mvn package before the integration tests");
        repo = TestRepo.init(dir.resolve("repo"));
        repo.write(SERVICE, "package demo;\n\npublic class Service {\n    int calls;\n}\n");
        base = repo.commit("base");
        repo.write(SERVICE, """
                package demo;

                public class Service {
                    int calls;

                    boolean stop(String command) {
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                        }
                        return command == "stop";
                    }
                }
                """);
        head = repo.commit("head");
        github = new FakeGitHub(repo, "acme/widgets").acceptToken(TOKEN).botLogin("pr-harness[bot]")
                .permission("maintainer", "write");
        pr = github.pullRequest(7, base, head);
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void reviewWithTheModelRunsTheChatCompletionsClientFromTheJar() throws Exception {
        try (FakeOpenAi openAi = new FakeOpenAi()) {
            openAi.otherwise(request -> request.offersTool("select_files")
                    ? openAi.toolCalls("cheap", call("select_files", "{\"review\": [], \"skip\": []}"))
                    : openAi.text("cheap", "- adds stop() to Service"));
            openAi.script("strong",
                    openAi.toolCalls("strong", call("get_file_diff", "{\"path\": \"" + SERVICE + "\"}")),
                    openAi.toolCalls("strong", call("add_review_comment", """
                            {"path": "%s", "line": 8, "severity": "warning", "body": "A sleep in stop() delays shutdown."}"""
                            .formatted(SERVICE))),
                    openAi.toolCalls("strong", call("submit_review", "{\"summary\": \"One delay.\"}")));
            Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL", openAi.baseUrl(),
                    "PR_HARNESS_MODEL", "strong", "PR_HARNESS_CHEAP_MODEL", "cheap");

            Run run = jar(env, "review", "--repo", repo.root().toString(), "--base", base, "--head", head, "--format", "json");

            assertEquals(0, run.exitCode(), run.err());
            JsonNode review = JSON.readTree(run.out());
            List<String> sources = new ArrayList<>();
            review.get("comments").forEach(c -> sources.add(c.get("source").asText() + ":" + c.get("line").asInt()));
            assertTrue(sources.contains("model:8"), sources.toString());
            assertTrue(sources.stream().anyMatch(s -> s.startsWith("pmd:")), "the linters ran from the jar: " + sources);
            assertTrue(review.get("summary").asText().contains("One delay."), review.get("summary").asText());
        }
    }

    @Test
    void reviewPrPostsTheReviewToGitHub() {
        Run run = jar(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", github.apiUrl()), "review-pr", "acme/widgets#7", "--no-ai");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, github.reviews().size());
        assertFalse(github.reviewComments().isEmpty());
        assertTrue(github.issueComments().get(0).path("body").asText().contains("pr-harness review"));
    }

    @Test
    void theActionPostsTheReviewAndWritesItsOutputs() throws Exception {
        Path event = dir.resolve("event.json");
        Files.write(event, Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", 7, pr.headSha, 1)));
        Path output = dir.resolve("github_output");
        Map<String, String> env = ActionEnvironment.pullRequest(dir, event, "acme/widgets", github.apiUrl(), TOKEN);

        Run run = jar(env, "action");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, github.reviews().size());
        assertTrue(Files.readString(output).contains("comments="), Files.readString(output));
    }

    @Test
    void serveTakesAWebhookToAPostedReviewAndServesItsMetrics() throws Exception {
        int port = freePort();
        Path settings = dir.resolve("settings.yml");
        Files.writeString(settings, "server: {concurrency: 2, poll_millis: 50}\n");
        AtomicInteger traceExports = new AtomicInteger();
        HttpServer otlp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otlp.createContext("/v1/traces", exchange -> {
            exchange.getRequestBody().readAllBytes();
            traceExports.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        otlp.start();
        Map<String, String> env = Map.of("GITHUB_WEBHOOK_SECRET", "s3cret", "GITHUB_API_URL", github.apiUrl(),
                "GITHUB_TOKEN", TOKEN, "PR_HARNESS_DB", "jdbc:sqlite:" + dir.resolve("jobs.db"),
                "PR_HARNESS_CONFIG", settings.toString(), "PORT", String.valueOf(port),
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + otlp.getAddress().getPort());
        Process server = start(env, "serve");
        try {
            Webhooks webhooks = new Webhooks("http://127.0.0.1:" + port, "s3cret");
            Eventually.await("the server is ready", Duration.ofSeconds(60), () -> {
                try {
                    return webhooks.get("/readyz").statusCode() == 200;
                } catch (RuntimeException notYet) {
                    return false;
                }
            });

            assertEquals(202, webhooks.deliver("pull_request",
                    Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", 7, pr.headSha, 1))).statusCode());

            Eventually.await("the review is posted", Duration.ofSeconds(60), () -> github.reviews().size() == 1);
            String metrics = webhooks.get("/metrics").body();
            assertTrue(metrics.contains("prharness_jobs_queued"), metrics.lines().limit(5).toList().toString());
            // A scraper that asks for protobuf gets text: the jar leaves the protobuf writer out.
            HttpResponse<String> protobuf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).header("Accept", "application/vnd.google.protobuf; "
                    + "proto=io.prometheus.client.MetricFamily; encoding=delimited").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, protobuf.statusCode());
            assertTrue(protobuf.body().contains("prharness_jobs_queued"), protobuf.body());
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
            server.destroyForcibly();
            otlp.stop(0);
        }
        assertTrue(traceExports.get() > 0, "the job's trace was exported over OTLP from the jar");
    }

    private record Run(int exitCode, String out, String err) {}

    private Run jar(Map<String, String> env, String... args) {
        try {
            Process process = start(env, args);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the jar did not finish in 120 s: " + List.of(args));
            }
            return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code java -jar target/pr-harness.jar ARGS} with the JVM that runs the tests and only {@code env} and PATH. */
    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().put("HOME", dir.toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
