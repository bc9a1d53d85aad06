package dev.prharness.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./pr-harness} with a JDK 25: the first review makes the ahead-of-time cache, the next run uses it (the
 * JVM's own log says so), and a new jar makes a new one. The launcher and the shaded jar are copied into a folder
 * of their own, laid out as a checkout without sources, so the launcher runs the jar as it is.
 */
class LauncherAotIT {

    @TempDir
    Path dir;

    @Test
    void theFirstReviewMakesTheCacheTheNextUsesItAndANewJarMakesANewOne() throws Exception {
        Path javaHome = jdk25OrSkip();
        Path install = dir.resolve("install");
        Files.createDirectories(install.resolve("target"));
        Files.copy(Path.of("pr-harness"), install.resolve("pr-harness"));
        install.resolve("pr-harness").toFile().setExecutable(true);
        Path jar = install.resolve("target/pr-harness.jar");
        Files.copy(Path.of("target/pr-harness.jar"), jar);
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write("A.java", "class A {\n}\n");
        String base = repo.commit("base");
        repo.write("A.java", "class A {\n    boolean stop(String s) {\n        return s == \"stop\";\n    }\n}\n");
        String head = repo.commit("head");
        List<String> review = List.of("review", "--repo", repo.root().toString(), "--base", base, "--head", head, "--no-ai",
                "--output", dir.resolve("review.txt").toString());

        Run first = launch(install, javaHome, review);
        assertEquals(0, first.exitCode(), first.err());
        Path cache = aotCache(install).orElseThrow(() -> new AssertionError("no cache after the first review: " + first.err()));
        assertTrue(Files.readString(dir.resolve("review.txt")).contains("StringLiteralEquality")
                || Files.readString(dir.resolve("review.txt")).contains("UseEqualsToCompareStrings"));

        Run second = launch(install, javaHome, review);
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.err().contains("Opened AOT cache " + cache), "the JVM used the cache: " + second.err());

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        Run third = launch(install, javaHome, review);
        assertEquals(0, third.exitCode(), third.err());
        assertFalse(third.err().contains("Opened AOT cache"), "a new jar does not use the old cache: " + third.err());
        Path renewed = aotCache(install).orElseThrow(() -> new AssertionError("no cache after the new jar's first review"));
        assertNotEquals(cache, renewed);
        assertFalse(Files.exists(cache), "the old jar's cache is removed");
    }

    private record Run(int exitCode, String err) {}

    private Run launch(Path install, Path javaHome, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", install.resolve("pr-harness").toString()));
        command.addAll(args);
        Path err = dir.resolve("launcher-err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("PR_HARNESS_JAVA_OPTS", "-Xlog:aot=info:stderr");
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not finish in 180 s");
        }
        return new Run(process.exitValue(), Files.readString(err));
    }

    private static Optional<Path> aotCache(Path install) throws IOException {
        try (Stream<Path> files = Files.list(install.resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("pr-harness-.*\\.aot")).findFirst();
        }
    }

    /** The JDK running the tests when it is 25 or newer (the build's toolchain), else a skip that says why. */
    private static Path jdk25OrSkip() {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Assumptions.assumeTrue(Runtime.version().feature() >= 25,
                "the ahead-of-time cache needs JDK 25; the tests run on " + Runtime.version());
        return java.getParent().getParent();
    }
}
