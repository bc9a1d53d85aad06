package dev.prharness.feedback;

import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.ExistingComment;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.codehost.Reaction;
import dev.prharness.codehost.ReviewThread;
import dev.prharness.review.ReviewPlanner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the feedback on the bot's own inline comments: the 👍 and 👎 reactions on each (the host sends no event for a
 * reaction, so they are read when the bot reviews), the {@code /ignore} and {@code /unignore} replies in their threads,
 * and threads someone other than the bot resolved (agreement). Bots' gestures do not count; whether a person may write
 * to the repository is asked once per person, through the same permission check as commands.
 */
public final class FeedbackCollector {

    private final CodeHost host;
    private final PullRequestRef ref;
    private final Map<String, Boolean> writers = new HashMap<>();

    public FeedbackCollector(CodeHost host, PullRequestRef ref) {
        this.host = host;
        this.ref = ref;
    }

    /** The reactions on {@code botComments} (the comments on the pull request that the bot wrote). */
    public List<Feedback> reactions(List<ExistingComment> botComments) {
        List<Feedback> feedback = new ArrayList<>();
        for (ExistingComment comment : botComments) {
            if (comment.kind() != ExistingComment.Kind.REVIEW_COMMENT) {
                continue;
            }
            if (ReviewPlanner.fingerprintsIn(List.of(comment.body())).isEmpty()) {
                continue;
            }
            for (Reaction reaction : host.reviewCommentReactions(ref, comment.id())) {
                Feedback.Verdict verdict = switch (reaction.content()) {
                    case "+1" -> Feedback.Verdict.AGREE;
                    case "-1" -> Feedback.Verdict.DISAGREE;
                    default -> null;
                };
                if (verdict == null || reaction.bot() || reaction.user().isBlank()) {
                    continue;
                }
                verdict("reaction:" + reaction.id(), comment.id(), comment.body(), reaction.user(), reaction.at(),
                        new Gesture(verdict, Feedback.Scope.FINDING, "")).ifPresent(feedback::add);
            }
        }
        return feedback;
    }

    /**
     * The gestures in the threads the bot started: each {@code /ignore …} or {@code /unignore …} reply by a person, and a
     * thread resolved by someone other than the bot (which the bot does when a finding is fixed).
     */
    public List<Feedback> threads(List<ReviewThread> threads, String botLogin) {
        List<Feedback> feedback = new ArrayList<>();
        for (ReviewThread thread : threads) {
            if (thread.comments().isEmpty() || !thread.first().author().equalsIgnoreCase(botLogin)) {
                continue;
            }
            ReviewThread.Comment first = thread.first();
            if (ReviewPlanner.fingerprintsIn(List.of(first.body())).isEmpty()) {
                continue;
            }
            for (ReviewThread.Comment reply : thread.replies()) {
                if (reply.bot() || reply.author().isBlank()) {
                    continue;
                }
                gesture(reply.body()).flatMap(g -> verdict("reply:" + reply.id(), first.id(), first.body(), reply.author(),
                        reply.at(), g)).ifPresent(feedback::add);
            }
            boolean resolvedByPerson = thread.resolved() && !thread.resolvedBy().isBlank()
                    && !thread.resolvedBy().equalsIgnoreCase(botLogin) && !(thread.resolvedBy() + "[bot]").equalsIgnoreCase(botLogin);
            if (resolvedByPerson) {
                Instant at = thread.comments().getLast().at();
                verdict("resolved:" + thread.id(), first.id(), first.body(), thread.resolvedBy(), at,
                        new Gesture(Feedback.Verdict.AGREE, Feedback.Scope.FINDING, "")).ifPresent(feedback::add);
            }
        }
        return feedback;
    }

    /** A reply's gesture, if its first line is a well-formed one (a malformed one gets its answer from the command). */
    private static Optional<Gesture> gesture(String body) {
        String first = body.replace("\r\n", "\n").strip().lines().findFirst().orElse("");
        if (first.startsWith("@") && first.contains(" /")) {
            first = first.substring(first.indexOf(" /") + 1); // "@bot /ignore": the mention is not part of the gesture
        }
        try {
            return Gesture.parse(first);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<Feedback> verdict(String id, long commentId, String commentBody, String user, Instant at, Gesture gesture) {
        boolean writer = writers.computeIfAbsent(user, u -> host.canWrite(ref, u));
        return Feedback.on(id, ref.repository(), commentId, commentBody, user, writer, gesture, at);
    }
}
