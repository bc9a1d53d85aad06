package dev.prharness.server;

import dev.prharness.events.EventLog;
import dev.prharness.feedback.ActiveSilences;
import dev.prharness.feedback.Feedback;
import dev.prharness.feedback.FeedbackLedger;
import dev.prharness.review.Silence;
import dev.prharness.store.JobStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's feedback, kept in the job store: each gesture once (every replica reads the same reactions), and every
 * writer's disagreement silences its finding (or rule) in every later review of the repository until an {@code /unignore}. A new verdict is an event
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
                    f.source(), f.rule(), f.user(), f.writer(), f.verdict().label(), f.at().toEpochMilli(), f.scope().label(), f.glob()))) {
                fresh.add(f);
                EventLog.emit("comment_feedback", "repository", f.repository(), "source", f.source(), "rule", f.rule(),
                        "verdict", f.verdict().label(), "writer", f.writer(), "scope", f.scope().label());
            }
        }
        return fresh;
    }

    @Override
    public List<Silence> silences(String repository, List<Feedback> current) {
        Map<String, Feedback> all = new LinkedHashMap<>();
        store.feedback(Optional.of(repository)).stream().map(StoreFeedbackLedger::feedbackOf).forEach(f -> all.put(f.id(), f));
        current.forEach(f -> all.putIfAbsent(f.id(), f));
        return ActiveSilences.of(List.copyOf(all.values()));
    }

    @Override
    public boolean remembers() {
        return true;
    }

    static Feedback feedbackOf(JobStore.FeedbackRow row) {
        return new Feedback(row.id(), row.repository(), row.commentId(), Arrays.asList(row.fingerprints().split(" ")),
                row.source(), row.rule(), row.login(), row.writer(), Feedback.Verdict.valueOf(row.verdict().toUpperCase(
                java.util.Locale.ROOT)), Instant.ofEpochMilli(row.atMillis()),
                Feedback.Scope.valueOf(row.scope().toUpperCase(java.util.Locale.ROOT)), row.glob());
    }
}
