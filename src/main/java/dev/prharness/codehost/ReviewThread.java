package dev.prharness.codehost;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A conversation on a line of the diff: its host id (what resolving it takes), whether it is resolved and by whom,
 * where it sits, and its comments, the first being the one that started it.
 */
public record ReviewThread(String id, boolean resolved, String resolvedBy, String path, List<Comment> comments) {

    public ReviewThread {
        comments = List.copyOf(comments);
    }

    /**
     * One comment of a thread: its id, who wrote it (a bot's login ends with {@code [bot]}), its text, when, and the
     * diff hunk it was written on (the hunk ends at the commented line).
     */
    public record Comment(long id, String author, boolean bot, String body, Instant at, String diffHunk) {

        /** The commented line's code, from the end of the hunk; empty for a comment on a removed line. */
        public Optional<String> commentedCode() {
            if (diffHunk == null || diffHunk.isEmpty()) {
                return Optional.empty();
            }
            String[] lines = diffHunk.split("\n", -1);
            String last = lines[lines.length - 1].isEmpty() && lines.length > 1 ? lines[lines.length - 2] : lines[lines.length - 1];
            if (last.isEmpty() || last.startsWith("-") || last.startsWith("@@")) {
                return Optional.empty();
            }
            return Optional.of(last.substring(1));
        }
    }

    /** The comment that started the thread. */
    public Comment first() {
        return comments.get(0);
    }

    /** The comments after the first. */
    public List<Comment> replies() {
        return comments.subList(1, comments.size());
    }
}
