package dev.prharness.codehost;

import dev.prharness.review.ReviewPlan;
import dev.prharness.safety.OutgoingFilter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A code host whose every posted text (review body, inline comments, comments, edits) passes the outgoing filter. */
public final class FilteredCodeHost implements CodeHost {

    private final CodeHost host;
    private final OutgoingFilter filter;

    public FilteredCodeHost(CodeHost host, OutgoingFilter filter) {
        this.host = host;
        this.filter = filter;
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
        List<ReviewPlan.InlineComment> inline = plan.inline().stream()
                .map(c -> new ReviewPlan.InlineComment(c.path(), c.line(), c.startLine(), c.side(), filter.apply(c.body()),
                        c.fingerprint(), c.severity()))
                .toList();
        return host.postReview(ref, new ReviewPlan(plan.commitSha(), filter.apply(plan.reviewBody()), inline, plan.overflow(),
                plan.alreadyOnThePr(), filter.apply(plan.summaryComment())));
    }

    @Override
    public long createComment(PullRequestRef ref, String body) {
        return host.createComment(ref, filter.apply(body));
    }

    @Override
    public void editComment(PullRequestRef ref, long commentId, String body) {
        host.editComment(ref, commentId, filter.apply(body));
    }

    @Override
    public boolean canWrite(PullRequestRef ref, String login) {
        return host.canWrite(ref, login);
    }

    @Override
    public void react(PullRequestRef ref, long commentId, String content) {
        host.react(ref, commentId, content);
    }
}
