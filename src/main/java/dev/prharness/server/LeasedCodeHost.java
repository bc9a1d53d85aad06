package dev.prharness.server;

import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.ExistingComment;
import dev.prharness.codehost.PullRequest;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.review.ReviewPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's code host: reads go straight through; every write (review, comment, edit, reaction) first confirms
 * that the job's lease is still this worker's, so a worker whose job another replica took over posts nothing.
 */
final class LeasedCodeHost implements CodeHost {

    private final CodeHost host;
    private final LeaseCheck lease;

    LeasedCodeHost(CodeHost host, LeaseCheck lease) {
        this.host = host;
        this.lease = lease;
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
    public boolean canWrite(PullRequestRef ref, String login) {
        return host.canWrite(ref, login);
    }

    @Override
    public PostOutcome postReview(PullRequestRef ref, ReviewPlan plan) {
        lease.confirm();
        return host.postReview(ref, plan);
    }

    @Override
    public long createComment(PullRequestRef ref, String body) {
        lease.confirm();
        return host.createComment(ref, body);
    }

    @Override
    public void editComment(PullRequestRef ref, long commentId, String body) {
        lease.confirm();
        host.editComment(ref, commentId, body);
    }

    @Override
    public void react(PullRequestRef ref, long commentId, String content) {
        lease.confirm();
        host.react(ref, commentId, content);
    }
}
