package dev.prharness.review;

import dev.prharness.diff.Diff;
import dev.prharness.diff.DiffLine;
import dev.prharness.diff.DiffFilter;
import dev.prharness.diff.FilterMode;
import dev.prharness.diff.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns findings into what a review shows: inline comments on lines of the diff and notes about changed
 * files, under a filter mode and a minimum severity. Two findings on the same line that say the same thing
 * (same rule, or nearly the same words, e.g. a linter and the model) become one comment, the more severe.
 */
public final class FindingPlacer {

    private static final double SAME_WORDS = 0.6;
    private static final int MIN_WORDS = 3;

    private final Diff diff;
    private final DiffFilter filter;
    private final Severity minimum;

    public FindingPlacer(Diff diff, FilterMode mode, Severity minimum) {
        this.diff = diff;
        this.filter = new DiffFilter(diff, mode);
        this.minimum = minimum;
    }

    public Placed place(List<Finding> findings) {
        List<Finding> ordered = findings.stream()
                .filter(f -> f.severity().atLeast(minimum))
                .sorted(Comparator.comparing(Finding::severity).reversed()
                        .thenComparing(f -> "model".equals(f.source()) ? 1 : 0))
                .toList();
        List<ReviewComment> comments = new ArrayList<>();
        List<FileNote> notes = new ArrayList<>();
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : ordered) {
            if (kept.stream().anyMatch(k -> saysTheSame(k, finding))) {
                continue;
            }
            int start = finding.startLine() == null ? 0 : finding.startLine();
            if (finding.side() == Side.LEFT) {
                // A comment on removed lines: only where the old side of the diff shows them.
                if (diff.check(finding.path(), finding.startLine(), finding.line(), Side.LEFT).accepted()) {
                    comments.add(comment(finding, finding.startLine()));
                    kept.add(finding);
                }
                continue;
            }
            switch (filter.place(finding.path(), start, finding.line())) {
                case INLINE -> comments.add(comment(finding, null));
                case INLINE_RANGE -> comments.add(comment(finding, finding.startLine()));
                case FILE_NOTE -> notes.add(new FileNote(finding.path(), finding.line(), finding.severity(),
                        finding.source(), finding.rule(), finding.message()));
                case DROP -> {
                    continue;
                }
            }
            kept.add(finding);
        }
        comments.sort(Comparator.comparing(ReviewComment::path).thenComparingInt(ReviewComment::line));
        notes.sort(Comparator.comparing(FileNote::path).thenComparingInt(FileNote::line));
        return new Placed(comments, notes);
    }

    private ReviewComment comment(Finding finding, Integer startLine) {
        String codeLine = diff.file(finding.path())
                .flatMap(f -> f.lineAt(finding.line(), finding.side()))
                .map(DiffLine::text)
                .orElse("");
        // A suggestion replaces exactly the commented lines; one written for a range we had to shrink is dropped.
        String suggestion = startLine == null && finding.startLine() != null && !finding.startLine().equals(finding.line())
                ? null
                : finding.suggestion();
        return new ReviewComment(finding.path(), finding.line(), startLine, finding.side(), finding.severity(),
                finding.source(), finding.rule(), finding.message(), suggestion,
                Fingerprint.of(finding.path(), finding.source(), finding.rule(), finding.message(), codeLine));
    }

    static boolean saysTheSame(Finding a, Finding b) {
        if (!a.path().equals(b.path()) || a.line() != b.line()) {
            return false;
        }
        if (a.rule() != null && a.rule().equals(b.rule())) {
            return true;
        }
        Set<String> wordsA = words(a.message());
        Set<String> wordsB = words(b.message());
        int smaller = Math.min(wordsA.size(), wordsB.size());
        if (smaller < MIN_WORDS) {
            return false;
        }
        Set<String> common = new HashSet<>(wordsA);
        common.retainAll(wordsB);
        // Overlap, not Jaccard: a short comment that says what a longer one says is the same comment.
        return (double) common.size() / smaller >= SAME_WORDS;
    }

    private static Set<String> words(String message) {
        return Arrays.stream(message.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(w -> w.length() > 2)
                .collect(Collectors.toSet());
    }

    /** Inline comments and file notes, each sorted by path and line. */
    public record Placed(List<ReviewComment> comments, List<FileNote> notes) {}
}
