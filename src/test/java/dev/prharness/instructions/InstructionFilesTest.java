package dev.prharness.instructions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which instruction files apply to which files, and the size bounds with what was cut said. */
class InstructionFilesTest {

    private static InstructionSource source(Map<String, String> files) {
        return new InstructionSource() {
            @Override
            public Map<String, Optional<String>> read(List<String> paths) {
                Map<String, Optional<String>> texts = new LinkedHashMap<>();
                paths.forEach(p -> texts.put(p, Optional.ofNullable(files.get(p))));
                return texts;
            }

            @Override
            public List<String> filesIn(String directory) {
                return files.keySet().stream().filter(p -> p.startsWith(directory + "/")
                        && p.indexOf('/', directory.length() + 1) < 0).sorted().toList();
            }
        };
    }

    @Test
    void theNearestAgentsFileAppliesAndScopedFilesNeedApplyTo() {
        Map<String, String> files = new HashMap<>();
        files.put("AGENTS.md", "root");
        files.put("src/AGENTS.md", "src");
        files.put("src/deep/er/AGENTS.md", "deeper");
        files.put(".github/instructions/none.instructions.md", "no front matter: applies to nothing");
        files.put(".github/instructions/tests.instructions.md", "---\napplyTo: 'src/test/**, **/*Test.java'\n---\ntests");

        TeamInstructions team = InstructionFiles.read(source(files),
                List.of("README.md", "src/Main.java", "src/deep/er/x/Y.java", "src/test/FooTest.java"));

        Map<String, List<String>> applies = new HashMap<>();
        team.files().forEach(f -> applies.put(f.path(), f.appliesTo()));
        assertEquals(List.of("README.md"), applies.get("AGENTS.md"));
        assertEquals(List.of("src/Main.java", "src/test/FooTest.java"), applies.get("src/AGENTS.md"));
        assertEquals(List.of("src/deep/er/x/Y.java"), applies.get("src/deep/er/AGENTS.md"));
        assertEquals(List.of("src/test/FooTest.java"), applies.get(".github/instructions/tests.instructions.md"));
        assertTrue(!applies.containsKey(".github/instructions/none.instructions.md"));
        assertEquals("tests", team.files().stream().filter(f -> f.path().endsWith("tests.instructions.md")).findFirst()
                .orElseThrow().text(), "the front matter is not sent");
    }

    /** Shapes of applyTo seen in public repositories: brace groups holding commas, a leading double star. */
    @Test
    void applyToListsMayHoldBraceGroupsAndADoubleStarMatchesAtTheRootToo() {
        assertEquals(List.of("{README.md,docs/**/*.md}", "src/**"), InstructionFiles.globs("{README.md,docs/**/*.md},src/**"));
        Map<String, String> files = new HashMap<>();
        files.put(".github/instructions/docs.instructions.md", "---\ndescription: \"docs\"\napplyTo: \"{README.md,docs/**/*.md}\"\n---\ndocs");
        files.put(".github/instructions/web.instructions.md", "---\napplyTo: '**/*.{ts,tsx}'\n---\nweb");

        TeamInstructions team = InstructionFiles.read(source(files), List.of("README.md", "docs/guide/start.md", "app.ts",
                "web/src/view.tsx", "src/Main.java"));

        Map<String, List<String>> applies = new HashMap<>();
        team.files().forEach(f -> applies.put(f.path(), f.appliesTo()));
        assertEquals(List.of("README.md", "docs/guide/start.md"), applies.get(".github/instructions/docs.instructions.md"));
        assertEquals(List.of("app.ts", "web/src/view.tsx"), applies.get(".github/instructions/web.instructions.md"));
        assertTrue(dev.prharness.diff.PathGlob.matches("**/docs/*.md", "docs/a.md"), "a leading **/ may match no folder");
        assertTrue(!dev.prharness.diff.PathGlob.matches("**/docs/*.md", "src/docs/x/a.md"));
    }

    @Test
    void aLongFileIsCutAndWhatDoesNotFitIsLeftOutSayingSo() {
        Map<String, String> files = new HashMap<>();
        files.put(".github/copilot-instructions.md", "c".repeat(InstructionFiles.MAX_FILE_CHARS + 500));
        files.put("AGENTS.md", "a".repeat(InstructionFiles.MAX_FILE_CHARS));
        files.put("CLAUDE.md", "claude");

        TeamInstructions team = InstructionFiles.read(source(files), List.of("Main.java"));

        assertEquals(2, team.files().size());
        assertTrue(team.files().stream().mapToInt(f -> f.text().length()).sum() <= InstructionFiles.MAX_TOTAL_CHARS);
        assertTrue(team.notes().contains(".github/copilot-instructions.md cut after 6000 of its 6500 characters"), team.notes().toString());
        assertTrue(team.notes().stream().anyMatch(n -> n.startsWith("left out CLAUDE.md")), team.notes().toString());
        assertTrue(team.prompt().contains("left out CLAUDE.md") && team.used().contains("left out CLAUDE.md"));
    }
}
