package dev.prharness.diff;

/**
 * Decides where a finding on the new version of a file goes: an inline comment on the diff, a file-level
 * note, or nowhere. Findings are located by new-file line numbers (what linters and the model report).
 */
public final class DiffFilter {

    private final Diff diff;
    private final FilterMode mode;

    public DiffFilter(Diff diff, FilterMode mode) {
        this.diff = diff;
        this.mode = mode;
    }

    /** Where a finding spanning new-file lines {@code startLine..line} of {@code path} goes. */
    public Decision place(String path, int startLine, int line) {
        var file = diff.file(path);
        if (file.isEmpty() || file.get().binary() || file.get().type() == ChangeType.DELETED) {
            return mode == FilterMode.NOFILTER ? Decision.FILE_NOTE : Decision.DROP;
        }
        var lineInDiff = file.get().lineAt(line, Side.RIGHT);
        boolean added = lineInDiff.map(l -> l.kind() == LineKind.ADDED).orElse(false);
        boolean inHunk = lineInDiff.isPresent();
        return switch (mode) {
            case ADDED -> added ? inlineOrSingle(path, startLine, line) : Decision.DROP;
            case DIFF_CONTEXT -> inHunk ? inlineOrSingle(path, startLine, line) : Decision.DROP;
            case FILE, NOFILTER -> inHunk ? inlineOrSingle(path, startLine, line) : Decision.FILE_NOTE;
        };
    }

    /** A range that leaves its hunk shrinks to its last line, which is known to be commentable. */
    private Decision inlineOrSingle(String path, int startLine, int line) {
        if (startLine > 0 && startLine < line && diff.check(path, startLine, line, Side.RIGHT).accepted()) {
            return Decision.INLINE_RANGE;
        }
        return Decision.INLINE;
    }

    /** Where a finding goes. */
    public enum Decision {
        /** An inline comment on {@code line} alone. */
        INLINE,
        /** An inline comment on {@code startLine..line}. */
        INLINE_RANGE,
        /** Not on a line of the diff, but kept as a note about the file. */
        FILE_NOTE,
        /** Left out of the review. */
        DROP
    }
}
