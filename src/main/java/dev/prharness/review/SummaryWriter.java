package dev.prharness.review;

import dev.prharness.safety.InertText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a review's markdown summary: the range reviewed, counts by severity, findings that are not on a
 * line of the diff, skipped files with their reason, and a footer with model usage.
 */
public final class SummaryWriter {

    private static final int MAX_NOTES = 50;
    /** Files named for one reason to skip; more are counted, with the first few as examples. */
    private static final int LISTED_PER_REASON = 5;

    private static Map<String, List<String>> skippedByReason(List<Review.SkippedFile> skipped) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        skipped.forEach(s -> byReason.computeIfAbsent(s.reason(), r -> new ArrayList<>()).add(s.path()));
        return byReason;
    }

    /**
     * The summary; {@code overview} is prose from the model (or empty), placed after the headline;
     * {@code checksNotRun} are checks of the rules that a review cannot run (they judge a whole folder).
     */
    public String write(String baseSha, String headSha, String overview, List<ReviewComment> comments,
            List<FileNote> notes, List<Review.SkippedFile> skipped, List<String> checksNotRun, ReviewStats stats) {
        return write(baseSha, headSha, overview, comments, notes, skipped, checksNotRun, List.of(), stats);
    }

    /** The same, listing the findings maintainers silenced: by whom and since when (an error is always listed). */
    public String write(String baseSha, String headSha, String overview, List<ReviewComment> comments,
            List<FileNote> notes, List<Review.SkippedFile> skipped, List<String> checksNotRun,
            List<Silence.Silenced> silenced, ReviewStats stats) {
        StringBuilder out = new StringBuilder("## pr-harness review\n\n");
        out.append("Reviewed `").append(shortSha(baseSha)).append("..").append(shortSha(headSha)).append("`: ")
                .append(Plural.count(stats.filesReviewed(), "file")).append(", ")
                .append(counts(comments, notes)).append(".\n");
        if (overview != null && !overview.isBlank()) {
            out.append('\n').append(InertText.markdown(overview.strip())).append('\n');
        }
        if (!notes.isEmpty()) {
            out.append("\n<details><summary>").append(Plural.count(notes.size(), "finding"))
                    .append(" outside the diff</summary>\n\n");
            notes.stream().limit(MAX_NOTES).forEach(n -> out.append("- ").append(CommentMarkdown.badge(n.severity()))
                    .append(' ').append(InertText.codeSpan(n.path() + ':' + n.line())).append(' ')
                    .append(n.rule() == null ? n.source() : n.source() + " " + InertText.codeSpan(n.rule()))
                    .append(": ").append(InertText.oneLine(n.message())).append('\n'));
            if (notes.size() > MAX_NOTES) {
                out.append("- … and ").append(notes.size() - MAX_NOTES).append(" more\n");
            }
            out.append("\n</details>\n");
        }
        if (!silenced.isEmpty()) {
            out.append("\n<details><summary>").append(Plural.count(silenced.size(), "finding"))
                    .append(" silenced by maintainers</summary>\n\n");
            silenced.stream().limit(MAX_NOTES).forEach(s -> {
                ReviewComment c = s.comment();
                out.append("- ").append(CommentMarkdown.badge(c.severity())).append(' ')
                        .append(InertText.codeSpan(c.path() + ':' + c.line())).append(' ')
                        .append(c.rule() == null ? c.source() : c.source() + " " + InertText.codeSpan(c.rule()))
                        .append(": ").append(InertText.oneLine(c.message())).append(" — ")
                        .append(s.silence().origin()).append('\n');
            });
            if (silenced.size() > MAX_NOTES) {
                out.append("- … and ").append(silenced.size() - MAX_NOTES).append(" more\n");
            }
            out.append("\n</details>\n");
        }
        if (!skipped.isEmpty()) {
            out.append("\n<details><summary>").append(Plural.count(skipped.size(), "file")).append(" skipped</summary>\n\n");
            skippedByReason(skipped).forEach((reason, paths) -> {
                if (paths.size() <= LISTED_PER_REASON) {
                    paths.forEach(path -> out.append("- ").append(InertText.codeSpan(path)).append(": ")
                            .append(InertText.oneLine(reason)).append('\n'));
                } else {
                    out.append("- ").append(Plural.count(paths.size(), "file")).append(": ").append(InertText.oneLine(reason))
                            .append(" (").append(String.join(", ", paths.stream().limit(LISTED_PER_REASON)
                                    .map(InertText::codeSpan).toList())).append(", …)\n");
                }
            });
            out.append("\n</details>\n");
        }
        if (!checksNotRun.isEmpty()) {
            out.append("\nNot run: ").append(String.join(", ", checksNotRun.stream().map(InertText::codeSpan).toList()))
                    .append(checksNotRun.size() == 1 ? " judges" : " judge")
                    .append(" a file by its whole folder, and a review sees only the changed files.\n");
        }
        out.append('\n').append(footer(stats)).append('\n');
        return out.toString();
    }

    static String footer(ReviewStats stats) {
        if (stats.modelCalls() == 0) {
            return "<sub>linters only · " + stats.durationMs() + " ms</sub>";
        }
        String cached = stats.cachedTokens() > 0 ? String.format(Locale.ROOT, " (%d%% of the prompt cached)",
                Math.round(100.0 * stats.cachedTokens() / Math.max(1, stats.promptTokens()))) : "";
        return String.format(Locale.ROOT, "<sub>%d model calls · %d+%d tokens%s · ~$%.4f · %d tool calls (%d cached) · %d ms</sub>",
                stats.modelCalls(), stats.promptTokens(), stats.completionTokens(), cached, stats.estimatedCostUsd(),
                stats.toolCalls(), stats.cacheHits(), stats.durationMs());
    }

    private static String counts(List<ReviewComment> comments, List<FileNote> notes) {
        long errors = count(comments, notes, Severity.ERROR);
        long warnings = count(comments, notes, Severity.WARNING);
        long infos = count(comments, notes, Severity.INFO);
        if (errors + warnings + infos == 0) {
            return "no findings";
        }
        return Plural.count(errors, "error") + ", " + Plural.count(warnings, "warning") + ", " + infos + " info";
    }

    private static long count(List<ReviewComment> comments, List<FileNote> notes, Severity severity) {
        return comments.stream().filter(c -> c.severity() == severity).count()
                + notes.stream().filter(n -> n.severity() == severity).count();
    }

    static String shortSha(String sha) {
        return sha == null ? "?" : sha.substring(0, Math.min(7, sha.length()));
    }

}
