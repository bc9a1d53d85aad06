package dev.prharness.review;

import dev.prharness.safety.InertText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a run posts: comments whose fingerprint is already on the pull request are left out, the
 * rest are ordered most severe first, the first {@code cap} become inline comments and the others are
 * listed in the review body (each with its marker, so a later run does not post it again).
 */
public final class ReviewPlanner {

    private static final int MAX_LISTED_MESSAGE = 500;
    private static final int RESERVED_FOR_MORE = 400;
    /** A fingerprint counts where the bot writes it: at the end of a line. */
    private static final Pattern MARKER = Pattern.compile("<!-- pr-harness:([0-9a-f]{16}) -->$", Pattern.MULTILINE);

    /** Fingerprints found in the texts of existing comments. */
    public static Set<String> fingerprintsIn(List<String> bodies) {
        Set<String> found = new HashSet<>();
        for (String body : bodies) {
            if (body == null) {
                continue;
            }
            Matcher m = MARKER.matcher(body);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    public ReviewPlan plan(Review review, Set<String> existingFingerprints, int cap, String summaryComment) {
        List<ReviewComment> fresh = review.comments().stream()
                .flatMap(c -> c.without(existingFingerprints).stream())
                .sorted(Comparator.comparing(ReviewComment::severity).reversed()
                        .thenComparing(ReviewComment::path).thenComparingInt(ReviewComment::line))
                .toList();
        int already = review.comments().size() - fresh.size();
        List<ReviewPlan.InlineComment> inline = new ArrayList<>();
        for (ReviewComment c : fresh.subList(0, Math.min(cap, fresh.size()))) {
            inline.add(inline(c));
        }
        List<ReviewComment> overflow = fresh.subList(Math.min(cap, fresh.size()), fresh.size());
        return new ReviewPlan(review.headSha(), body(review, overflow, List.of()), inline, overflow, already, summaryComment);
    }

    /** The same plan with {@code rejected} comments moved from inline into the body (GitHub answered 422). */
    public ReviewPlan moveToBody(Review review, ReviewPlan plan, List<ReviewPlan.InlineComment> rejected) {
        Set<String> gone = new HashSet<>();
        rejected.forEach(r -> gone.add(r.fingerprint()));
        List<ReviewPlan.InlineComment> kept = plan.inline().stream().filter(c -> !gone.contains(c.fingerprint())).toList();
        List<ReviewComment> movedComments = review.comments().stream()
                .filter(c -> c.fingerprints().stream().anyMatch(gone::contains)).toList();
        List<ReviewComment> overflow = new ArrayList<>(plan.overflow());
        return new ReviewPlan(plan.commitSha(), body(review, overflow, movedComments), kept, overflow,
                plan.alreadyOnThePr(), plan.summaryComment());
    }

    public static ReviewPlan.InlineComment inline(ReviewComment c) {
        return new ReviewPlan.InlineComment(c.path(), c.line(), c.startLine(), c.side(), CommentMarkdown.body(c),
                c.fingerprint(), c.severity());
    }

    private static String body(Review review, List<ReviewComment> overflow, List<ReviewComment> rejected) {
        StringBuilder out = new StringBuilder("**pr-harness** reviewed `")
                .append(SummaryWriter.shortSha(review.baseSha())).append("..").append(SummaryWriter.shortSha(review.headSha()))
                .append("`. The summary comment on this pull request has the overview.\n");
        appendList(out, "More findings (over the inline comment cap)", overflow);
        appendList(out, "Findings GitHub would not place on the diff", rejected);
        return out.toString();
    }

    /**
     * Lists findings, most severe first, while they fit in GitHub's limit; a finding left out says how many
     * more there are (they are not marked as posted, so they stay in the count and the next run's candidates).
     */
    private static void appendList(StringBuilder out, String title, List<ReviewComment> comments) {
        if (comments.isEmpty()) {
            return;
        }
        out.append("\n**").append(title).append("**\n\n");
        for (int i = 0; i < comments.size(); i++) {
            ReviewComment c = comments.get(i);
            String message = c.message().replaceAll("\\s+", " ").strip();
            String item = "- " + CommentMarkdown.badge(c.severity()) + " " + InertText.codeSpan(c.path() + ':' + c.line()) + " "
                    + (c.rule() == null ? c.source() : c.source() + " " + InertText.codeSpan(c.rule())) + ": "
                    + InertText.oneLine(message.length() > MAX_LISTED_MESSAGE ? message.substring(0, MAX_LISTED_MESSAGE) + "…" : message)
                    + (c.alsoLines().isEmpty() ? "" : " (also on " + (c.alsoLines().size() == 1 ? "line " : "lines ")
                            + CommentMarkdown.lineList(c.alsoLines()) + ")")
                    + ' ' + String.join("\n", c.fingerprints().stream().map(CommentMarkdown::marker).toList()) + '\n';
            if (out.length() + item.length() > BodyLimit.MAX_CHARS - RESERVED_FOR_MORE) {
                out.append("- … and ").append(comments.size() - i).append(" more, not listed: a review body holds at most ")
                        .append(BodyLimit.MAX_CHARS).append(" characters. The summary comment counts every finding; ")
                        .append("`pr-harness review-pr --dry-run --format json` lists them all.\n");
                return;
            }
            out.append(item);
        }
    }
}
