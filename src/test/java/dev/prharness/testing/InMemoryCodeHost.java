package dev.prharness.testing;

import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.CodeHostException;
import dev.prharness.codehost.ExistingComment;
import dev.prharness.codehost.PullRequest;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.diff.Diff;
import dev.prharness.diff.UnifiedDiffParser;
import dev.prharness.review.ReviewPlan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A code host in memory for the review flow's unit tests: one pull request given as a unified diff, files at
 * commits, comments, reviews, permissions and reactions. It refuses what GitHub refuses: an inline comment
 * outside the diff (the whole review), a body over 65,536 characters, a write by a read-only token.
 */
public final class InMemoryCodeHost implements CodeHost {

    public static final int MAX_BODY_CHARS = 65_536;

    /** A comment or review as posted: who, where it lives, its id and text. */
    public record Posted(ExistingComment.Kind kind, long id, String author, String body) {}

    private final String botLogin;
    private final Map<PullRequestRef, PullRequest> pulls = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, String> permissions = new HashMap<>();
    private final List<Posted> comments = new ArrayList<>();
    private final List<ReviewPlan> reviews = new ArrayList<>();
    private final List<String> reactions = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(100);
    private boolean readOnly;

    /** {@code botLogin}: whom this host's token posts as. */
    public InMemoryCodeHost(String botLogin) {
        this.botLogin = botLogin;
    }

    /** A pull request whose changes are {@code gitDiff} between {@code baseSha} and {@code headSha}. */
    public PullRequest pullRequest(PullRequestRef ref, String baseSha, String headSha, String gitDiff) {
        PullRequest pr = new PullRequest(ref, "Load lazily", "Loads on first use.", "mira-dev", false, baseSha, headSha,
                "main", new UnifiedDiffParser().parse(gitDiff));
        pulls.put(ref, pr);
        return pr;
    }

    public InMemoryCodeHost file(String path, String commitish, String text) {
        files.put(commitish + ":" + path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public InMemoryCodeHost permission(String login, String permission) {
        permissions.put(login, permission);
        return this;
    }

    public InMemoryCodeHost readOnly() {
        readOnly = true;
        return this;
    }

    /** A conversation comment someone else wrote. */
    public long commentBy(String author, String body) {
        long id = ids.incrementAndGet();
        comments.add(new Posted(ExistingComment.Kind.ISSUE_COMMENT, id, author, body));
        return id;
    }

    public List<Posted> posted() {
        return List.copyOf(comments);
    }

    public List<ReviewPlan> reviews() {
        return List.copyOf(reviews);
    }

    public List<String> reactions() {
        return List.copyOf(reactions);
    }

    @Override
    public PullRequest read(PullRequestRef ref) {
        return Optional.ofNullable(pulls.get(ref)).orElseThrow(() -> new CodeHostException("no pull request " + ref, 404, null));
    }

    @Override
    public Comparison compare(PullRequestRef ref, String base, String head) {
        return new Comparison("unknown", List.of(), false);
    }

    @Override
    public Optional<byte[]> fileAt(PullRequestRef ref, String path, String commitish) {
        return Optional.ofNullable(files.get(commitish + ":" + path));
    }

    @Override
    public List<ExistingComment> comments(PullRequestRef ref) {
        return comments.stream().map(c -> new ExistingComment(c.kind(), c.id(), c.author(), c.body())).toList();
    }

    @Override
    public PostOutcome postReview(PullRequestRef ref, ReviewPlan plan) {
        writable();
        fits(plan.reviewBody());
        Diff diff = new Diff(read(ref).files());
        List<ReviewPlan.InlineComment> refused = plan.inline().stream()
                .filter(c -> !diff.check(c.path(), c.startLine(), c.line(), c.side()).accepted()).toList();
        if (!refused.isEmpty()) {
            return new PostOutcome(false, 0);
        }
        plan.inline().forEach(c -> fits(c.body()));
        long id = ids.incrementAndGet();
        reviews.add(plan);
        comments.add(new Posted(ExistingComment.Kind.REVIEW_BODY, id, botLogin, plan.reviewBody()));
        plan.inline().forEach(c -> comments.add(new Posted(ExistingComment.Kind.REVIEW_COMMENT, ids.incrementAndGet(),
                botLogin, c.body())));
        return new PostOutcome(true, id);
    }

    @Override
    public long createComment(PullRequestRef ref, String body) {
        writable();
        fits(body);
        long id = ids.incrementAndGet();
        comments.add(new Posted(ExistingComment.Kind.ISSUE_COMMENT, id, botLogin, body));
        return id;
    }

    @Override
    public void editComment(PullRequestRef ref, long commentId, String body) {
        writable();
        fits(body);
        for (int i = 0; i < comments.size(); i++) {
            Posted c = comments.get(i);
            if (c.id() == commentId && c.kind() == ExistingComment.Kind.ISSUE_COMMENT) {
                // Like GitHub, a token with write access may edit anyone's comment: the bot must not.
                comments.set(i, new Posted(c.kind(), c.id(), c.author(), body));
                return;
            }
        }
        throw new CodeHostException("no comment " + commentId, 404, null);
    }

    @Override
    public boolean canWrite(PullRequestRef ref, String login) {
        String permission = permissions.getOrDefault(login, "none");
        return permission.equals("write") || permission.equals("maintain") || permission.equals("admin");
    }

    @Override
    public void react(PullRequestRef ref, long commentId, String content) {
        writable();
        reactions.add(commentId + ":" + content);
    }

    /** No one reacts to the bot's inline comments here. */
    @Override
    public List<dev.prharness.codehost.Reaction> reviewCommentReactions(PullRequestRef ref, long reviewCommentId) {
        return List.of();
    }

    @Override
    public void reactToReviewComment(PullRequestRef ref, long reviewCommentId, String content) {
        writable();
        reactions.add(reviewCommentId + ":" + content);
    }

    @Override
    public long replyInThread(PullRequestRef ref, long threadCommentId, String body) {
        writable();
        fits(body);
        long id = ids.incrementAndGet();
        comments.add(new Posted(ExistingComment.Kind.REVIEW_COMMENT, id, botLogin, body));
        return id;
    }

    /** Threads are the fake GitHub's business; this host has none. */
    @Override
    public List<dev.prharness.codehost.ReviewThread> reviewThreads(PullRequestRef ref) {
        return List.of();
    }

    @Override
    public void resolveThread(PullRequestRef ref, String threadId) {
        writable();
        throw new CodeHostException("no review thread " + threadId, 404, null);
    }

    @Override
    public List<String> filesIn(PullRequestRef ref, String directory, String commitish) {
        String prefix = commitish + ":" + directory.replaceAll("/+$", "") + "/";
        return files.keySet().stream().filter(k -> k.startsWith(prefix) && k.indexOf('/', prefix.length()) < 0)
                .map(k -> k.substring(commitish.length() + 1)).sorted().toList();
    }

    /** Check runs are the fake GitHub's business: this host's token may not write them, as a personal token may not. */
    @Override
    public long startCheck(PullRequestRef ref, String name, String headSha, String title) {
        throw new CodeHostException("You must authenticate via a GitHub App.", 403, null);
    }

    @Override
    public void completeCheck(PullRequestRef ref, long checkRunId, dev.prharness.codehost.CheckRun result) {
        throw new CodeHostException("no check run " + checkRunId, 404, null);
    }

    private void writable() {
        if (readOnly) {
            throw new CodeHostException("Resource not accessible by integration", 403, null);
        }
    }

    private static void fits(String body) {
        if (body.length() > MAX_BODY_CHARS) {
            throw new CodeHostException("body is too long (maximum is " + MAX_BODY_CHARS + " characters)", 422, null);
        }
    }
}
