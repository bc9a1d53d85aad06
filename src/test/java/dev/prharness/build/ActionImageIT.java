package dev.prharness.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.testing.ActionEnvironment;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.Fixtures;
import dev.prharness.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Action image's steps, as the Dockerfile runs them, on this machine: {@code src/docker/runtime.sh} links the
 * runtime, {@code src/docker/train-aot.sh} makes the ahead-of-time cache, and the entrypoint's command (that
 * runtime, {@code src/docker/java-options}, the cache, {@code action}) posts a review to the fake GitHub. The
 * Dockerfile only calls these tested scripts; there is no Docker engine here to build the image itself.
 */
class ActionImageIT {

    private static final String TOKEN = "ghs_image_token";

    @TempDir
    Path dir;

    @Test
    void theLinkedRuntimeWithItsCacheRunsTheActionToAPostedReview() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25,
                "jlink from the run-time image and the ahead-of-time cache need JDK 25; the tests run on " + Runtime.version());
        Path javaHome = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent();
        Path app = Files.createDirectories(dir.resolve("app"));
        Path jar = app.resolve("pr-harness.jar");
        Files.copy(Path.of("target/pr-harness.jar"), jar);
        Path runtime = app.resolve("runtime");
        Path cache = app.resolve("pr-harness.aot");

        assertEquals(0, run(Map.of("JAVA_HOME", javaHome.toString()), "bash", "src/docker/runtime.sh", jar.toString(),
                runtime.toString()), "runtime.sh");
        assertTrue(Files.isExecutable(runtime.resolve("bin/java")));
        assertEquals(0, run(Map.of(), "bash", "src/docker/train-aot.sh", runtime.resolve("bin/java").toString(), jar.toString(),
                cache.toString()), "train-aot.sh");
        assertTrue(Files.size(cache) > 0);

        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write("src/A.java", "package a;\n\npublic class A {\n}\n");
        String base = repo.commit("base");
        repo.write("src/A.java", "package a;\n\npublic class A {\n    boolean stop(String s) {\n        return s == \"stop\";\n    }\n}\n");
        String head = repo.commit("head");
        try (FakeGitHub github = new FakeGitHub(repo, "acme/widgets").acceptToken(TOKEN).botLogin("github-actions[bot]")) {
            FakeGitHub.Pr pr = github.pullRequest(7, base, head);
            Path event = dir.resolve("event.json");
            Files.write(event, Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", 7, pr.headSha, 1)));
            Map<String, String> env = ActionEnvironment.pullRequest(dir, event, "acme/widgets", github.apiUrl(), TOKEN);

            int status = run(env, runtime.resolve("bin/java").toString(), "@src/docker/java-options",
                    "-XX:AOTCache=" + cache, "-Xlog:aot=info:stderr", "-jar", jar.toString(), "action");

            String err = Files.readString(dir.resolve("err.txt"));
            assertEquals(0, status, err);
            assertTrue(err.contains("Opened AOT cache " + cache), "the entrypoint used the cache: " + err);
            assertEquals(1, github.reviews().size());
        }
    }

    /** Runs a command in the project folder; its output goes to out.txt and err.txt in the test's folder. */
    private int run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish in 300 s: " + List.of(command));
        }
        if (process.exitValue() != 0) {
            System.err.println(Files.readString(dir.resolve("err.txt")));
        }
        return process.exitValue();
    }
}
