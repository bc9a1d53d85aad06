package dev.prharness.review;

/** What a run would post on GitHub, as markdown: the summary comment, the review body and every inline comment. */
public final class PlanReport {

    public String render(ReviewPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("# Summary comment (created or edited in place)\n\n").append(plan.summaryComment().strip()).append("\n\n");
        if (!plan.hasReview()) {
            out.append("# Review\n\nNo review: nothing new to comment on");
            out.append(plan.alreadyOnThePr() > 0 ? " (" + plan.alreadyOnThePr() + " comments are already on the pull request).\n" : ".\n");
            return out.toString();
        }
        out.append("# Review (event COMMENT, commit ").append(plan.commitSha()).append(")\n\n")
                .append(plan.reviewBody().strip()).append("\n");
        for (ReviewPlan.InlineComment c : plan.inline()) {
            out.append("\n## `").append(c.path()).append("` ")
                    .append(c.startLine() == null ? "line " + c.line() : "lines " + c.startLine() + "–" + c.line())
                    .append(" (").append(c.side()).append(")\n\n").append(c.body().strip()).append('\n');
        }
        if (plan.alreadyOnThePr() > 0) {
            out.append("\n_").append(plan.alreadyOnThePr()).append(" comments left out: already on the pull request._\n");
        }
        return out.toString();
    }
}
