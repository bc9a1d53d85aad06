package dev.prharness.commands;

import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.ExistingComment;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.feedback.Feedback;
import dev.prharness.feedback.FeedbackLedger;
import dev.prharness.feedback.Gesture;
import dev.prharness.safety.InertText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Carries out an {@code /ignore …} or {@code /unignore …} reply in one of the bot's threads (its author's write access
 * already checked): the gesture is kept where the mode keeps feedback (the server's store, for the whole repository), and
 * the reply says what now holds. Where nothing is kept between pull requests (the Action, {@code review-pr}) the gesture
 * holds for this pull request, read again from the thread at each review, and a rule's silence comes with the lines that
 * make it hold for the repository, since the bot never pushes.
 */
final class Gestures {

    private final FeedbackLedger ledger;
    private final Optional<String> botLogin;

    Gestures(FeedbackLedger ledger, Optional<String> botLogin) {
        this.ledger = ledger;
        this.botLogin = botLogin;
    }

    /** The reply to the gesture. */
    String apply(CodeHost host, PullRequestRef ref, CommandRunner.Comment comment, Gesture gesture) {
        String command = gesture.verdict() == Feedback.Verdict.RESTORE ? "/unignore" : "/ignore";
        if (!comment.inThread()) {
            return "`" + command + "` works as a reply to one of my inline comments, in its thread: it then applies to that "
                    + "comment's finding (or, with `rule` or `path GLOB`, to its rule).";
        }
        Optional<ExistingComment> first = host.comments(ref).stream()
                .filter(c -> c.kind() == ExistingComment.Kind.REVIEW_COMMENT && c.id() == comment.threadCommentId())
                .filter(c -> botLogin.map(login -> login.equalsIgnoreCase(c.author())).orElse(false))
                .findFirst();
        Optional<Feedback> feedback = first.flatMap(c -> Feedback.on("reply:" + comment.id(), ref.repository(), c.id(), c.body(),
                comment.author(), true, gesture, Instant.now()));
        if (feedback.isEmpty()) {
            return "`" + command + "` applies to my own inline comments about a finding; this thread does not start with one.";
        }
        Feedback f = feedback.get();
        if (gesture.scope() != Feedback.Scope.FINDING && (f.source().equals("model") || f.rule().equals("-"))) {
            return "The AI's comments have no rule to " + (gesture.verdict() == Feedback.Verdict.RESTORE ? "restore" : "silence")
                    + "; `" + command + "` alone applies to this one finding.";
        }
        ledger.record(List.of(f));
        return ledger.remembers() ? inRepository(f) : inPullRequest(f);
    }

    private static String what(Feedback f) {
        String rule = InertText.codeSpan(f.rule()) + " (" + f.source() + ")";
        return switch (f.scope()) {
            case FINDING -> "this finding";
            case RULE -> rule;
            case PATH -> rule + " in paths matching " + InertText.codeSpan(f.glob());
        };
    }

    private static String inRepository(Feedback f) {
        if (f.verdict() == Feedback.Verdict.RESTORE) {
            return "Restored: " + what(f) + " will be commented on again in this repository.";
        }
        return "Silenced: " + what(f) + " will not be commented on again in this repository. The summary lists what is "
                + "silenced; " + InertText.codeSpan(undo(f)) + " here takes it back.";
    }

    private static String inPullRequest(Feedback f) {
        if (f.verdict() == Feedback.Verdict.RESTORE) {
            return "Restored: " + what(f) + " will be commented on again in this pull request."
                    + (f.scope() == Feedback.Scope.FINDING ? "" : " If you added it to `ignore_rules` in `.github/pr-harness.yml`, "
                    + "remove it there too.");
        }
        String silenced = "Silenced: " + what(f) + " will not be commented on again in this pull request; "
                + InertText.codeSpan(undo(f)) + " here takes it back.";
        if (f.scope() == Feedback.Scope.FINDING) {
            return silenced;
        }
        String entry = f.scope() == Feedback.Scope.RULE ? "  - " + f.rule()
                : "  - rule: " + f.rule() + "\n    paths: [" + quoted(f.glob()) + "]";
        return silenced + " This bot keeps nothing between pull requests, so to silence it in every pull request, add this "
                + "to `.github/pr-harness.yml` on the default branch:\n\n```yaml\nignore_rules:\n" + entry + "\n```";
    }

    private static String undo(Feedback f) {
        return switch (f.scope()) {
            case FINDING -> "/unignore";
            case RULE -> "/unignore rule";
            case PATH -> "/unignore path " + f.glob();
        };
    }

    /** A YAML double-quoted string. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
