package dev.prharness.feedback;

import java.time.Instant;
import java.util.List;

/**
 * One person's verdict on one of the bot's inline comments: a 👍 agrees, a 👎 disagrees. {@code id} names the gesture
 * (a reaction's id), so the same one is counted once however often it is read; {@code writer} says whether the person
 * may write to the repository, whose disagreement silences the finding.
 */
public record Feedback(String id, String repository, long commentId, List<String> fingerprints, String source, String rule,
        String user, boolean writer, Verdict verdict, Instant at) {

    public Feedback {
        fingerprints = List.copyOf(fingerprints);
    }

    /** Agreement (👍) or disagreement (👎). */
    public enum Verdict {
        AGREE,
        DISAGREE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether this silences the finding: a disagreement from someone who may write to the repository. */
    public boolean silences() {
        return writer && verdict == Verdict.DISAGREE;
    }
}
