package dev.prharness.diff;

import java.util.List;
import java.util.Optional;

/** One {@code @@ -a,b +c,d @@} block of a file's diff with its lines in order. */
public record Hunk(int oldStart, int oldCount, int newStart, int newCount, String section, List<DiffLine> lines) {

    public Hunk {
        lines = List.copyOf(lines);
    }

    /** The hunk line that carries {@code line} on {@code side}, if any. */
    public Optional<DiffLine> lineAt(int line, Side side) {
        if (line <= 0) {
            return Optional.empty();
        }
        for (DiffLine diffLine : lines) {
            if (diffLine.lineOn(side) == line) {
                return Optional.of(diffLine);
            }
        }
        return Optional.empty();
    }

    public boolean contains(int line, Side side) {
        return lineAt(line, side).isPresent();
    }

    /** The header as git prints it, e.g. {@code @@ -3,7 +3,9 @@ class A}. */
    public String header() {
        String head = "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@";
        return section.isEmpty() ? head : head + " " + section;
    }
}
