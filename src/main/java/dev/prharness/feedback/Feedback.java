package dev.prharness.feedback;

import dev.prharness.review.CommentMarkdown;
import dev.prharness.review.ReviewPlanner;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One person's verdict on one of the bot's inline comments: a 👍 or a resolved thread agrees, a 👎 or an {@code /ignore}
 * reply disagrees, an {@code /unignore} reply restores. {@code id} names the gesture (a reaction's, a reply's or a
 * thread's id), so the same one is counted once however often it is read; {@code writer} says whether the person may
 * write to the repository, whose disagreement silences. {@code scope} says what: the finding, every finding of the
 * rule, or the rule's findings in paths matching {@code glob}.
 */
public record Feedback(String id, String repository, long commentId, List<String> fingerprints, String source, String rule,
        String user, boolean writer, Verdict verdict, Instant at, Scope scope, String glob) {

    public Feedback {
        fingerprints = List.copyOf(fingerprints);
        glob = glob == null ? "" : glob;
    }

    /**
     * A gesture on one of the bot's inline comments, read from the comment's markers (its fingerprints, source and
     * rule); empty when {@code commentBody} is not one of the bot's finding comments.
     */
    public static Optional<Feedback> on(String id, String repository, long commentId, String commentBody, String user,
            boolean writer, Gesture gesture, Instant at) {
        List<String> fingerprints = List.copyOf(ReviewPlanner.fingerprintsIn(List.of(commentBody)));
        if (fingerprints.isEmpty()) {
            return Optional.empty();
        }
        String[] rule = CommentMarkdown.ruleOf(commentBody).orElse(new String[] {"unknown", "unknown"});
        return Optional.of(new Feedback(id, repository, commentId, fingerprints, rule[0], rule[1], user, writer,
                gesture.verdict(), at, gesture.scope(), gesture.glob()));
    }

    /** Agreement (👍, a resolved thread), disagreement (👎, {@code /ignore}), or a silence taken back ({@code /unignore}). */
    public enum Verdict {
        AGREE,
        DISAGREE,
        RESTORE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a silence covers: this finding, every finding of its rule, or its rule's findings in some paths. */
    public enum Scope {
        FINDING,
        RULE,
        PATH;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether this silences: a disagreement from someone who may write to the repository. */
    public boolean silences() {
        return writer && verdict == Verdict.DISAGREE;
    }

    /** Whether this takes a silence back: an {@code /unignore} from someone who may write to the repository. */
    public boolean restores() {
        return writer && verdict == Verdict.RESTORE;
    }
}
