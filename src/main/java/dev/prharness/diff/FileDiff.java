package dev.prharness.diff;

import java.util.List;
import java.util.Optional;

/**
 * The diff of one file. Paths are repository-relative without the {@code a/} and {@code b/} prefixes;
 * {@code oldPath} is null for an added file, {@code newPath} null for a deleted one.
 */
public record FileDiff(
        String oldPath,
        String newPath,
        ChangeType type,
        boolean binary,
        String oldMode,
        String newMode,
        List<Hunk> hunks) {

    public FileDiff {
        hunks = List.copyOf(hunks);
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
