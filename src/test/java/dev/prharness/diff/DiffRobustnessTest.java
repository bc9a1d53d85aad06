package dev.prharness.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.testing.TestRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One bad file never ends a review: broken hunks are that file's problem, and nothing lands outside a hunk. */
class DiffRobustnessTest {

    @TempDir
    Path dir;

    private final UnifiedDiffParser parser = new UnifiedDiffParser();

    private static final String GOOD = """
            diff --git a/src/B.java b/src/B.java
            index 1111111..2222222 100644
            --- a/src/B.java
            +++ b/src/B.java
            @@ -1,2 +1,3 @@
             class B {
            +    int b;
             }
            """;

    private FileDiff only(List<FileDiff> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError(files.toString()));
    }

    @Test
    void impossibleNumbersMakeOnlyThatFileUnreadable() {
        String diff = """
                diff --git a/src/A.java b/src/A.java
                index 1111111..2222222 100644
                --- a/src/A.java
                +++ b/src/A.java
                @@ -5,14 +99999999999999,34 @@
                 x
                """ + GOOD;

        List<FileDiff> files = parser.parse(diff);

        assertTrue(only(files, "src/A.java").unreadable().contains("impossible line number"), files.toString());
        assertNull(only(files, "src/B.java").unreadable());
        assertEquals(1, only(files, "src/B.java").hunks().size());
    }

    @Test
    void aHunkShorterOrLongerThanItsHeaderMakesOnlyThatFileUnreadable() {
        String shorter = """
                diff --git a/src/A.java b/src/A.java
                --- a/src/A.java
                +++ b/src/A.java
                @@ -1,3 +1,4 @@
                 a
                +b
                """ + GOOD;
        String longer = """
                diff --git a/src/A.java b/src/A.java
                --- a/src/A.java
                +++ b/src/A.java
                @@ -1,1 +1,1 @@
                 a
                +b
                +c
                """ + GOOD;

        for (String diff : List.of(shorter, longer)) {
            List<FileDiff> files = parser.parse(diff);
            assertNotNull(only(files, "src/A.java").unreadable(), files.toString());
            assertNull(only(files, "src/B.java").unreadable(), files.toString());
        }
        assertTrue(assertThrowsParse(() -> parser.parseHunks("@@ -1,1 +1,1 @@\n a\n+b\n")).contains("outside any hunk"));
    }

    private static String assertThrowsParse(Runnable run) {
        try {
            run.run();
        } catch (DiffParseException e) {
            return e.getMessage();
        }
        throw new AssertionError("no DiffParseException");
    }

    @Test
    void aQuotedPathWithASpaceAQuoteAndGitsTrailingTabIsReadExactly() throws Exception {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write("src/sp ace\"q/A.java", "class A {}\n");
        String base = repo.commit("base");
        repo.write("src/sp ace\"q/A.java", "class A {\n    int a;\n}\n");
        String head = repo.commit("head");

        List<FileDiff> files = parser.parse(repo.git("diff", base, head));

        assertEquals("src/sp ace\"q/A.java", files.get(0).path());
        assertNull(files.get(0).unreadable());
        String synthetic = "diff --git \"a/src/sp ace\\\"q/A.java\" \"b/src/sp ace\\\"q/A.java\"\n"
                + "--- \"a/src/sp ace\\\"q/A.java\"\t\n+++ \"b/src/sp ace\\\"q/A.java\"\t\n@@ -1 +1 @@\n-x\n+y\n";
        assertEquals("src/sp ace\"q/A.java", parser.parse(synthetic).get(0).path());
    }

    /**
     * Real diffs, mutated (cut short, numbers changed, lines dropped, bytes inserted): the parser throws nothing,
     * and every place the diff accepts a comment on is a line some hunk shows on that side.
     */
    @Test
    void mutatedRealDiffsNeverThrowAndNeverPlaceACommentOutsideAHunk() {
        TestRepo repo = TestRepo.init(dir.resolve("mutations"));
        for (int f = 0; f < 6; f++) {
            StringBuilder text = new StringBuilder();
            for (int l = 0; l < 60; l++) {
                text.append("line ").append(f).append('-').append(l).append('\n');
            }
            repo.write("src/F" + f + ".java", text.toString());
        }
        String base = repo.commit("base");
        Random random = new Random(4242);
        for (int f = 0; f < 6; f++) {
            StringBuilder text = new StringBuilder();
            for (int l = 0; l < 60; l++) {
                text.append(random.nextInt(5) == 0 ? "changed " + l : "line " + f + "-" + l).append('\n');
            }
            repo.write("src/F" + f + ".java", text.toString());
        }
        String real = repo.git("diff", base, repo.commit("head"));

        int unreadable = 0;
        for (int round = 0; round < 400; round++) {
            String mutated = mutate(real, random);
            List<FileDiff> files = parser.parse(mutated);
            Diff diff = new Diff(files);
            for (FileDiff parsed : files) {
                if (parsed.unreadable() != null) {
                    unreadable++;
                    assertTrue(parsed.hunks().isEmpty());
                }
                // A mutated diff may name a path twice; comments are checked against the file the diff resolves.
                FileDiff file = diff.file(parsed.path()).orElseThrow();
                for (int line = -2; line < 80; line++) {
                    for (Side side : Side.values()) {
                        if (diff.check(file.path(), null, line, side).accepted()) {
                            int l = line;
                            assertTrue(file.hunks().stream().flatMap(h -> h.lines().stream())
                                    .anyMatch(d -> (side == Side.RIGHT ? d.newLine() : d.oldLine()) == l && l > 0),
                                    "round " + round + ": " + file.path() + ":" + line + " " + side + " accepted outside a hunk");
                        }
                    }
                }
            }
        }
        assertTrue(unreadable > 0, "some mutations were caught as unreadable files");
    }

    private static String mutate(String diff, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(diff.split("\n", -1)));
        int kind = random.nextInt(4);
        int at = random.nextInt(lines.size());
        switch (kind) {
            case 0 -> {
                return diff.substring(0, random.nextInt(diff.length()));
            }
            case 1 -> {
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith("@@ ") && random.nextBoolean()) {
                        String[] numbers = {"0", "1", "7", "59", "2147483647", "99999999999999", "-3", ""};
                        lines.set(i, lines.get(i).replaceFirst("\\d+", numbers[random.nextInt(numbers.length)]));
                    }
                }
            }
            case 2 -> lines.remove(at);
            default -> {
                String[] junk = {"+", "-", " ", "\\", "@@", "\u0000", "\"", "@@ -1 +1 @@", "diff --git a/x b/y", "\t"};
                lines.add(at, junk[random.nextInt(junk.length)] + (random.nextBoolean() ? "" : "junk"));
            }
        }
        return String.join("\n", lines);
    }
}
