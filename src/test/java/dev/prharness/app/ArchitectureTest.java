package dev.prharness.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The arrows between packages point one way: the review flow knows a code host, not GitHub. */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "prharness");

    @Test
    void onlyTheGitHubAdapterAndTheCompositionRootAndCommandsSpeakGitHub() throws IOException {
        assertEquals(List.of(), importers("dev.prharness.github",
                List.of("pipeline", "commands", "aireview", "action", "server", "store", "codehost", "harness", "review",
                        "diff", "lint", "tools", "change", "model", "config", "safety", "events", "git")));
    }

    @Test
    void theDomainImportsNoFrameworkOfTheEdges() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String edge : List.of("io.javalin", "org.kohsuke.github", "com.openai")) {
            offenders.addAll(importers(edge, List.of("diff", "review", "harness", "pipeline", "codehost", "commands")));
        }
        assertEquals(List.of(), offenders);
    }

    /** Files in {@code packages} that import anything from {@code imported}. */
    private static List<String> importers(String imported, List<String> packages) throws IOException {
        List<String> found = new ArrayList<>();
        for (String pkg : packages) {
            Path folder = SOURCES.resolve(pkg);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("import " + imported + "."))) {
                        found.add(SOURCES.relativize(file) + " imports " + imported);
                    }
                }
            }
        }
        return found;
    }
}
