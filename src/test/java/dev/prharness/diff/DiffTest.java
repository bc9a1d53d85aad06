package dev.prharness.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiffTest {

    /** Old lines 1-6; the change replaces line 3 with two lines and removes line 5. */
    static Diff sample() {
        String patch = """
                @@ -1,6 +1,6 @@
                 one
                 two
                -three
                +THREE
                +three and a half
                 four
                -five
                 six
                @@ -20,3 +20,4 @@
                 twenty
                +twenty-one new
                 twenty-one
                 twenty-two
                """;
        Hunk[] hunks = new UnifiedDiffParser().parseHunks(patch).toArray(Hunk[]::new);
        return new Diff(List.of(new FileDiff("A.java", "A.java", ChangeType.MODIFIED, false, null, null, List.of(hunks))));
    }

    @Test
    void addedAndContextLinesTakeCommentsOnTheRightRemovedAndContextOnTheLeft() {
        Diff diff = sample();
        assertTrue(diff.isCommentable("A.java", 3, Side.RIGHT), "added");
        assertTrue(diff.isCommentable("A.java", 1, Side.RIGHT), "context");
        assertTrue(diff.isCommentable("A.java", 3, Side.LEFT), "removed");
        assertTrue(diff.isCommentable("A.java", 5, Side.LEFT), "removed");
        assertFalse(diff.isCommentable("A.java", 10, Side.RIGHT), "between hunks");
        assertFalse(diff.isCommentable("B.java", 1, Side.RIGHT), "not in the diff");
    }

    @Test
    void aLineOutsideTheHunksIsRefusedWithTheNearestLinesThatWork() {
        Diff.Placement placement = sample().check("A.java", null, 12, Side.RIGHT);
        assertFalse(placement.accepted());
        assertTrue(placement.reason().contains("not inside a hunk"), placement.reason());
        assertTrue(placement.reason().contains("[3, 4, 5, 6, 20]"), placement.reason());
    }

    @Test
    void aRangeMustStayInOneHunkAndRunForwards() {
        Diff diff = sample();
        assertTrue(diff.check("A.java", 2, 4, Side.RIGHT).accepted());
        assertFalse(diff.check("A.java", 4, 21, Side.RIGHT).accepted(), "spans two hunks");
        assertFalse(diff.check("A.java", 4, 2, Side.RIGHT).accepted(), "backwards");
        assertEquals("@@ -1,6 +1,6 @@", diff.check("A.java", 2, 4, Side.RIGHT).hunk().header());
    }
}
