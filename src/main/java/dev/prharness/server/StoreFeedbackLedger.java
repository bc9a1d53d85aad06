package dev.prharness.server;

import dev.prharness.events.EventLog;
import dev.prharness.feedback.Feedback;
import dev.prharness.feedback.FeedbackLedger;
import dev.prharness.store.JobStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The server's feedback, kept in the job store: each gesture once (every replica reads the same reactions), and every
 * writer's disagreement silences its finding in every later review of the repository. A new verdict is an event
 * ({@code comment_feedback}), which {@code /metrics} counts.
 */
public final class StoreFeedbackLedger implements FeedbackLedger {

    private final JobStore store;

    public StoreFeedbackLedger(JobStore store) {
        this.store = store;
    }

    @Override
    public List<Feedback> record(List<Feedback> feedback) {
        List<Feedback> fresh = new ArrayList<>();
        for (Feedback f : feedback) {
            if (store.addFeedback(new JobStore.FeedbackRow(f.id(), f.repository(), f.commentId(), String.join(" ", f.fingerprints()),
                    f.source(), f.rule(), f.user(), f.writer(), f.verdict().label(), f.at().toEpochMilli()))) {
                fresh.add(f);
                EventLog.emit("comment_feedback", "repository", f.repository(), "source", f.source(), "rule", f.rule(),
                        "verdict", f.verdict().label(), "writer", f.writer());
            }
        }
        return fresh;
    }

    @Override
    public List<Feedback> silencing(String repository, List<Feedback> current) {
        List<Feedback> kept = store.feedback(Optional.of(repository)).stream().map(StoreFeedbackLedger::feedbackOf).toList();
        return Stream.concat(kept.stream(), current.stream()).filter(Feedback::silences).toList();
    }

    static Feedback feedbackOf(JobStore.FeedbackRow row) {
        return new Feedback(row.id(), row.repository(), row.commentId(), Arrays.asList(row.fingerprints().split(" ")),
                row.source(), row.rule(), row.login(), row.writer(), Feedback.Verdict.valueOf(row.verdict().toUpperCase(
                java.util.Locale.ROOT)), Instant.ofEpochMilli(row.atMillis()));
    }
}
