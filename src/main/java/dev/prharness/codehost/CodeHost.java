package dev.prharness.codehost;

import dev.prharness.diff.FileDiff;
import dev.prharness.review.ReviewPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the review flow needs from the place pull requests live: read a pull request and its files, compare
 * two commits, read a file at a commit, list the comments already there, post one review, write a comment,
 * check a user's permission, react. Failures are {@link CodeHostException}s.
 */
public interface CodeHost {

    PullRequest read(PullRequestRef ref);

    /** How {@code head} relates to {@code base} and the files changed between them. */
    Comparison compare(PullRequestRef ref, String base, String head);

    /** The bytes of {@code path} at {@code commitish} (a sha or a branch), or empty when there is no such file. */
    Optional<byte[]> fileAt(PullRequestRef ref, String path, String commitish);

    /** Several files at one commit; hosts that can read them in a batch do. Each path maps to its bytes, or empty. */
    default Map<String, Optional<byte[]>> filesAt(PullRequestRef ref, List<String> paths, String commitish) {
        Map<String, Optional<byte[]>> files = new LinkedHashMap<>();
        paths.forEach(path -> files.put(path, fileAt(ref, path, commitish)));
        return files;
    }

    /** Every conversation comment, inline review comment and review body on the pull request. */
    List<ExistingComment> comments(PullRequestRef ref);

    /**
     * Posts one review ({@code event: COMMENT}, never a pending review) with the plan's inline comments. When the
     * host refuses to place them (GitHub's 422: its view of the diff differs), nothing is posted and the outcome
     * says so; any other failure is a {@link CodeHostException}.
     */
    PostOutcome postReview(PullRequestRef ref, ReviewPlan plan);

    /** Writes a conversation comment; returns its id. */
    long createComment(PullRequestRef ref, String body);

    void editComment(PullRequestRef ref, long commentId, String body);

    /** Whether {@code login} may write to the repository (write, maintain or admin). */
    boolean canWrite(PullRequestRef ref, String login);

    /** Adds a reaction ({@code eyes}, {@code rocket}, {@code confused}, …) to a conversation comment. */
    void react(PullRequestRef ref, long commentId, String content);

    /**
     * The reactions on an inline review comment (the first 100). The host sends no event for a reaction, so the bot
     * reads those on its own comments when it reviews.
     */
    List<Reaction> reviewCommentReactions(PullRequestRef ref, long reviewCommentId);

    /** Adds a reaction to an inline review comment (a reply in a thread). */
    void reactToReviewComment(PullRequestRef ref, long reviewCommentId, String content);

    /**
     * Writes a reply in the thread that inline comment {@code threadCommentId} started (the host takes only a thread's
     * first comment here, not a reply); returns the reply's id.
     */
    long replyInThread(PullRequestRef ref, long threadCommentId, String body);

    /** The review threads of the pull request with their comments (on GitHub through GraphQL: REST has no threads). */
    List<ReviewThread> reviewThreads(PullRequestRef ref);

    /** Marks a review thread resolved. */
    void resolveThread(PullRequestRef ref, String threadId);

    /** The paths of the files directly in {@code directory} at {@code commitish}; empty when there is no such folder. */
    List<String> filesIn(PullRequestRef ref, String directory, String commitish);

    /**
     * Starts a check run named {@code name} on {@code headSha}, in progress; returns its id. A token that may not
     * write checks gets a {@link CodeHostException} with status 403.
     */
    long startCheck(PullRequestRef ref, String name, String headSha, String title);

    /** Completes a check run with its conclusion, summary and annotations (the host takes them in batches). */
    void completeCheck(PullRequestRef ref, long checkRunId, CheckRun result);

    /**
     * A comparison of two commits: the host's status (ahead, behind, diverged, identical, unknown), the changed
     * files, and whether the host cut the file list short (GitHub lists at most 300 files in a comparison).
     */
    record Comparison(String status, List<FileDiff> files, boolean cut) {}

    /** What a review post did: posted (with the review's id), or refused because of where its comments sit. */
    record PostOutcome(boolean posted, long reviewId) {}
}
