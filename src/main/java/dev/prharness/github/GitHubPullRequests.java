package dev.prharness.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.prharness.change.TextContent;
import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.ExistingComment;
import dev.prharness.codehost.PullRequest;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.diff.ChangeType;
import dev.prharness.diff.DiffParseException;
import dev.prharness.diff.FileDiff;
import dev.prharness.diff.Hunk;
import dev.prharness.diff.UnifiedDiffParser;
import dev.prharness.review.ReviewPlan;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kohsuke.github.GHCompare;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestFileDetail;
import org.kohsuke.github.GHPullRequestReview;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHRepository;

/**
 * The code host on GitHub, through github-api: read a PR and its files (with a fallback when GitHub leaves out
 * a large file's patch), compare two commits, read files, list existing comments, post one review, write
 * comments, check permissions and react.
 */
public final class GitHubPullRequests implements CodeHost {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONTEXT_LINES = 3;

    private final GitHubConnection connection;
    private final RawRequests raw;
    private final UnifiedDiffParser parser = new UnifiedDiffParser();

    public GitHubPullRequests(GitHubConnection connection) {
        this.connection = connection;
        this.raw = new RawRequests(connection);
    }

    @Override
    public PullRequest read(PullRequestRef ref) {
        return connection.call("reading pull request " + ref, () -> {
            GHRepository repository = connection.gitHub().getRepository(ref.repository());
            GHPullRequest pr = repository.getPullRequest(ref.number());
            List<FileDiff> files = new ArrayList<>();
            for (GHPullRequestFileDetail file : pr.listFiles()) {
                files.add(fileDiff(repository, file.getFilename(), file.getPreviousFilename(), file.getStatus(),
                        file.getPatch(), file.getChanges(), pr.getBase().getSha(), pr.getHead().getSha()));
            }
            return new PullRequest(ref, pr.getTitle(), pr.getBody(), pr.getUser().getLogin(), pr.isDraft(),
                    pr.getBase().getSha(), pr.getHead().getSha(), repository.getDefaultBranch(), files);
        });
    }

    /** How {@code head} relates to {@code base} and the files changed between them. */
    @Override
    public Comparison compare(PullRequestRef ref, String base, String head) {
        try {
            return connection.call("comparing " + base + "..." + head + " in " + ref.repository(), () -> {
                GHRepository repository = connection.gitHub().getRepository(ref.repository());
                GHCompare compare = repository.getCompare(base, head);
                List<FileDiff> files = new ArrayList<>();
                for (GHCompare.Commit.File file : compare.getFiles()) {
                    files.add(fileDiff(repository, file.getFileName(), file.getPreviousFilename(), file.getStatus(),
                            file.getPatch(), file.getLinesChanged(), base, head));
                }
                return new Comparison(compare.getStatus().name().toLowerCase(java.util.Locale.ROOT), files);
            });
        } catch (GitHubException e) {
            if (e.status() == 404) {
                // A commit GitHub no longer knows (force-pushed away) compares as nothing in common.
                return new Comparison("unknown", List.of());
            }
            throw e;
        }
    }

    /** The bytes of {@code path} at {@code sha}, or empty when there is no such file. */
    @Override
    public Optional<byte[]> fileAt(PullRequestRef ref, String path, String sha) {
        return connection.call("reading " + path + " at " + sha + " in " + ref.repository(), () -> {
            GHRepository repository = connection.gitHub().getRepository(ref.repository());
            return read(repository, path, sha);
        });
    }

    /** Every conversation comment, inline review comment and review body on the pull request. */
    @Override
    public List<ExistingComment> comments(PullRequestRef ref) {
        return connection.call("listing the comments of " + ref, () -> {
            GHPullRequest pr = connection.gitHub().getRepository(ref.repository()).getPullRequest(ref.number());
            List<ExistingComment> all = new ArrayList<>();
            for (GHIssueComment c : pr.queryComments().list()) {
                all.add(new ExistingComment(ExistingComment.Kind.ISSUE_COMMENT, c.getId(), c.getUser().getLogin(), c.getBody()));
            }
            for (GHPullRequestReviewComment c : pr.listReviewComments()) {
                all.add(new ExistingComment(ExistingComment.Kind.REVIEW_COMMENT, c.getId(), c.getUser().getLogin(), c.getBody()));
            }
            for (GHPullRequestReview r : pr.listReviews()) {
                all.add(new ExistingComment(ExistingComment.Kind.REVIEW_BODY, r.getId(),
                        r.getUser() == null ? "" : r.getUser().getLogin(), r.getBody()));
            }
            return all;
        });
    }

    @Override
    public long createComment(PullRequestRef ref, String body) {
        return connection.call("commenting on " + ref, () -> connection.gitHub().getRepository(ref.repository())
                .getIssue(ref.number()).comment(body).getId());
    }

    @Override
    public void editComment(PullRequestRef ref, long commentId, String body) {
        connection.call("editing comment " + commentId + " on " + ref, () -> {
            String path = "/repos/" + ref.owner() + "/" + ref.repo() + "/issues/comments/" + commentId;
            RawRequests.Response response = raw.send("PATCH", path, java.util.Map.of("body", body));
            if (response.status() / 100 != 2) {
                throw new org.kohsuke.github.HttpException(response.body(), response.status(), null, connection.apiUrl() + path);
            }
            return null;
        });
    }

    /**
     * Posts one review ({@code event: COMMENT}) with the plan's inline comments, in one request: GitHub allows
     * one pending review per user, so comments are never tried one by one. A 422 with inline comments means
     * GitHub placed the diff differently; the caller decides what to post instead.
     */
    @Override
    public PostOutcome postReview(PullRequestRef ref, ReviewPlan plan) {
        return connection.call("posting the review on " + ref, () -> {
            RawRequests.Response response = raw.send("POST", reviewsPath(ref), reviewRequest(plan));
            if (response.status() / 100 == 2) {
                return new PostOutcome(true, response.json().path("id").asLong());
            }
            if (response.status() == 422 && !plan.inline().isEmpty()) {
                return new PostOutcome(false, 0);
            }
            throw new org.kohsuke.github.HttpException(response.body(), response.status(), null,
                    connection.apiUrl() + reviewsPath(ref));
        });
    }

    /**
     * Whether {@code login} may write to the repository (write, maintain or admin), by GitHub's
     * collaborator-permission API; {@code author_association} in a payload is not enough.
     */
    @Override
    public boolean canWrite(PullRequestRef ref, String login) {
        return connection.call("checking the permission of " + login + " on " + ref.repository(), () -> {
            GHPermissionType permission = connection.gitHub().getRepository(ref.repository()).getPermission(login);
            return permission == GHPermissionType.ADMIN || permission == GHPermissionType.WRITE;
        });
    }

    /** Adds a reaction ({@code eyes}, {@code rocket}, {@code confused}, …) to a conversation comment. */
    @Override
    public void react(PullRequestRef ref, long commentId, String content) {
        connection.call("reacting to comment " + commentId + " on " + ref, () -> {
            String path = "/repos/" + ref.owner() + "/" + ref.repo() + "/issues/comments/" + commentId + "/reactions";
            RawRequests.Response response = raw.send("POST", path, java.util.Map.of("content", content));
            if (response.status() / 100 != 2) {
                throw new org.kohsuke.github.HttpException(response.body(), response.status(), null, connection.apiUrl() + path);
            }
            return null;
        });
    }

    /** The login this connection posts as, when GitHub can tell. */
    public Optional<String> login() {
        return connection.login();
    }

    private static String reviewsPath(PullRequestRef ref) {
        return "/repos/" + ref.owner() + "/" + ref.repo() + "/pulls/" + ref.number() + "/reviews";
    }

    private static ObjectNode reviewRequest(ReviewPlan plan) {
        ObjectNode request = JSON.createObjectNode();
        request.put("commit_id", plan.commitSha());
        request.put("body", plan.reviewBody());
        request.put("event", "COMMENT");
        ArrayNode array = request.putArray("comments");
        for (ReviewPlan.InlineComment c : plan.inline()) {
            ObjectNode node = array.addObject();
            node.put("path", c.path());
            node.put("line", c.line());
            node.put("side", c.side().name());
            if (c.startLine() != null) {
                node.put("start_line", c.startLine());
                node.put("start_side", c.side().name());
            }
            node.put("body", c.body());
        }
        return request;
    }

    private FileDiff fileDiff(GHRepository repository, String path, String previous, String status, String patch,
            int changes, String baseSha, String headSha) throws IOException {
        ChangeType type = switch (status) {
            case "added" -> ChangeType.ADDED;
            case "removed" -> ChangeType.DELETED;
            case "renamed" -> ChangeType.RENAMED;
            case "copied" -> ChangeType.COPIED;
            default -> ChangeType.MODIFIED;
        };
        String oldPath = type == ChangeType.ADDED ? null : (previous != null ? previous : path);
        String newPath = type == ChangeType.DELETED ? null : path;
        if (patch != null) {
            try {
                return new FileDiff(oldPath, newPath, type, false, null, null, parser.parseHunks(patch));
            } catch (DiffParseException e) {
                return FileDiff.unreadable(oldPath, newPath, type, e.getMessage());
            }
        }
        if (changes == 0) {
            // No patch and no line changes: a binary file, or a rename or mode change without content change.
            return new FileDiff(oldPath, newPath, type, type != ChangeType.RENAMED, null, null, List.of());
        }
        // GitHub leaves out the patch of a large file: diff its two versions ourselves.
        Optional<String> before = oldPath == null ? Optional.of("") : read(repository, oldPath, baseSha).flatMap(TextContent::decode);
        Optional<String> after = newPath == null ? Optional.of("") : read(repository, newPath, headSha).flatMap(TextContent::decode);
        if (before.isEmpty() || after.isEmpty()) {
            return new FileDiff(oldPath, newPath, type, true, null, null, List.of());
        }
        return new FileDiff(oldPath, newPath, type, false, null, null, hunksOf(path, before.get(), after.get()));
    }

    private List<Hunk> hunksOf(String path, String before, String after) {
        List<String> oldLines = before.lines().toList();
        List<String> newLines = after.lines().toList();
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, oldLines,
                DiffUtils.diff(oldLines, newLines), CONTEXT_LINES);
        return parser.parseHunks(String.join("\n", unified.subList(Math.min(2, unified.size()), unified.size())) + "\n");
    }

    private static Optional<byte[]> read(GHRepository repository, String path, String sha) throws IOException {
        try {
            GHContent content = repository.getFileContent(path, sha);
            if (!content.isFile()) {
                return Optional.empty();
            }
            try (InputStream in = "base64".equals(content.getEncoding()) ? content.read() : repository.readBlob(content.getSha())) {
                return Optional.of(in.readAllBytes());
            }
        } catch (GHFileNotFoundException e) {
            return Optional.empty();
        }
    }
}
