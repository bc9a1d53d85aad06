package dev.prharness.pipeline;

import dev.prharness.codehost.CheckRun;
import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.CodeHostException;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.events.EventLog;
import dev.prharness.review.FileNote;
import dev.prharness.review.Plural;
import dev.prharness.review.Review;
import dev.prharness.review.Severity;
import java.util.List;
import java.util.Optional;

/**
 * The check run {@code pr-harness} on the head commit: in progress while the review runs, then what happened. Success
 * only for a review that ran in full ("reviewed N files, no findings" or "M findings (k errors)"); neutral when it was
 * not done or not in full (disabled, a draft, no new commits, linters only, a model loop stopped, files over
 * {@code max_files}), saying what and why; failure only when a finding reaches {@code fail_on}. Findings outside the diff
 * are its annotations. A head reviewed before (no new commits) gets no new check: the one that judged it stands. A token that may not write checks (a personal token, a read-only one) costs the review nothing:
 * there is then no check.
 */
public final class ReviewCheck {

    static final String NAME = "pr-harness";
    /** Lines of skipped files and shortfalls listed in the check's summary; the rest are counted. */
    private static final int LISTED = 30;

    private final CodeHost host;
    private final PullRequestRef ref;
    private final boolean wanted;
    private Optional<Long> id = Optional.empty();
    private CheckRun result = notDone("The review was planned but not posted.");

    /** {@code wanted}: whether this mode keeps a check at all (not {@code review-pr}, not a dry run). */
    ReviewCheck(CodeHost host, PullRequestRef ref, boolean wanted) {
        this.host = host;
        this.ref = ref;
        this.wanted = wanted;
    }

    /**
     * Starts the check, in progress. Only for a head that is being judged now: a head already reviewed (no new commits)
     * gets no new check, which would otherwise replace the conclusion of the review that did judge it.
     */
    void start(String headSha) {
        if (!wanted || id.isPresent()) {
            return;
        }
        try {
            id = Optional.of(host.startCheck(ref, NAME, headSha, "Reviewing " + headSha.substring(0, Math.min(7, headSha.length()))));
        } catch (CodeHostException e) {
            EventLog.emit("check_unavailable", "pull_request", ref.toString(), "status", e.status(), "error", e.getMessage());
        }
    }

    /** What the check will say when the review is posted. */
    void conclude(CheckRun result) {
        this.result = result;
    }

    /** Completes the check with what was concluded. */
    void complete() {
        complete(result);
    }

    void complete(CheckRun result) {
        if (id.isEmpty()) {
            return;
        }
        try {
            host.completeCheck(ref, id.get(), result);
            EventLog.emit("check_completed", "pull_request", ref.toString(), "conclusion", result.conclusion().apiName(),
                    "annotations", result.annotations().size());
        } catch (CodeHostException e) {
            EventLog.emit("check_unfinished", "pull_request", ref.toString(), "status", e.status(), "error", e.getMessage());
        }
        id = Optional.empty();
    }

    /** A review that was not done, and why. */
    static CheckRun notDone(String why) {
        return new CheckRun(CheckRun.Conclusion.NEUTRAL, "Not reviewed", why, List.of());
    }

    /** A review that could not complete: neutral, never success; the job may be retried. */
    static CheckRun failed(RuntimeException e) {
        return new CheckRun(CheckRun.Conclusion.NEUTRAL, "The review did not complete",
                "The review stopped with an error (" + e.getClass().getSimpleName() + "); the bot's log has the details. "
                        + "The server retries it; otherwise ask again with `/review`.", List.of());
    }

    /** What a review that ran says, judged against {@code failOn}. */
    static CheckRun of(Review review, String scope, Optional<Severity> failOn) {
        int findings = review.comments().size() + review.fileNotes().size();
        long errors = java.util.stream.Stream.concat(review.comments().stream().map(c -> c.severity()),
                review.fileNotes().stream().map(FileNote::severity)).filter(s -> s == Severity.ERROR).count();
        String counts = findings == 0 ? "no findings" : Plural.count(findings, "finding")
                + (errors == 0 ? "" : " (" + Plural.count((int) errors, "error") + ")");
        String title = "Reviewed " + Plural.count(review.stats().filesReviewed(), "file") + ", " + counts;
        StringBuilder summary = new StringBuilder(scope.strip()).append("\n\n");
        CheckRun.Conclusion conclusion;
        Optional<Severity> reached = failOn.filter(threshold -> review.highestSeverity().filter(s -> s.atLeast(threshold)).isPresent());
        if (reached.isPresent()) {
            conclusion = CheckRun.Conclusion.FAILURE;
            summary.append("A finding reaches `fail_on: ").append(reached.get().name().toLowerCase(java.util.Locale.ROOT))
                    .append("`.\n\n");
        } else if (!review.shortfalls().isEmpty()) {
            conclusion = CheckRun.Conclusion.NEUTRAL;
            title = title + "; not everything was reviewed";
        } else {
            conclusion = CheckRun.Conclusion.SUCCESS;
        }
        if (!review.shortfalls().isEmpty()) {
            summary.append("**Not reviewed in full:**\n");
            review.shortfalls().stream().limit(LISTED).forEach(s -> summary.append("- ").append(s).append('\n'));
            summary.append('\n');
        }
        if (!review.skippedFiles().isEmpty()) {
            summary.append("**Skipped files:** ").append(review.skippedFiles().size()).append('\n');
            review.skippedFiles().stream().limit(LISTED)
                    .forEach(s -> summary.append("- `").append(s.path()).append("`: ").append(s.reason()).append('\n'));
            if (review.skippedFiles().size() > LISTED) {
                summary.append("- … and ").append(review.skippedFiles().size() - LISTED).append(" more\n");
            }
            summary.append('\n');
        }
        summary.append("Inline comments are on the pull request; findings outside the diff are this check's annotations.");
        List<CheckRun.Annotation> annotations = review.fileNotes().stream()
                .map(n -> new CheckRun.Annotation(n.path(), Math.max(1, n.line()), level(n.severity()),
                        n.source() + (n.rule() == null ? "" : " " + n.rule()), n.message()))
                .toList();
        return new CheckRun(conclusion, title, fit(summary.toString()), annotations);
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "failure";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    /** GitHub takes a check summary of at most 65,535 characters. */
    private static String fit(String summary) {
        int max = 65_535;
        return summary.length() <= max ? summary : summary.substring(0, max - 40) + "\n\n(the rest was cut here)";
    }
}
