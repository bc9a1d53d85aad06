package dev.prharness.aireview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.diff.FileDiff;
import dev.prharness.diff.UnifiedDiffParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a big change is split into parts for loops that run at the same time. */
class ReviewPartsTest {

    private static FileDiff file(String path, int addedLines) {
        StringBuilder diff = new StringBuilder("diff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/" + path
                + "\n@@ -0,0 +1," + addedLines + " @@\n");
        for (int i = 0; i < addedLines; i++) {
            diff.append("+line ").append(i).append('\n');
        }
        return new UnifiedDiffParser().parse(diff.toString()).get(0);
    }

    @Test
    void aFileAndItsTestStayTogetherAndEveryFileIsInOnePart() {
        List<FileDiff> files = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            files.add(file("src/main/java/a/Service" + i + ".java", 10 + i));
            files.add(file("src/test/java/a/Service" + i + "Test.java", 5));
        }
        List<List<FileDiff>> parts = ReviewParts.split(files, 4);

        assertEquals(4, parts.size());
        assertEquals(20, parts.stream().mapToInt(List::size).sum());
        for (List<FileDiff> part : parts) {
            for (FileDiff f : part) {
                String partner = f.path().contains("/main/") ? f.path().replace("/main/", "/test/").replace(".java", "Test.java")
                        : f.path().replace("/test/", "/main/").replace("Test.java", ".java");
                assertTrue(part.stream().anyMatch(g -> g.path().equals(partner)), f.path() + " without " + partner);
            }
        }
    }

    @Test
    void partsAreAboutTheSameSizeAndNoneIsEmpty() {
        List<FileDiff> files = new ArrayList<>();
        files.add(file("big/Huge.java", 400));
        for (int i = 0; i < 13; i++) {
            files.add(file("small/S" + i + ".java", 20));
        }
        List<List<FileDiff>> parts = ReviewParts.split(files, 4);

        assertEquals(4, parts.size());
        assertTrue(parts.stream().noneMatch(List::isEmpty));
        assertEquals(List.of("big/Huge.java"), parts.get(0).stream().map(FileDiff::path).toList(),
                "the huge file is a part of its own");
    }

    @Test
    void fewFilesMakeFewParts() {
        List<FileDiff> files = List.of(file("a/A.java", 5), file("a/B.java", 5), file("b/C.java", 5));
        assertEquals(1, ReviewParts.split(files, 4).size(), "at least four files a part");
        assertEquals("src/main/java/a/Foo", ReviewParts.unitKey("src/test/java/a/FooTest.java"));
        assertEquals("pkg/handler", ReviewParts.unitKey("pkg/handler_test.go"));
        assertEquals("lib/parser", ReviewParts.unitKey("lib/test_parser.py"));
    }
}
