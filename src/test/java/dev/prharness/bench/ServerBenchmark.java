package dev.prharness.bench;

import static dev.prharness.testing.FakeOpenAi.call;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prharness.app.CompositionRoot;
import dev.prharness.app.ServerAssembly;
import dev.prharness.server.JobRunner;
import dev.prharness.server.PayloadSignature;
import dev.prharness.server.JobRequest;
import dev.prharness.server.ServerMetrics;
import dev.prharness.server.WebhookRouter;
import dev.prharness.server.WebhookServer;
import dev.prharness.store.JobStore;
import dev.prharness.store.NewJob;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.FakeOpenAi;
import dev.prharness.testing.Fixtures;
import dev.prharness.testing.Postgres;
import dev.prharness.testing.TestRepo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The webhook server under load, on this machine: signed deliveries per second and latency to the 202 with
 * durable enqueue (SQLite, and PostgreSQL when it answers), from a load generator in the same process; and
 * heap with 50 reviews in flight against a slow fake model. Run with {@code mvn -Pbench verify -DskipTests}.
 */
public final class ServerBenchmark {

    private static final String SECRET = "bench-secret";
    private static final int[] CLIENTS = {8, 32};
    private static final Duration RUN = Duration.ofSeconds(10);

    private ServerBenchmark() {}

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("pr-harness.events"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.prharness"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path dir = Files.createTempDirectory("pr-harness-server-bench");
        System.out.println("| store | concurrent senders | deliveries/s | p50 to 202 | p99 to 202 | errors |");
        System.out.println("|---|---|---|---|---|---|");
        for (int clients : CLIENTS) {
            ingest("SQLite (WAL, synchronous=FULL)", "jdbc:sqlite:" + dir.resolve("ingest-" + clients + ".db"), clients);
            Optional<String> postgres = Postgres.freshSchema();
            if (postgres.isPresent()) {
                ingest("PostgreSQL 127.0.0.1", postgres.get(), clients);
            } else {
                System.out.println("| PostgreSQL | " + clients + " | not measured: " + Postgres.skipMessage() + " | | | |");
            }
        }
        System.out.println();
        reviewsInFlight(dir, 50);
    }

    /** Payloads here hold no commands. */
    private static final WebhookRouter.CommandFilter NO_COMMANDS = new WebhookRouter.CommandFilter() {
        @Override
        public Optional<String> commandName(String commentBody) {
            return Optional.empty();
        }

        @Override
        public Optional<String> replyCommandName(String replyBody) {
            return Optional.empty();
        }
    };

    private static void ingest(String label, String url, int clients) throws Exception {
        try (JobStore store = JobStore.open(url, Clock.systemUTC())) {
            JobRunner idle = new JobRunner(store, (job, lease) -> { }, new JobRunner.Settings(1, Duration.ofSeconds(30),
                    Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(1)), Clock.systemUTC(), "bench");
            ServerMetrics metrics = new ServerMetrics(store);
            WebhookServer server = new WebhookServer(new PayloadSignature(SECRET), new WebhookRouter(NO_COMMANDS),
                    store, idle, metrics).start("127.0.0.1", 0);
            PayloadSignature signature = new PayloadSignature(SECRET);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/webhook");
            AtomicInteger prNumbers = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            // Warm-up: JIT, connection setup, the first SQLite pages.
            load(http, uri, signature, prNumbers, errors, new ArrayList<>(), Duration.ofSeconds(3), clients);
            errors.set(0);
            long started = System.nanoTime();
            load(http, uri, signature, prNumbers, errors, latencies, RUN, clients);
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Long> sorted = latencies.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.1f ms | %.1f ms | %d |%n", label, clients, sorted.size() / seconds,
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6, errors.get());
            server.close();
            metrics.close();
        }
    }

    private static void load(HttpClient http, URI uri, PayloadSignature signature, AtomicInteger prNumbers,
            AtomicInteger errors, List<Long> latencies, Duration duration, int senders) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < senders; c++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    ObjectNode payload = Fixtures.pullRequest("opened", "acme/widgets",
                            prNumbers.incrementAndGet(), "ec26c3e57ca3a959ca5aad62de7213c562f8c821", 1);
                    byte[] body = Fixtures.bytes(payload);
                    HttpRequest request = HttpRequest.newBuilder(uri)
                            .header("X-GitHub-Event", "pull_request")
                            .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                            .header("X-Hub-Signature-256", signature.sign(body))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 202) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - sent);
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
    }

    private static void reviewsInFlight(Path dir, int reviews) throws Exception {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        Path sources = Path.of("src/main/java/dev/prharness");
        List<Path> files;
        try (var walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).limit(10).toList();
        }
        for (Path file : files) {
            repo.write("src/" + sources.relativize(file), "class Stub {}\n");
        }
        String base = repo.commit("base");
        for (Path file : files) {
            repo.write("src/" + sources.relativize(file), Files.readString(file));
        }
        String head = repo.commit("head");
        FakeGitHub github = new FakeGitHub(repo, "acme/widgets").acceptToken("bench");
        for (int i = 1; i <= reviews; i++) {
            github.pullRequest(i, base, head);
        }
        CountDownLatch allInFlight = new CountDownLatch(reviews);
        CountDownLatch release = new CountDownLatch(1);
        FakeOpenAi[] holder = new FakeOpenAi[1];
        FakeOpenAi openAi = new FakeOpenAi().otherwise(r -> {
            if (r.model().equals("cheap")) {
                return holder[0].text("cheap", "- a summary");
            }
            allInFlight.countDown();
            try {
                release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return holder[0].toolCalls("strong", call("submit_review", "{\"summary\": \"ok\"}"));
        });
        holder[0] = openAi;
        Path settings = dir.resolve("bench-settings.yml");
        Files.writeString(settings, "server: {concurrency: " + reviews + ", lease_seconds: 120, poll_millis: 100, "
                + "max_attempts: 1}\n");
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-bench", "OPENAI_BASE_URL", openAi.baseUrl(),
                "PR_HARNESS_MODEL", "strong", "PR_HARNESS_CHEAP_MODEL", "cheap", "GITHUB_WEBHOOK_SECRET", SECRET,
                "GITHUB_API_URL", github.apiUrl(), "GITHUB_TOKEN", "bench", "PR_HARNESS_DB",
                "jdbc:sqlite:" + dir.resolve("reviews.db"), "PR_HARNESS_CONFIG", settings.toString());
        try (ServerAssembly server = new CompositionRoot(env, System.err).server()) {
            for (int i = 1; i <= reviews; i++) {
                JobRequest review = new JobRequest.Review(true);
                server.store().enqueue(new NewJob("d" + i, review.kind(), "acme/widgets", i, 1, review.toJson(), true));
            }
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            server.runner().start();
            boolean reached = allInFlight.await(180, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            long heapInFlight = memory.getHeapMemoryUsage().getUsed();
            long committed = memory.getHeapMemoryUsage().getCommitted();
            System.out.printf(Locale.ROOT, "%d reviews in flight (%s), each a 10-file change waiting on the model: heap used "
                    + "after GC %.0f MB (committed %.0f MB, max %.0f MB)%n", reviews, reached ? "all reached the model" : "NOT all reached",
                    heapInFlight / 1e6, committed / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
            release.countDown();
        }
        github.close();
        openAi.close();
    }
}
