package dev.prharness.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prharness.review.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project lints itself: every file of {@code src/main} through the real Checkstyle and PMD with the rules
 * of {@code config/}, during {@code mvn verify}. A finding fails the build with its place and rule.
 */
class SelfLintTest {

    @Test
    void theProductionCodeIsCleanUnderItsOwnDefaultRules() throws IOException {
        LintRules rules = new LintRules("config/checkstyle.xml", Files.readString(Path.of("config", "checkstyle.xml")),
                "config/pmd-ruleset.xml", Files.readString(Path.of("config", "pmd-ruleset.xml")));
        List<SourceFile> sources;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().map(SelfLintTest::read).toList();
        }

        LintResult result = new LintEngine().lint(sources, rules);

        assertEquals(sources.size(), result.filesLinted());
        assertEquals(List.of(), result.failures());
        assertEquals(List.of(), result.findings().stream().map(SelfLintTest::describe).toList());
    }

    private static SourceFile read(Path file) {
        try {
            return new SourceFile(file.toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String describe(Finding f) {
        return f.path() + ":" + f.line() + " " + f.source() + " " + f.rule() + ": " + f.message();
    }
}
