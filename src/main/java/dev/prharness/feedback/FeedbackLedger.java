package dev.prharness.feedback;

import java.util.List;

/**
 * Where feedback on the bot's comments is kept. The server keeps it in the job store, so every replica and every later
 * pull request of the repository honours it; the Action and {@code review-pr} keep nothing, so only the pull request's
 * own feedback counts there.
 */
public interface FeedbackLedger {

    /** Keeps what was not kept before; returns that part. */
    List<Feedback> record(List<Feedback> feedback);

    /** The feedback that silences findings in {@code repository}: the kept, and {@code current} (this pull request's). */
    List<Feedback> silencing(String repository, List<Feedback> current);

    /** Keeps nothing: a pull request's own feedback is all there is. */
    FeedbackLedger PER_PULL_REQUEST = new FeedbackLedger() {
        @Override
        public List<Feedback> record(List<Feedback> feedback) {
            return List.of();
        }

        @Override
        public List<Feedback> silencing(String repository, List<Feedback> current) {
            return current.stream().filter(Feedback::silences).toList();
        }
    };
}
