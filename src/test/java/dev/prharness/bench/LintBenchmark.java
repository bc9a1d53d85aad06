package dev.prharness.bench;

import dev.prharness.lint.LintEngine;
import dev.prharness.lint.LintResult;
import dev.prharness.lint.LintRules;
import dev.prharness.lint.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Lint speed on one 20-file change: in-process with warm rulesets (what pr-harness does) against the
 * Checkstyle and PMD command-line tools run as separate processes (what a user would otherwise script),
 * cold and warm, and cache hits. Run with {@code mvn -Pbench verify -DskipTests}; prints a markdown table.
 */
public final class LintBenchmark {

    private static final int FILES = 20;
    private static final int WARM_ROUNDS = 10;
    private static final int CLI_ROUNDS = 5;

    private LintBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        List<SourceFile> files = sample(project.resolve("src/main/java"));
        long lines = files.stream().mapToLong(f -> f.content().lines().count()).sum();
        LintRules rules = LintRules.defaults();

        long t0 = System.nanoTime();
        LintEngine engine = new LintEngine();
        LintResult first = engine.lint(files, rules);
        double inProcessCold = millis(t0);

        List<Double> warm = new ArrayList<>();
        for (int round = 0; round < WARM_ROUNDS; round++) {
            List<SourceFile> edited = edit(files, round);
            long t = System.nanoTime();
            engine.lint(edited, rules);
            warm.add(millis(t));
        }
        List<Double> cached = new ArrayList<>();
        int hits = 0;
        for (int round = 0; round < WARM_ROUNDS; round++) {
            long t = System.nanoTime();
            hits = engine.lint(files, rules).cacheHits();
            cached.add(millis(t));
        }

        Path folder = Files.createTempDirectory("pr-harness-bench");
        for (SourceFile file : files) {
            Path target = folder.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.content());
        }
        List<Double> cli = new ArrayList<>();
        for (int round = 0; round <= CLI_ROUNDS; round++) {
            long t = System.nanoTime();
            runCheckstyleCli(project, folder);
            runPmdCli(project, folder);
            cli.add(millis(t));
        }
        double cliCold = cli.get(0);
        double cliWarm = median(cli.subList(1, cli.size()));
        double inProcessWarm = median(warm);

        System.out.printf(Locale.ROOT, "Change: %d Java files, %d lines, %d findings; JDK %s, %d cores%n%n",
                files.size(), lines, first.findings().size(), Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.println("| route | time for the 20 files |");
        System.out.println("|---|---|");
        System.out.printf(Locale.ROOT, "| in-process, cold (first lint in a fresh JVM, rulesets parsed) | %.0f ms |%n", inProcessCold);
        System.out.printf(Locale.ROOT, "| in-process, warm rulesets (median of %d, every file changed) | %.0f ms |%n", WARM_ROUNDS, inProcessWarm);
        System.out.printf(Locale.ROOT, "| in-process, cache hits (median of %d, %d/%d hits) | %.2f ms |%n", WARM_ROUNDS, hits, files.size(), median(cached));
        System.out.printf(Locale.ROOT, "| CLI processes (checkstyle + pmd), cold | %.0f ms |%n", cliCold);
        System.out.printf(Locale.ROOT, "| CLI processes (checkstyle + pmd), warm (median of %d) | %.0f ms |%n", CLI_ROUNDS, cliWarm);
        System.out.printf(Locale.ROOT, "%nWarm in-process is %.1f× faster than the warm CLI route; cold, %.1f×.%n",
                cliWarm / inProcessWarm, cliCold / inProcessCold);
    }

    private static void runCheckstyleCli(Path project, Path folder) throws IOException, InterruptedException {
        run(List.of(java(), "-cp", System.getProperty("java.class.path"), "com.puppycrawl.tools.checkstyle.Main",
                "-c", project.resolve("config/checkstyle.xml").toString(), folder.toString()));
    }

    private static void runPmdCli(Path project, Path folder) throws IOException, InterruptedException {
        run(List.of(java(), "-cp", System.getProperty("java.class.path"), "net.sourceforge.pmd.cli.PmdCli", "check",
                "-d", folder.toString(), "-R", project.resolve("config/pmd-ruleset.xml").toString(), "-f", "text",
                "--no-cache", "--no-progress", "--use-version", "java-21"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        int code = process.waitFor();
        // Both tools exit non-zero when they find something; only a crash (no output at all) is a failure.
        if (code != 0 && output.length == 0) {
            throw new IllegalStateException(command.get(3) + " exited " + code + " with no output");
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static List<SourceFile> sample(Path sources) throws IOException {
        try (Stream<Path> walk = Files.walk(sources)) {
            List<Path> javaFiles = walk.filter(p -> p.toString().endsWith(".java"))
                    .sorted(Comparator.comparingLong(LintBenchmark::size).reversed())
                    .limit(FILES)
                    .toList();
            List<SourceFile> files = new ArrayList<>();
            for (Path file : javaFiles) {
                files.add(new SourceFile(sources.relativize(file).toString(), Files.readString(file)));
            }
            return files;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Each file with a different trailing comment, so that nothing comes from the cache. */
    private static List<SourceFile> edit(List<SourceFile> files, int round) {
        return files.stream().map(f -> new SourceFile(f.path(), f.content() + "\n// round " + round + "\n")).toList();
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
