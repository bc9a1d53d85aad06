package dev.prharness.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.diff.Diff;
import dev.prharness.diff.FilterMode;
import dev.prharness.diff.Side;
import dev.prharness.diff.UnifiedDiffParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingPlacerTest {

    private static final String GIT_DIFF = """
            diff --git a/A.java b/A.java
            index 1111111..2222222 100644
            --- a/A.java
            +++ b/A.java
            @@ -1,3 +1,6 @@
             class A {
            +    int added;
            +    String s = null;
                 int kept;
             }
            +// end
            """;

    private final Diff diff = new Diff(new UnifiedDiffParser().parse(GIT_DIFF));

    @Test
    void aLinterAndTheModelSayingTheSameOnOneLineMakeOneCommentTheMoreSevere() {
        List<Finding> findings = List.of(
                Finding.of("A.java", 2, Severity.WARNING, "pmd", "UnusedPrivateField", "Avoid unused private fields such as 'added'."),
                Finding.of("A.java", 2, Severity.ERROR, "model", null, "Unused private field 'added': avoid unused fields."),
                Finding.of("A.java", 3, Severity.INFO, "model", null, "Prefer Optional over null here."));
        FindingPlacer.Placed placed = new FindingPlacer(diff, FilterMode.ADDED, Severity.INFO).place(findings);
        assertEquals(2, placed.comments().size());
        assertEquals("model", placed.comments().get(0).source());
        assertEquals(Severity.ERROR, placed.comments().get(0).severity());
    }

    @Test
    void aShortCommentSayingWhatALongerOneSaysIsTheSameComment() {
        Finding pmd = Finding.of("A.java", 3, Severity.ERROR, "pmd", "UseEqualsToCompareStrings",
                "Use equals() to compare strings instead of '==' or '!='");
        Finding model = Finding.of("A.java", 3, Severity.ERROR, "model", null, "Compare strings with equals().");
        Finding other = Finding.of("A.java", 3, Severity.WARNING, "model", null, "This null check is inverted.");
        assertTrue(FindingPlacer.saysTheSame(pmd, model));
        assertFalse(FindingPlacer.saysTheSame(pmd, other));
    }

    @Test
    void findingsBelowTheMinimumSeverityAreLeftOut() {
        List<Finding> findings = List.of(Finding.of("A.java", 3, Severity.INFO, "pmd", "X", "x"));
        assertEquals(0, new FindingPlacer(diff, FilterMode.ADDED, Severity.WARNING).place(findings).comments().size());
    }

    @Test
    void findingsOutsideTheDiffBecomeNotesOnlyInFileMode() {
        List<Finding> findings = List.of(Finding.of("A.java", 4, Severity.WARNING, "pmd", "X", "context line"));
        assertEquals(0, new FindingPlacer(diff, FilterMode.ADDED, Severity.INFO).place(findings).notes().size());
        FindingPlacer.Placed file = new FindingPlacer(diff, FilterMode.FILE, Severity.INFO)
                .place(List.of(Finding.of("A.java", 40, Severity.WARNING, "pmd", "X", "far away")));
        assertEquals(1, file.notes().size());
        assertEquals(0, file.comments().size());
    }

    @Test
    void aSuggestionForARangeThatHadToShrinkIsDropped() {
        Finding range = new Finding("A.java", 1, 2, Side.RIGHT, Severity.WARNING, "model", null, "rewrite", "class A {\n    int x;\n");
        ReviewComment ok = new FindingPlacer(diff, FilterMode.DIFF_CONTEXT, Severity.INFO).place(List.of(range)).comments().get(0);
        assertEquals(1, ok.startLine());
        assertEquals("class A {\n    int x;\n", ok.suggestion());
        Finding crossing = new Finding("A.java", 1, 2, Side.RIGHT, Severity.WARNING, "model", null, "rewrite", "x");
        ReviewComment shrunk = new FindingPlacer(diff, FilterMode.ADDED, Severity.INFO).place(List.of(crossing)).comments().get(0);
        assertEquals(1, shrunk.startLine(), "context line 1 and added line 2 share a hunk, so the range stays");
    }

    @Test
    void fingerprintsIgnoreLineNumbersButNotTheCode() {
        String a = Fingerprint.of("A.java", "pmd", "EmptyCatchBlock", "Avoid empty catch blocks at line 12", "} catch (E e) {");
        String moved = Fingerprint.of("A.java", "pmd", "EmptyCatchBlock", "Avoid empty catch blocks at line 40", "  } catch (E e) {");
        String otherCode = Fingerprint.of("A.java", "pmd", "EmptyCatchBlock", "Avoid empty catch blocks at line 12", "} catch (X e) {");
        assertEquals(a, moved);
        assertNotEquals(a, otherCode);
        assertEquals(16, a.length());
    }

    @Test
    void aCommentCarriesTheFingerprintOfItsCodeLine() {
        ReviewComment c = new FindingPlacer(diff, FilterMode.ADDED, Severity.INFO)
                .place(List.of(Finding.of("A.java", 3, Severity.INFO, "pmd", "R", "m"))).comments().get(0);
        assertEquals(Fingerprint.of("A.java", "pmd", "R", "m", "    String s = null;"), c.fingerprint());
        assertNull(c.startLine());
    }
}
