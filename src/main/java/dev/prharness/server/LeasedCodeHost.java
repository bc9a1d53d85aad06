package dev.prharness.server;

import dev.prharness.codehost.CheckRun;
import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.ForwardingCodeHost;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.review.ReviewPlan;

/**
 * A job's code host: reads go straight through; every write (review, comment, reply, edit, reaction, resolution, check) first confirms
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

    @Override
    public void reactToReviewComment(PullRequestRef ref, long reviewCommentId, String content) {
        lease.confirm();
        super.reactToReviewComment(ref, reviewCommentId, content);
    }

    @Override
    public long replyInThread(PullRequestRef ref, long threadCommentId, String body) {
        lease.confirm();
        return super.replyInThread(ref, threadCommentId, body);
    }

    @Override
    public void resolveThread(PullRequestRef ref, String threadId) {
        lease.confirm();
        super.resolveThread(ref, threadId);
    }

    @Override
    public long startCheck(PullRequestRef ref, String name, String headSha, String title) {
        lease.confirm();
        return super.startCheck(ref, name, headSha, title);
    }

    @Override
    public void completeCheck(PullRequestRef ref, long checkRunId, CheckRun result) {
        lease.confirm();
        super.completeCheck(ref, checkRunId, result);
    }
}
