package dev.prharness.eval;

import dev.prharness.diff.Side;
import dev.prharness.review.Review;
import dev.prharness.review.ReviewComment;
import dev.prharness.review.Severity;
import java.util.List;

/**
 * How the model's review of one case scored. A seeded defect is {@code found} when a model comment lands on its file
 * within its lines, two lines either way; every other model comment is {@code noise}. A clean case with a model
 * comment of severity warning or error is a {@code falseAlarm}. Usage is the review's own.
 */
public record CaseResult(String caseName, String category, boolean clean, boolean found, int noise, boolean falseAlarm,
        int modelCalls, long promptTokens, long cachedTokens, double costUsd, long millis) {

    static final int SLACK_LINES = 2;

    static CaseResult score(EvalCase evalCase, Review review) {
        List<ReviewComment> model = review.comments().stream().filter(c -> c.source().contains("model")).toList();
        boolean found = false;
        int noise = 0;
        EvalCase.Expected expected = evalCase.expected().orElse(null);
        for (ReviewComment comment : model) {
            if (expected != null && !found && lands(comment, expected)) {
                found = true;
            } else {
                noise++;
            }
        }
        boolean falseAlarm = evalCase.clean() && model.stream()
                .anyMatch(c -> c.severity() == Severity.ERROR || c.severity() == Severity.WARNING);
        var stats = review.stats();
        return new CaseResult(evalCase.name(), evalCase.category(), evalCase.clean(), found, noise, falseAlarm,
                stats.modelCalls(), stats.promptTokens(), stats.cachedTokens(), stats.estimatedCostUsd(), stats.durationMs());
    }

    private static boolean lands(ReviewComment comment, EvalCase.Expected expected) {
        int first = comment.startLine() == null ? comment.line() : comment.startLine();
        return comment.side() == Side.RIGHT && comment.path().equals(expected.path()) && comment.line() >= expected.first() - SLACK_LINES
                && first <= expected.last() + SLACK_LINES;
    }
}
