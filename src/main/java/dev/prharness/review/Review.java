package dev.prharness.review;

import java.util.List;
import java.util.Optional;

/**
 * A finished review of one change: what was compared, the summary, inline comments, file notes, stats, and what the
 * review could not do (linters only, a model loop that stopped at a limit), one line each.
 */
public record Review(
        String baseSha,
        String headSha,
        String summary,
        List<ReviewComment> comments,
        List<FileNote> fileNotes,
        List<SkippedFile> skippedFiles,
        ReviewStats stats,
        List<String> shortfalls) {

    public Review {
        comments = List.copyOf(comments);
        fileNotes = List.copyOf(fileNotes);
        skippedFiles = List.copyOf(skippedFiles);
        shortfalls = List.copyOf(shortfalls);
    }

    /** The most severe finding of the review, comments and notes alike. */
    public Optional<Severity> highestSeverity() {
        return java.util.stream.Stream.concat(
                        comments.stream().map(ReviewComment::severity), fileNotes.stream().map(FileNote::severity))
                .max(Enum::compareTo);
    }

    /** A changed file that was not reviewed, and why (binary, deleted, generated, ignored, not Java, …). */
    public record SkippedFile(String path, String reason) {}
}
