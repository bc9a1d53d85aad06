package dev.prharness.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.diff.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Everything the bot writes fits in GitHub's 65,536 characters, and says where it was cut. */
class BodyLimitTest {

    private static ReviewComment comment(int line, String message) {
        return new ReviewComment("src/A.java", line, null, Side.RIGHT, Severity.WARNING, "pmd", "EmptyCatchBlock",
                message, null, String.format("%016x", line));
    }

    @Test
    void aSeventyThousandCharacterSummaryIsCutAndKeepsItsState() {
        String summary = "Line of the model's summary.\n".repeat(2_500);

        String comment = SummaryComment.render("Reviewed the whole pull request.", summary, "", "abc1234");

        assertTrue(summary.length() > 70_000);
        assertTrue(comment.length() <= BodyLimit.MAX_CHARS, comment.length() + " characters");
        assertTrue(comment.contains("The summary was cut here"));
        assertEquals(Optional.of("abc1234"), SummaryComment.lastReviewedHead(comment));
        assertTrue(SummaryComment.isSummary(comment));
    }

    @Test
    void aHugeModelCommentIsCutButKeepsItsMarker() {
        ReviewComment huge = comment(3, "word ".repeat(40_000));

        String body = CommentMarkdown.body(huge);

        assertTrue(body.length() <= BodyLimit.MAX_CHARS);
        assertTrue(body.endsWith(CommentMarkdown.marker(huge.fingerprint())));
    }

    @Test
    void theReviewBodyListsTheMostSevereFindingsThatFitAndCountsTheRest() {
        List<ReviewComment> comments = new ArrayList<>();
        for (int line = 1; line <= 3_000; line++) {
            comments.add(comment(line, "An empty catch block swallows the exception; at least log it. (" + line + ")"));
        }
        Review review = new Review("a".repeat(40), "b".repeat(40), "summary", comments, List.of(), List.of(),
                new ReviewStats(1, 0, 0, 0, 0, 0, 0, 0, 0), List.of());

        ReviewPlan plan = new ReviewPlanner().plan(review, Set.of(), 10, "summary");

        assertEquals(10, plan.inline().size());
        assertTrue(plan.reviewBody().length() <= BodyLimit.MAX_CHARS, plan.reviewBody().length() + " characters");
        int listed = ReviewPlanner.fingerprintsIn(List.of(plan.reviewBody())).size();
        assertTrue(plan.reviewBody().contains("… and " + (2_990 - listed) + " more, not listed"), "listed " + listed);
        assertTrue(listed > 100);
    }
}
