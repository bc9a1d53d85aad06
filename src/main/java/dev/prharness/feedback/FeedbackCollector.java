package dev.prharness.feedback;

import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.ExistingComment;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.codehost.Reaction;
import dev.prharness.review.CommentMarkdown;
import dev.prharness.review.ReviewPlanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the feedback on the bot's own inline comments: the 👍 and 👎 reactions on each (the host sends no event for a
 * reaction, so they are read when the bot reviews). Bots' reactions do not count; whether a person may write to the
 * repository is asked once per person, through the same permission check as commands.
 */
public final class FeedbackCollector {

    /** {@code botComments}: the comments on the pull request that the bot wrote. */
    public List<Feedback> collect(CodeHost host, PullRequestRef ref, List<ExistingComment> botComments) {
        List<Feedback> feedback = new ArrayList<>();
        Map<String, Boolean> writers = new HashMap<>();
        for (ExistingComment comment : botComments) {
            if (comment.kind() != ExistingComment.Kind.REVIEW_COMMENT) {
                continue;
            }
            List<String> fingerprints = List.copyOf(ReviewPlanner.fingerprintsIn(List.of(comment.body())));
            if (fingerprints.isEmpty()) {
                continue;
            }
            String[] rule = CommentMarkdown.ruleOf(comment.body()).orElse(new String[] {"unknown", "unknown"});
            for (Reaction reaction : host.reviewCommentReactions(ref, comment.id())) {
                Feedback.Verdict verdict = switch (reaction.content()) {
                    case "+1" -> Feedback.Verdict.AGREE;
                    case "-1" -> Feedback.Verdict.DISAGREE;
                    default -> null;
                };
                if (verdict == null || reaction.bot() || reaction.user().isBlank()) {
                    continue;
                }
                boolean writer = writers.computeIfAbsent(reaction.user(), user -> host.canWrite(ref, user));
                feedback.add(new Feedback("reaction:" + reaction.id(), ref.repository(), comment.id(), fingerprints, rule[0],
                        rule[1], reaction.user(), writer, verdict, reaction.at()));
            }
        }
        return feedback;
    }
}
