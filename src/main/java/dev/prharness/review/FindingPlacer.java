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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns findings into what a review shows: inline comments on lines of the diff and notes about changed
 * files, under a filter mode and a minimum severity. Two findings on the same line that say the same thing
 * (same rule, equivalent rules of two linters, or nearly the same words, e.g. a linter and the model) become one
 * comment, the more severe, naming the other linter's rule; the same finding on identical code elsewhere in the
 * file joins that comment as one of its other places.
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
                        .thenComparing(f -> "model".equals(f.source()) ? 1 : 0)
                        // Of two linters saying the same, the one kept is always the same one (PMD's messages say more).
                        .thenComparing(Finding::source, Comparator.reverseOrder()))
                .toList();
        List<ReviewComment> comments = new ArrayList<>();
        List<FileNote> notes = new ArrayList<>();
        List<Finding> kept = new ArrayList<>();
        Map<Finding, Set<String>> alsoReportedBy = new LinkedHashMap<>();
        Map<Finding, Integer> inline = new LinkedHashMap<>();
        for (Finding finding : ordered) {
            Optional<Finding> same = kept.stream().filter(k -> saysTheSame(k, finding)).findFirst();
            if (same.isPresent()) {
                if (!finding.source().equals(same.get().source()) && finding.rule() != null) {
                    alsoReportedBy.computeIfAbsent(same.get(), k -> new LinkedHashSet<>())
                            .add(finding.source() + " " + finding.rule());
                }
                continue;
            }
            int start = finding.startLine() == null ? 0 : finding.startLine();
            if (finding.side() == Side.LEFT) {
                // A comment on removed lines: only where the old side of the diff shows them.
                if (diff.check(finding.path(), finding.startLine(), finding.line(), Side.LEFT).accepted()) {
                    inline.put(finding, finding.startLine());
                    kept.add(finding);
                }
                continue;
            }
            switch (filter.place(finding.path(), start, finding.line())) {
                case INLINE -> inline.put(finding, null);
                case INLINE_RANGE -> inline.put(finding, finding.startLine());
                case FILE_NOTE -> notes.add(new FileNote(finding.path(), finding.line(), finding.severity(),
                        finding.source(), finding.rule(), finding.message()));
                case DROP -> {
                    continue;
                }
            }
            kept.add(finding);
        }
        inline.forEach((finding, startLine) -> comments.add(comment(finding, startLine,
                alsoReportedBy.getOrDefault(finding, Set.of()))));
        List<ReviewComment> grouped = grouped(comments);
        notes.sort(Comparator.comparing(FileNote::path).thenComparingInt(FileNote::line));
        return new Placed(grouped, notes);
    }

    /**
     * One comment per rule per place: the same finding on identical code in one file is one comment on its first
     * line, listing the others. Each place keeps a fingerprint of its own (by its order among the identical ones),
     * so one more identical line in a later push is a new finding, not a repeat.
     */
    private List<ReviewComment> grouped(List<ReviewComment> comments) {
        Map<String, List<ReviewComment>> groups = new LinkedHashMap<>();
        List<ReviewComment> sorted = comments.stream()
                .sorted(Comparator.comparing(ReviewComment::path).thenComparingInt(ReviewComment::line)).toList();
        for (ReviewComment c : sorted) {
            groups.computeIfAbsent(c.startLine() == null ? groupKey(c) : c.fingerprint() + "@" + c.line(),
                    k -> new ArrayList<>()).add(c);
        }
        List<ReviewComment> result = new ArrayList<>();
        for (List<ReviewComment> group : groups.values()) {
            ReviewComment first = group.get(0);
            if (group.size() == 1) {
                result.add(first);
                continue;
            }
            List<Integer> lines = new ArrayList<>();
            List<String> fingerprints = new ArrayList<>();
            for (int i = 1; i < group.size(); i++) {
                lines.add(group.get(i).line());
                fingerprints.add(occurrence(group.get(i), i));
            }
            result.add(new ReviewComment(first.path(), first.line(), first.startLine(), first.side(), first.severity(),
                    first.source(), first.rule(), first.message(), first.suggestion(), first.fingerprint(), lines,
                    fingerprints, first.help()));
        }
        result.sort(Comparator.comparing(ReviewComment::path).thenComparingInt(ReviewComment::line));
        return result;
    }

    private String groupKey(ReviewComment c) {
        return String.join("\u0000", c.path(), c.side().name(), c.source(), c.rule() == null ? "" : c.rule(),
                Fingerprint.normalise(c.message()), Fingerprint.normaliseCode(codeOf(c)));
    }

    /** The fingerprint of the {@code index}-th of identical places (0 is the comment's own). */
    private String occurrence(ReviewComment c, int index) {
        return Fingerprint.of(c.path(), c.source(), c.rule(), c.message(), codeOf(c), index);
    }

    /** The text of the line a comment sits on, as the diff shows it. */
    private String codeOf(ReviewComment c) {
        return diff.file(c.path()).flatMap(f -> f.lineAt(c.line(), c.side())).map(DiffLine::text).orElse("");
    }

    private ReviewComment comment(Finding finding, Integer startLine, Set<String> alsoReportedBy) {
        String codeLine = diff.file(finding.path())
                .flatMap(f -> f.lineAt(finding.line(), finding.side()))
                .map(DiffLine::text)
                .orElse("");
        // A suggestion replaces exactly the commented lines; one written for a range we had to shrink is dropped.
        String suggestion = startLine == null && finding.startLine() != null && !finding.startLine().equals(finding.line())
                ? null
                : finding.suggestion();
        String message = alsoReportedBy.isEmpty() ? finding.message()
                : finding.message() + "\n\n(Also reported by " + String.join(", ", alsoReportedBy) + ".)";
        return new ReviewComment(finding.path(), finding.line(), startLine, finding.side(), finding.severity(),
                finding.source(), finding.rule(), message, suggestion,
                Fingerprint.of(finding.path(), finding.source(), finding.rule(), message, codeLine), List.of(), List.of(),
                finding.help());
    }

    static boolean saysTheSame(Finding a, Finding b) {
        if (a.path().equals(b.path()) && EquivalentRules.sameDeclaration(a.rule(), b.rule())
                && Math.abs(a.line() - b.line()) <= EquivalentRules.DECLARATION_SPAN) {
            return true;
        }
        if (!a.path().equals(b.path()) || a.line() != b.line()) {
            return false;
        }
        if (EquivalentRules.same(a.rule(), b.rule())) {
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
