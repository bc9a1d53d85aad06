package dev.prharness.bench;

import dev.prharness.testing.ActionEnvironment;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.Fixtures;
import dev.prharness.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Action as its image runs it, whole process, cold: the linked JRE 25 with the AOT cache (made by the image's
 * own scripts, src/docker), {@code action} on a linters-only 20-file pull request, from process start to the
 * posted review, against a fake GitHub on 127.0.0.1. A fresh fake each run, so every run reviews the whole pull
 * request. Also the same without the cache. Run with {@code mvn -Pbench verify -DskipTests} (a JDK 25 build);
 * prints the medians. With {@code PROJECT REPO BASE HEAD} as arguments it reviews that real change instead (a
 * clone of an open-source project), as a pull request from BASE to HEAD.
 */
public final class ActionStartBenchmark {

    private static final int FILES = 20;
    private static final int ROUNDS = 7;
    private static final String TOKEN = "ghs_bench";

    private ActionStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        Path work = Files.createTempDirectory("pr-harness-action-bench");
        Path app = Files.createDirectories(work.resolve("app"));
        Path jar = app.resolve("pr-harness.jar");
        Files.copy(project.resolve("target/pr-harness.jar"), jar);
        Path runtime = app.resolve("runtime");
        Path cache = app.resolve("pr-harness.aot");
        String javaHome = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent().toString();
        run(project, work, Map.of("JAVA_HOME", javaHome), "bash", "src/docker/runtime.sh", jar.toString(), runtime.toString());
        run(project, work, Map.of(), "bash", "src/docker/train-aot.sh", runtime.resolve("bin/java").toString(), jar.toString(),
                cache.toString());

        TestRepo repo;
        String base;
        String head;
        if (args.length >= 4) {
            repo = TestRepo.open(Path.of(args[1]).toAbsolutePath());
            base = repo.git("rev-parse", args[2]).strip();
            head = repo.git("rev-parse", args[3]).strip();
        } else {
            repo = TestRepo.init(work.resolve("repo"));
            List<Path> sources = largest(project.resolve("src/main/java"));
            for (Path source : sources) {
                repo.write(project.resolve("src/main/java").relativize(source).toString(), Files.readString(source));
            }
            base = repo.commit("base");
            for (Path source : sources) {
                String text = Files.readString(source);
                int end = text.lastIndexOf('}');
                repo.write(project.resolve("src/main/java").relativize(source).toString(), text.substring(0, end)
                        + "\n    static boolean benchStop(String command) {\n        return command == \"stop\";\n    }\n}\n");
            }
            head = repo.commit("head: one new method in each of 20 files");
        }

        List<Long> withCache = new ArrayList<>();
        List<Long> withoutCache = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            withCache.add(action(project, work, repo, base, head, runtime, jar, "-XX:AOTCache=" + cache));
            withoutCache.add(action(project, work, repo, base, head, runtime, jar, "-XX:AOTMode=off"));
        }
        System.out.printf("%n| the action entrypoint, 20-file pull request, linters only | median of %d |%n|---|---|%n", ROUNDS);
        System.out.printf("| linked JRE 25 + AOT cache (the image) | %d ms |%n", median(withCache));
        System.out.printf("| linked JRE 25, no AOT cache | %d ms |%n", median(withoutCache));
        System.out.printf("runs with the cache: %s%nruns without: %s%n", withCache, withoutCache);
    }

    /** One cold run of the entrypoint's command against a fresh fake GitHub; milliseconds from start to exit. */
    private static long action(Path project, Path work, TestRepo repo, String base, String head, Path runtime, Path jar,
            String cacheOption) throws Exception {
        try (FakeGitHub github = new FakeGitHub(repo, "acme/widgets").acceptToken(TOKEN).botLogin("github-actions[bot]")) {
            FakeGitHub.Pr pr = github.pullRequest(7, base, head);
            Path event = work.resolve("event.json");
            Files.write(event, Fixtures.bytes(Fixtures.pullRequest("opened", "acme/widgets", 7, pr.headSha, 1)));
            Map<String, String> env = ActionEnvironment.pullRequest(work, event, "acme/widgets", github.apiUrl(), TOKEN);
            long started = System.nanoTime();
            run(project, work, env, runtime.resolve("bin/java").toString(), "@src/docker/java-options", cacheOption,
                    "-jar", jar.toString(), "action");
            long millis = (System.nanoTime() - started) / 1_000_000;
            // A change with no new findings gets the summary comment and no review: both count as the review posted.
            if (github.issueComments().size() != 1 || github.reviews().size() > 1) {
                throw new IllegalStateException("the action posted " + github.reviews().size() + " reviews and "
                        + github.issueComments().size() + " summaries");
            }
            return millis;
        }
    }

    private static void run(Path project, Path work, Map<String, String> env, String... command) throws IOException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(work.resolve("err.txt")));
        }
    }

    private static List<Path> largest(Path sources) throws IOException {
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(p -> p.toString().endsWith(".java"))
                    .sorted(Comparator.comparingLong((Path p) -> p.toFile().length()).reversed())
                    .limit(FILES).toList();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
