package dev.prharness.codehost;

import dev.prharness.review.ReviewPlan;
import dev.prharness.safety.OutgoingFilter;
import java.util.List;

/** A code host whose every posted text (review body, inline comments, comments, replies, edits, check runs) passes the outgoing filter. */
public final class FilteredCodeHost extends ForwardingCodeHost {

    private final OutgoingFilter filter;

    public FilteredCodeHost(CodeHost host, OutgoingFilter filter) {
        super(host);
        this.filter = filter;
    }

    @Override
    public PostOutcome postReview(PullRequestRef ref, ReviewPlan plan) {
        List<ReviewPlan.InlineComment> inline = plan.inline().stream()
                .map(c -> new ReviewPlan.InlineComment(c.path(), c.line(), c.startLine(), c.side(), filter.apply(c.body()),
                        c.fingerprint(), c.severity()))
                .toList();
        return super.postReview(ref, new ReviewPlan(plan.commitSha(), filter.apply(plan.reviewBody()), inline, plan.overflow(),
                plan.alreadyOnThePr(), filter.apply(plan.summaryComment())));
    }

    @Override
    public long createComment(PullRequestRef ref, String body) {
        return super.createComment(ref, filter.apply(body));
    }

    @Override
    public void editComment(PullRequestRef ref, long commentId, String body) {
        super.editComment(ref, commentId, filter.apply(body));
    }

    @Override
    public long replyInThread(PullRequestRef ref, long threadCommentId, String body) {
        return super.replyInThread(ref, threadCommentId, filter.apply(body));
    }

    @Override
    public void completeCheck(PullRequestRef ref, long checkRunId, CheckRun result) {
        super.completeCheck(ref, checkRunId, new CheckRun(result.conclusion(), filter.apply(result.title()),
                filter.apply(result.summary()), result.annotations().stream()
                .map(a -> new CheckRun.Annotation(a.path(), a.line(), a.level(), filter.apply(a.title()), filter.apply(a.message())))
                .toList()));
    }
}
