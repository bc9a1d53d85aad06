package dev.prharness.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.git.GitRepository;
import dev.prharness.testing.TestRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffParserTest {

    private final UnifiedDiffParser parser = new UnifiedDiffParser();

    @TempDir
    Path dir;

    @Test
    void aChangeWithEveryKindOfFileIsParsedAsGitPrintsIt() {
        TestRepo repo = TestRepo.init(dir);
        repo.write("src/Keep.java", lines(1, 30))
                .write("src/Old Name.java", lines(1, 20))
                .write("gone.txt", "bye\n")
                .writeBytes("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3})
                .write("no-newline.txt", "a\nb")
                .write("crlf.txt", "one\r\ntwo\r\nthree\r\n")
                .write("script.sh", "echo hi\n");
        String base = repo.commit("base");
        repo.write("src/Keep.java", lines(1, 30).replace("line 10\n", "line 10 changed\n").replace("line 25\n", ""))
                .move("src/Old Name.java", "src/dir with space/New Name.java")
                .delete("gone.txt")
                .writeBytes("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 9, 9})
                .write("no-newline.txt", "a\nb\nc")
                .write("crlf.txt", "one\r\nTWO\r\nthree\r\n")
                .write("añadido.txt", "nuevo\n")
                .write("tab\there.txt", "tab\n");
        repo.makeExecutable("script.sh");
        String head = repo.commit("head");

        Diff diff = new Diff(parser.parse(GitRepository.open(dir).diff(base, head)));
        Map<String, FileDiff> files = diff.files().stream().collect(Collectors.toMap(FileDiff::path, Function.identity()));

        FileDiff keep = files.get("src/Keep.java");
        assertEquals(ChangeType.MODIFIED, keep.type());
        assertEquals(2, keep.hunks().size(), "two separate edits make two hunks");
        assertEquals("line 10 changed", keep.lineAt(10, Side.RIGHT).orElseThrow().text());
        assertEquals(LineKind.ADDED, keep.lineAt(10, Side.RIGHT).orElseThrow().kind());
        assertEquals(LineKind.REMOVED, keep.lineAt(25, Side.LEFT).orElseThrow().kind());
        assertEquals("line 26", keep.lineAt(25, Side.RIGHT).orElseThrow().text(), "lines after a deletion shift up");

        FileDiff renamed = files.get("src/dir with space/New Name.java");
        assertEquals(ChangeType.RENAMED, renamed.type());
        assertEquals("src/Old Name.java", renamed.oldPath());
        assertTrue(renamed.hunks().isEmpty(), "a pure rename has no hunks");

        FileDiff gone = files.get("gone.txt");
        assertEquals(ChangeType.DELETED, gone.type());
        assertNull(gone.newPath());
        assertEquals(1, gone.deletions());

        assertTrue(files.get("logo.png").binary());
        assertTrue(files.get("logo.png").hunks().isEmpty());

        FileDiff noNewline = files.get("no-newline.txt");
        assertEquals("c", noNewline.lineAt(3, Side.RIGHT).orElseThrow().text());
        assertEquals(LineKind.ADDED, noNewline.lineAt(2, Side.RIGHT).orElseThrow().kind(),
                "b gained a newline, so git shows it removed and added again");

        FileDiff crlf = files.get("crlf.txt");
        assertEquals("TWO", crlf.lineAt(2, Side.RIGHT).orElseThrow().text(), "the CR belongs to the line ending");

        assertEquals(ChangeType.ADDED, files.get("añadido.txt").type());
        assertNull(files.get("añadido.txt").oldPath());
        assertTrue(files.containsKey("tab\there.txt"), "C-quoted paths are unquoted: " + files.keySet());

        FileDiff script = files.get("script.sh");
        assertEquals("100644", script.oldMode());
        assertEquals("100755", script.newMode());
        assertTrue(script.hunks().isEmpty());
    }

    @Test
    void gitHubPatchStringsParseToTheSameHunksAsGitDiff() {
        String patch = "@@ -1,3 +1,4 @@ class A\n a\n-b\n+B\n+C\n c\n@@ -10 +11 @@\n-x\n+y\n\\ No newline at end of file";
        List<Hunk> hunks = parser.parseHunks(patch);
        assertEquals(2, hunks.size());
        assertEquals("class A", hunks.get(0).section());
        assertEquals(List.of(1, 2, 3, 4), hunks.get(0).lines().stream().map(DiffLine::newLine).filter(n -> n > 0).toList());
        assertEquals(1, hunks.get(1).oldCount(), "a count left out means 1");
        assertEquals("y", hunks.get(1).lineAt(11, Side.RIGHT).orElseThrow().text());
    }

    @Test
    void aTruncatedDiffIsAnErrorNotASilentlyShortHunk() {
        DiffParseException e = assertThrows(DiffParseException.class, () -> parser.parseHunks("@@ -1,3 +1,3 @@\n a\n"));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void quotedPathsUndoGitsEscapes() {
        assertEquals("sp\"ace\\d\tñ", UnifiedDiffParser.unquote("\"sp\\\"ace\\\\d\\t\\303\\261\""));
        assertEquals("plain", UnifiedDiffParser.unquote("plain"));
    }

    /**
     * A property over random edits: applying the parsed hunks to the old file gives the new file, and every
     * added or context line sits at its real line number in the new file.
     */
    @Test
    void randomEditsRoundTripThroughRealGitDiff() {
        TestRepo repo = TestRepo.init(dir);
        GitRepository git = GitRepository.open(dir);
        Random random = new Random(20261129);
        for (int round = 0; round < 25; round++) {
            List<String> oldLines = new ArrayList<>();
            int size = 1 + random.nextInt(60);
            for (int i = 0; i < size; i++) {
                oldLines.add("v" + round + " line " + i + (random.nextInt(5) == 0 ? " " : ""));
            }
            List<String> newLines = mutate(oldLines, random);
            boolean oldFinalNewline = random.nextBoolean();
            boolean newFinalNewline = random.nextBoolean();
            repo.write("f.txt", join(oldLines, oldFinalNewline));
            String base = repo.commit("old " + round);
            repo.write("f.txt", join(newLines, newFinalNewline));
            String head = repo.commit("new " + round);

            List<FileDiff> files = parser.parse(git.diff(base, head));
            if (oldLines.equals(newLines) && oldFinalNewline == newFinalNewline) {
                assertTrue(files.isEmpty());
                continue;
            }
            FileDiff file = files.get(0);
            assertEquals(newLines, apply(oldLines, file.hunks()), "round " + round);
            for (Hunk hunk : file.hunks()) {
                for (DiffLine line : hunk.lines()) {
                    if (line.kind() != LineKind.REMOVED) {
                        assertEquals(newLines.get(line.newLine() - 1), line.text(), "round " + round);
                    }
                    if (line.kind() != LineKind.ADDED) {
                        assertEquals(oldLines.get(line.oldLine() - 1), line.text(), "round " + round);
                    }
                }
            }
        }
    }

    private static List<String> mutate(List<String> lines, Random random) {
        List<String> result = new ArrayList<>(lines);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(result.size() + 1);
            switch (random.nextInt(3)) {
                case 0 -> result.add(at, "inserted " + e + " " + random.nextInt(1000));
                case 1 -> {
                    if (!result.isEmpty() && at < result.size()) {
                        result.remove(at);
                    }
                }
                default -> {
                    if (at < result.size()) {
                        result.set(at, result.get(at) + " changed");
                    }
                }
            }
        }
        if (result.isEmpty()) {
            result.add("only line");
        }
        return result;
    }

    private static List<String> apply(List<String> old, List<Hunk> hunks) {
        List<String> out = new ArrayList<>();
        int next = 1;
        for (Hunk hunk : hunks) {
            int firstOld = hunk.lines().stream().filter(l -> l.oldLine() > 0).mapToInt(DiffLine::oldLine).min()
                    .orElse(hunk.oldStart() + 1);
            while (next < firstOld) {
                out.add(old.get(next - 1));
                next++;
            }
            for (DiffLine line : hunk.lines()) {
                if (line.kind() != LineKind.ADDED) {
                    next = line.oldLine() + 1;
                }
                if (line.kind() != LineKind.REMOVED) {
                    out.add(line.text());
                }
            }
        }
        while (next <= old.size()) {
            out.add(old.get(next - 1));
            next++;
        }
        return out;
    }

    private static String join(List<String> lines, boolean finalNewline) {
        return String.join("\n", lines) + (finalNewline ? "\n" : "");
    }

    static String lines(int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i <= to; i++) {
            out.append("line ").append(i).append('\n');
        }
        return out.toString();
    }

    @Test
    void anEmptyDiffHasNoFiles() {
        assertFalse(parser.parse("").iterator().hasNext());
    }
}
