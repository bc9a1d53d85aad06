package dev.prharness.server;

import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.ForwardingCodeHost;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.review.ReviewPlan;

/**
 * A job's code host: reads go straight through; every write (review, comment, edit, reaction) first confirms
 * that the job's lease is still this worker's, so a worker whose job another replica took over posts nothing.
 */
final class LeasedCodeHost extends ForwardingCodeHost {

    private final LeaseCheck lease;

    LeasedCodeHost(CodeHost host, LeaseCheck lease) {
        super(host);
        this.lease = lease;
    }

    @Override
    public PostOutcome postReview(PullRequestRef ref, ReviewPlan plan) {
        lease.confirm();
        return super.postReview(ref, plan);
    }

    @Override
    public long createComment(PullRequestRef ref, String body) {
        lease.confirm();
        return super.createComment(ref, body);
    }

    @Override
    public void editComment(PullRequestRef ref, long commentId, String body) {
        lease.confirm();
        super.editComment(ref, commentId, body);
    }

    @Override
    public void react(PullRequestRef ref, long commentId, String content) {
        lease.confirm();
        super.react(ref, commentId, content);
    }
}
