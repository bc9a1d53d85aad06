package dev.prharness.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.prharness.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files read in one {@code git cat-file --batch} are byte for byte what one read per file gives. */
class BatchReadTest {

    @TempDir
    Path dir;

    @Test
    void manyFilesInOneProcessAreWhatOneByOneGives() {
        TestRepo repo = TestRepo.init(dir);
        String big = "x".repeat(200_000) + "\n";
        repo.write("src/A.java", "class A {}\n")
                .write("docs/with space.md", "spaced\n")
                .write("big.txt", big)
                .write("empty.txt", "")
                .write("no-newline.txt", "last line");
        String sha = repo.commit("files");
        GitRepository git = GitRepository.open(dir);
        List<String> paths = List.of("src/A.java", "docs/with space.md", "big.txt", "missing.txt", "src", "empty.txt",
                "docs/missing with spaces.md", "no-newline.txt");

        Map<String, Optional<byte[]>> batch = git.filesAt(sha, paths);

        assertEquals(paths, List.copyOf(batch.keySet()));
        for (String path : paths) {
            Optional<byte[]> single = git.fileAt(sha, path);
            if (path.equals("src")) {
                assertFalse(batch.get(path).isPresent(), "a folder is not a file");
                continue;
            }
            assertEquals(single.isPresent(), batch.get(path).isPresent(), path);
            single.ifPresent(bytes -> assertArrayEquals(bytes, batch.get(path).orElseThrow(), path));
        }
        assertEquals(big, new String(batch.get("big.txt").orElseThrow(), StandardCharsets.UTF_8));
        assertFalse(batch.get("missing.txt").isPresent());
    }

    @Test
    void filesInAFolderAtACommitAreListedWithTheirPaths() {
        TestRepo repo = TestRepo.init(dir);
        repo.write(".github/instructions/java.instructions.md", "java\n")
                .write(".github/instructions/nested/deep.md", "deep\n")
                .write(".github/other.md", "other\n");
        String first = repo.commit("instructions");
        repo.write(".github/instructions/later.instructions.md", "later\n");
        repo.commit("later");
        GitRepository git = GitRepository.open(dir);

        assertEquals(List.of(".github/instructions/java.instructions.md"), git.filesIn(first, ".github/instructions"),
                "the files the folder held at that commit, not its sub-folders");
        assertEquals(List.of(), git.filesIn(first, "no/such/folder"));
    }
}
