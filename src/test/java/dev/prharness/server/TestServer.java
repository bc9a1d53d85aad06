package dev.prharness.server;

import dev.prharness.app.CompositionRoot;
import dev.prharness.app.ServerAssembly;
import dev.prharness.store.JobStatus;
import dev.prharness.store.JobStore;
import dev.prharness.testing.Eventually;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.FakeOpenAi;
import dev.prharness.testing.Webhooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real webhook server for tests, wired by the composition root exactly as {@code serve} wires it, from an
 * environment: the fake GitHub's URL and a token, SQLite in the test's folder, fast server settings. Listens
 * on a free port; the workers start when the test says.
 */
final class TestServer implements AutoCloseable {

    final ServerAssembly assembly;
    final JobStore store;
    final JobRunner runner;
    final Webhooks webhooks;

    /** The environment {@code serve} would get: secret, GitHub, database, and a settings file with {@code settings} added. */
    static Map<String, String> environment(Path dir, String secret, FakeGitHub github, String token, String settings) {
        Path config = dir.resolve("server-settings.yml");
        try {
            Files.writeString(config, "server: {concurrency: 2, lease_seconds: 30, poll_millis: 50, max_attempts: 2, "
                    + "retry_backoff_seconds: 1, shutdown_grace_seconds: 5}\n" + settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_WEBHOOK_SECRET", secret);
        env.put("GITHUB_API_URL", github.apiUrl());
        env.put("GITHUB_TOKEN", token);
        env.put("PR_HARNESS_DB", "jdbc:sqlite:" + dir.resolve("jobs.db"));
        env.put("PR_HARNESS_CONFIG", config.toString());
        return env;
    }

    /** The environment that points the server's model at {@code openAi}: {@code strong} and {@code cheap} models. */
    static Map<String, String> model(FakeOpenAi openAi) {
        return Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL", openAi.baseUrl(), "PR_HARNESS_MODEL", "strong",
                "PR_HARNESS_CHEAP_MODEL", "cheap");
    }

    TestServer(Map<String, String> env) {
        assembly = new CompositionRoot(env, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).server();
        assembly.http().start("127.0.0.1", 0);
        store = assembly.store();
        runner = assembly.runner();
        webhooks = new Webhooks("http://127.0.0.1:" + assembly.http().port(), env.get("GITHUB_WEBHOOK_SECRET"));
    }

    void awaitJobs() {
        Eventually.await("every job finished", Duration.ofSeconds(30), () -> store.jobs().stream()
                .allMatch(j -> j.status() != JobStatus.QUEUED && j.status() != JobStatus.RUNNING));
    }

    @Override
    public void close() {
        assembly.close();
    }
}
