package dev.prharness.review;

import dev.prharness.diff.Side;
import java.util.List;

/**
 * Exactly what one run posts on a pull request: at most one review (body and inline comments, on
 * {@code commitSha}) and the text of the summary comment. {@code alreadyOnThePr} counts comments left out
 * because their fingerprint was already there.
 */
public record ReviewPlan(
        String commitSha,
        String reviewBody,
        List<InlineComment> inline,
        List<ReviewComment> overflow,
        int alreadyOnThePr,
        String summaryComment) {

    public ReviewPlan {
        inline = List.copyOf(inline);
        overflow = List.copyOf(overflow);
    }

    /** Whether there is a review to post: new inline comments or new findings listed in the body. */
    public boolean hasReview() {
        return !inline.isEmpty() || !overflow.isEmpty();
    }

    /** One inline comment as posted: place, rendered markdown body (with its marker), and fingerprint. */
    public record InlineComment(String path, int line, Integer startLine, Side side, String body, String fingerprint,
            Severity severity) {}
}
