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
}
