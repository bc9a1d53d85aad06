package dev.prharness.diff;

import java.util.List;
import java.util.Optional;

/**
 * The diff of one file. Paths are repository-relative without the {@code a/} and {@code b/} prefixes;
 * {@code oldPath} is null for an added file, {@code newPath} null for a deleted one. {@code unreadable} says
 * why the file's diff could not be read (it then has no hunks and is skipped); null when it was read.
 */
public record FileDiff(
        String oldPath,
        String newPath,
        ChangeType type,
        boolean binary,
        String oldMode,
        String newMode,
        List<Hunk> hunks,
        String unreadable) {

    public FileDiff {
        hunks = List.copyOf(hunks);
    }

    public FileDiff(String oldPath, String newPath, ChangeType type, boolean binary, String oldMode, String newMode,
            List<Hunk> hunks) {
        this(oldPath, newPath, type, binary, oldMode, newMode, hunks, null);
    }

    /** A file whose diff could not be read, and why: it is listed as skipped, never commented on. */
    public static FileDiff unreadable(String oldPath, String newPath, ChangeType type, String why) {
        return new FileDiff(oldPath, newPath, type, false, null, null, List.of(), why);
    }

    /** The path a reviewer knows the file by: the new path, or the old one for a deleted file. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }

    /** The hunk that holds {@code line} on {@code side}. */
    public Optional<Hunk> hunkAt(int line, Side side) {
        return hunks.stream().filter(h -> h.contains(line, side)).findFirst();
    }

    public Optional<DiffLine> lineAt(int line, Side side) {
        for (Hunk hunk : hunks) {
            Optional<DiffLine> found = hunk.lineAt(line, side);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public int additions() {
        return (int) hunks.stream().flatMap(h -> h.lines().stream()).filter(l -> l.kind() == LineKind.ADDED).count();
    }

    public int deletions() {
        return (int) hunks.stream().flatMap(h -> h.lines().stream()).filter(l -> l.kind() == LineKind.REMOVED).count();
    }
}
