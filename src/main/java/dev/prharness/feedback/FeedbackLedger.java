package dev.prharness.feedback;

import dev.prharness.review.Silence;
import java.util.List;

/**
 * Where feedback on the bot's comments is kept. The server keeps it in the job store, so every replica and every later
 * pull request of the repository honours it; the Action and {@code review-pr} keep nothing, so only the pull request's
 * own feedback counts there.
 */
public interface FeedbackLedger {

    /** Keeps what was not kept before; returns that part. */
    List<Feedback> record(List<Feedback> feedback);

    /** The silences that stand in {@code repository}: from what is kept and from {@code current} (this pull request's). */
    List<Silence> silences(String repository, List<Feedback> current);

    /** Whether what is recorded holds for the whole repository and later pull requests, or only for this pull request. */
    boolean remembers();

    /** Keeps nothing: a pull request's own feedback is all there is. */
    FeedbackLedger PER_PULL_REQUEST = new FeedbackLedger() {
        @Override
        public List<Feedback> record(List<Feedback> feedback) {
            return List.of();
        }

        @Override
        public List<Silence> silences(String repository, List<Feedback> current) {
            return ActiveSilences.of(current);
        }

        @Override
        public boolean remembers() {
            return false;
        }
    };
}
