package dev.prharness.tools;

import dev.prharness.review.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the model has staged in one run: accepted comments (as findings) and its closing summary. */
public final class ReviewDraft {

    private final List<Finding> comments = new ArrayList<>();
    private String summary;

    synchronized boolean stage(Finding finding) {
        boolean duplicate = comments.stream().anyMatch(c -> c.path().equals(finding.path()) && c.line() == finding.line()
                && c.side() == finding.side() && c.message().equals(finding.message()));
        if (!duplicate) {
            comments.add(finding);
        }
        return !duplicate;
    }

    synchronized void submit(String text) {
        summary = text;
    }

    public synchronized List<Finding> comments() {
        return List.copyOf(comments);
    }

    public synchronized Optional<String> summary() {
        return Optional.ofNullable(summary);
    }

    synchronized int size() {
        return comments.size();
    }
}
