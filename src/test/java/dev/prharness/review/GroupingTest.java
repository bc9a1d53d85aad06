package dev.prharness.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.diff.Diff;
import dev.prharness.diff.FilterMode;
import dev.prharness.diff.UnifiedDiffParser;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One comment per problem: equivalent rules of two linters merge, identical findings in a file group. */
class GroupingTest {

    private static Diff addedFile(int lines) {
        StringBuilder diff = new StringBuilder("diff --git a/A.java b/A.java\nnew file mode 100644\n--- /dev/null\n+++ b/A.java\n")
                .append("@@ -0,0 +1,").append(lines).append(" @@\n");
        for (int i = 1; i <= lines; i++) {
            diff.append(i % 10 == 0 ? "+        } catch (Exception e) {\n" : "+        line" + i + "();\n");
        }
        return new Diff(new UnifiedDiffParser().parse(diff.toString()));
    }

    private static Finding emptyCatch(int line) {
        return Finding.of("A.java", line, Severity.WARNING, "pmd", "EmptyCatchBlock", "Avoid empty catch blocks");
    }

    @Test
    void identicalFindingsOfOneRuleInOneFileAreOneCommentWithTheirOwnFingerprints() {
        Diff diff = addedFile(40);
        List<ReviewComment> comments = new FindingPlacer(diff, FilterMode.ADDED, Severity.INFO)
                .place(List.of(emptyCatch(30), emptyCatch(10), emptyCatch(20))).comments();

        assertEquals(1, comments.size(), comments.toString());
        ReviewComment one = comments.get(0);
        assertEquals(10, one.line());
        assertEquals(List.of(20, 30), one.alsoLines());
        Set<String> fingerprints = new HashSet<>(one.fingerprints());
        assertEquals(3, fingerprints.size(), "each place has its own fingerprint");
        String body = CommentMarkdown.body(one);
        assertTrue(body.contains("Also on lines 20, 30 (the same code)."), body);
        assertEquals(fingerprints, ReviewPlanner.fingerprintsIn(List.of(body)), "the body carries every place's marker");
    }

    @Test
    void oneMoreIdenticalLineInALaterPushIsANewCommentOnThatLineOnly() {
        Diff diff = addedFile(40);
        FindingPlacer placer = new FindingPlacer(diff, FilterMode.ADDED, Severity.INFO);
        ReviewComment before = placer.place(List.of(emptyCatch(10), emptyCatch(20))).comments().get(0);
        ReviewComment after = placer.place(List.of(emptyCatch(10), emptyCatch(20), emptyCatch(30))).comments().get(0);

        ReviewComment left = after.without(new HashSet<>(before.fingerprints())).orElseThrow();

        assertEquals(30, left.line());
        assertEquals(List.of(), left.alsoLines());
        assertTrue(before.without(new HashSet<>(after.fingerprints())).isEmpty(), "nothing new: nothing to post");
    }

    @Test
    void twoLintersFlaggingTheSameProblemGiveOneCommentNamingBoth() {
        Diff diff = addedFile(5);
        List<ReviewComment> comments = new FindingPlacer(diff, FilterMode.ADDED, Severity.INFO).place(List.of(
                Finding.of("A.java", 3, Severity.ERROR, "checkstyle", "StringLiteralEquality", "Literal Strings should be compared using equals(), not '=='."),
                Finding.of("A.java", 3, Severity.ERROR, "pmd", "UseEqualsToCompareStrings", "Use equals() to compare strings instead of '=='")))
                .comments();

        assertEquals(1, comments.size(), comments.toString());
        assertEquals("UseEqualsToCompareStrings", comments.get(0).rule());
        assertTrue(comments.get(0).message().contains("Also reported by checkstyle StringLiteralEquality"), comments.get(0).message());
    }

    /** Found on real history: Checkstyle places it on {@code @Override}, PMD on {@code equals}, a line below. */
    @Test
    void oneMissingHashCodeIsOneCommentThoughTheLintersPlaceItOnDifferentLinesOfTheDeclaration() {
        Diff diff = addedFile(30);
        List<ReviewComment> comments = new FindingPlacer(diff, FilterMode.ADDED, Severity.INFO).place(List.of(
                Finding.of("A.java", 6, Severity.ERROR, "checkstyle", "EqualsHashCode", "Definition of 'equals()' without corresponding definition of 'hashCode()'."),
                Finding.of("A.java", 7, Severity.ERROR, "pmd", "OverrideBothEqualsAndHashcode", "Ensure you override both equals() and hashCode()"),
                Finding.of("A.java", 26, Severity.ERROR, "checkstyle", "EqualsHashCode", "Definition of 'equals()' without corresponding definition of 'hashCode()'.")))
                .comments();

        assertEquals(2, comments.size(), "a second class's equals, far below, stays its own comment: " + comments);
        assertEquals(7, comments.get(0).line());
        assertTrue(comments.get(0).message().contains("Also reported by checkstyle EqualsHashCode"), comments.get(0).message());
        assertEquals(26, comments.get(1).line());
    }
}
