package dev.prharness.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The diff of a whole change, and the one place that answers "may a review comment sit here?".
 * GitHub accepts an inline comment only on a line of a hunk (added or context on the RIGHT, removed or
 * context on the LEFT), and a multi-line comment only when both ends are in the same hunk.
 */
public final class Diff {

    private final Map<String, FileDiff> byPath = new LinkedHashMap<>();

    public Diff(List<FileDiff> files) {
        for (FileDiff file : files) {
            byPath.put(file.path(), file);
        }
    }

    public List<FileDiff> files() {
        return List.copyOf(byPath.values());
    }

    public Optional<FileDiff> file(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    public boolean isEmpty() {
        return byPath.isEmpty();
    }

    /** Checks a comment's place against the diff; the answer says why not when it may not sit there. */
    public Placement check(String path, Integer startLine, int line, Side side) {
        FileDiff file = byPath.get(path);
        if (file == null) {
            return Placement.refused(path + " is not one of the files changed in this diff");
        }
        if (file.binary()) {
            return Placement.refused(path + " is a binary file; it has no lines to comment on");
        }
        Optional<Hunk> hunk = file.hunkAt(line, side);
        if (hunk.isEmpty()) {
            return Placement.refused("line " + line + " (" + side + ") of " + path + " is not inside a hunk of the diff; "
                    + "nearest lines that can take a comment: " + nearestLines(file, line, side, 5));
        }
        if (startLine != null && startLine != line) {
            if (startLine > line) {
                return Placement.refused("start_line " + startLine + " is after line " + line);
            }
            if (!hunk.get().contains(startLine, side)) {
                return Placement.refused("start_line " + startLine + " and line " + line + " of " + path
                        + " are not in the same hunk (" + hunk.get().header() + ")");
            }
        }
        return Placement.accepted(hunk.get());
    }

    /** Whether {@code line} on {@code side} is a line of some hunk of {@code path}. */
    public boolean isCommentable(String path, int line, Side side) {
        FileDiff file = byPath.get(path);
        return file != null && !file.binary() && file.hunkAt(line, side).isPresent();
    }

    private static List<Integer> nearestLines(FileDiff file, int line, Side side, int count) {
        List<Integer> candidates = new ArrayList<>();
        for (Hunk hunk : file.hunks()) {
            for (DiffLine diffLine : hunk.lines()) {
                int number = diffLine.lineOn(side);
                if (number > 0) {
                    candidates.add(number);
                }
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt((Integer n) -> Math.abs(n - line)).thenComparingInt(n -> n))
                .limit(count)
                .sorted()
                .toList();
    }

    /** The answer of {@link #check}: accepted with the hunk, or refused with a reason a model or user can act on. */
    public record Placement(boolean accepted, Hunk hunk, String reason) {
        static Placement accepted(Hunk hunk) {
            return new Placement(true, hunk, "");
        }

        static Placement refused(String reason) {
            return new Placement(false, null, reason);
        }
    }
}
