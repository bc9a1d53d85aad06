package dev.prharness.codehost;

import dev.prharness.review.ReviewPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A code host that hands every call to another one: the base of decorators that change only some calls (what
 * is posted, or whether posting may happen at all).
 */
public abstract class ForwardingCodeHost implements CodeHost {

    private final CodeHost host;

    protected ForwardingCodeHost(CodeHost host) {
        this.host = host;
    }

    @Override
    public PullRequest read(PullRequestRef ref) {
        return host.read(ref);
    }

    @Override
    public Comparison compare(PullRequestRef ref, String base, String head) {
        return host.compare(ref, base, head);
    }

    @Override
    public Optional<byte[]> fileAt(PullRequestRef ref, String path, String commitish) {
        return host.fileAt(ref, path, commitish);
    }

    @Override
    public Map<String, Optional<byte[]>> filesAt(PullRequestRef ref, List<String> paths, String commitish) {
        return host.filesAt(ref, paths, commitish);
    }

    @Override
    public List<ExistingComment> comments(PullRequestRef ref) {
        return host.comments(ref);
    }

    @Override
    public PostOutcome postReview(PullRequestRef ref, ReviewPlan plan) {
        return host.postReview(ref, plan);
    }

    @Override
    public long createComment(PullRequestRef ref, String body) {
        return host.createComment(ref, body);
    }

    @Override
    public void editComment(PullRequestRef ref, long commentId, String body) {
        host.editComment(ref, commentId, body);
    }

    @Override
    public boolean canWrite(PullRequestRef ref, String login) {
        return host.canWrite(ref, login);
    }

    @Override
    public void react(PullRequestRef ref, long commentId, String content) {
        host.react(ref, commentId, content);
    }

    @Override
    public List<Reaction> reviewCommentReactions(PullRequestRef ref, long reviewCommentId) {
        return host.reviewCommentReactions(ref, reviewCommentId);
    }

    @Override
    public void reactToReviewComment(PullRequestRef ref, long reviewCommentId, String content) {
        host.reactToReviewComment(ref, reviewCommentId, content);
    }

    @Override
    public long replyInThread(PullRequestRef ref, long threadCommentId, String body) {
        return host.replyInThread(ref, threadCommentId, body);
    }

    @Override
    public List<ReviewThread> reviewThreads(PullRequestRef ref) {
        return host.reviewThreads(ref);
    }

    @Override
    public void resolveThread(PullRequestRef ref, String threadId) {
        host.resolveThread(ref, threadId);
    }

    @Override
    public List<String> filesIn(PullRequestRef ref, String directory, String commitish) {
        return host.filesIn(ref, directory, commitish);
    }

    @Override
    public long startCheck(PullRequestRef ref, String name, String headSha, String title) {
        return host.startCheck(ref, name, headSha, title);
    }

    @Override
    public void completeCheck(PullRequestRef ref, long checkRunId, CheckRun result) {
        host.completeCheck(ref, checkRunId, result);
    }
}
