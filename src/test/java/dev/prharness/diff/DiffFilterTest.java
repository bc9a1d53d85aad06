package dev.prharness.diff;

import static dev.prharness.diff.DiffFilter.Decision.DROP;
import static dev.prharness.diff.DiffFilter.Decision.FILE_NOTE;
import static dev.prharness.diff.DiffFilter.Decision.INLINE;
import static dev.prharness.diff.DiffFilter.Decision.INLINE_RANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiffFilterTest {

    private final Diff diff = DiffTest.sample();

    @Test
    void addedKeepsOnlyFindingsOnAddedLines() {
        DiffFilter filter = new DiffFilter(diff, FilterMode.ADDED);
        assertEquals(INLINE, filter.place("A.java", 0, 3));
        assertEquals(DROP, filter.place("A.java", 0, 1), "context line");
        assertEquals(DROP, filter.place("A.java", 0, 12), "outside the hunks");
        assertEquals(DROP, filter.place("Other.java", 0, 1), "file not in the diff");
    }

    @Test
    void diffContextKeepsAnyHunkLine() {
        DiffFilter filter = new DiffFilter(diff, FilterMode.DIFF_CONTEXT);
        assertEquals(INLINE, filter.place("A.java", 0, 1));
        assertEquals(DROP, filter.place("A.java", 0, 12));
    }

    @Test
    void fileKeepsTheRestOfAChangedFileAsNotes() {
        DiffFilter filter = new DiffFilter(diff, FilterMode.FILE);
        assertEquals(INLINE, filter.place("A.java", 0, 21));
        assertEquals(FILE_NOTE, filter.place("A.java", 0, 12));
        assertEquals(DROP, filter.place("Other.java", 0, 1));
    }

    @Test
    void nofilterKeepsEvenUnchangedFiles() {
        DiffFilter filter = new DiffFilter(diff, FilterMode.NOFILTER);
        assertEquals(FILE_NOTE, filter.place("Other.java", 0, 1));
        assertEquals(INLINE, filter.place("A.java", 0, 3));
    }

    @Test
    void aRangeInOneHunkStaysARangeAndOneAcrossHunksShrinksToItsLastLine() {
        DiffFilter filter = new DiffFilter(diff, FilterMode.ADDED);
        assertEquals(INLINE_RANGE, filter.place("A.java", 2, 4));
        assertEquals(INLINE, filter.place("A.java", 5, 21));
    }

    @Test
    void filterModesParseFromConfigSpelling() {
        assertEquals(FilterMode.DIFF_CONTEXT, FilterMode.parse("diff_context"));
        assertEquals("nofilter", FilterMode.NOFILTER.configName());
    }
}
