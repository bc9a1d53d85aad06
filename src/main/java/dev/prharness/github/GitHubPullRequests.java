package dev.prharness.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.prharness.change.TextContent;
import dev.prharness.codehost.CheckRun;
import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.ExistingComment;
import dev.prharness.codehost.PullRequest;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.codehost.Reaction;
import dev.prharness.codehost.ReviewThread;
import dev.prharness.diff.ChangeType;
import dev.prharness.diff.DiffParseException;
import dev.prharness.diff.FileDiff;
import dev.prharness.diff.Hunk;
import dev.prharness.diff.UnifiedDiffParser;
import dev.prharness.review.ReviewPlan;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** Files per GraphQL query when many are read at once. */
    private static final int FILES_PER_QUERY = 100;
    /** GitHub lists at most this many files in a comparison of two commits. */
    private static final int COMPARE_FILE_LIMIT = 300;

    private final GitHubConnection connection;
    private final RawRequests raw;
    private final GitHubReviewThreads threads;
    private final GitHubCheckRuns checks;
    private final Map<String, GHRepository> repositories = new java.util.concurrent.ConcurrentHashMap<>();
    private final UnifiedDiffParser parser = new UnifiedDiffParser();

    public GitHubPullRequests(GitHubConnection connection) {
        this.connection = connection;
        this.raw = new RawRequests(connection);
        this.threads = new GitHubReviewThreads(raw);
        this.checks = new GitHubCheckRuns(raw);
    }

    @Override
    public PullRequest read(PullRequestRef ref) {
        return connection.call("reading pull request " + ref, () -> {
            GHRepository repository = repository(ref);
            GHPullRequest pr = repository.getPullRequest(ref.number());
            List<FileDiff> files = new ArrayList<>();
            for (GHPullRequestFileDetail file : pr.listFiles().withPageSize(100)) {
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
                GHRepository repository = repository(ref);
                GHCompare compare = repository.getCompare(base, head);
                List<FileDiff> files = new ArrayList<>();
                for (GHCompare.Commit.File file : compare.getFiles()) {
                    files.add(fileDiff(repository, file.getFileName(), file.getPreviousFilename(), file.getStatus(),
                            file.getPatch(), file.getLinesChanged(), base, head));
                }
                return new Comparison(compare.getStatus().name().toLowerCase(Locale.ROOT), files,
                        files.size() >= COMPARE_FILE_LIMIT);
            });
        } catch (GitHubException e) {
            if (e.status() == 404) {
                // A commit GitHub no longer knows (force-pushed away) compares as nothing in common.
                return new Comparison("unknown", List.of(), false);
            }
            throw e;
        }
    }

    /** The bytes of {@code path} at {@code sha}, or empty when there is no such file. */
    @Override
    public Optional<byte[]> fileAt(PullRequestRef ref, String path, String sha) {
        return connection.call("reading " + path + " at " + sha + " in " + ref.repository(),
                () -> read(repository(ref), path, sha));
    }

    /**
     * Many files at one commit in few requests: GraphQL, {@value #FILES_PER_QUERY} blobs a query. A file GraphQL
     * gives no text for (binary, or too large and cut) is read over REST like any other.
     */
    @Override
    public Map<String, Optional<byte[]>> filesAt(PullRequestRef ref, List<String> paths, String sha) {
        Map<String, Optional<byte[]>> files = new LinkedHashMap<>();
        for (int from = 0; from < paths.size(); from += FILES_PER_QUERY) {
            List<String> batch = paths.subList(from, Math.min(paths.size(), from + FILES_PER_QUERY));
            files.putAll(connection.call("reading " + batch.size() + " files at " + sha + " in " + ref.repository(),
                    () -> blobs(ref, batch, sha)));
        }
        for (Map.Entry<String, Optional<byte[]>> file : files.entrySet()) {
            if (file.getValue() == null) {
                file.setValue(fileAt(ref, file.getKey(), sha));
            }
        }
        return files;
    }

    /** One GraphQL query for a batch; a null value means "read it over REST". */
    private Map<String, Optional<byte[]>> blobs(PullRequestRef ref, List<String> paths, String sha)
            throws IOException {
        StringBuilder declarations = new StringBuilder("$owner: String!, $name: String!");
        StringBuilder fields = new StringBuilder();
        ObjectNode variables = JSON.createObjectNode().put("owner", ref.owner()).put("name", ref.repo());
        for (int i = 0; i < paths.size(); i++) {
            declarations.append(", $e").append(i).append(": String!");
            fields.append(" f").append(i).append(": object(expression: $e").append(i)
                    .append(") { ... on Blob { text isBinary isTruncated } }");
            variables.put("e" + i, sha + ":" + paths.get(i));
        }
        ObjectNode body = JSON.createObjectNode()
                .put("query", "query(" + declarations + ") { repository(owner: $owner, name: $name) {" + fields + " } }");
        body.set("variables", variables);
        RawRequests.Response response = raw.graphQl(body);
        JsonNode json = response.status() / 100 == 2 ? response.json() : null;
        if (json == null || json.path("data").path("repository").isMissingNode() || json.has("errors")) {
            throw new org.kohsuke.github.HttpException(response.body(), response.status() / 100 == 2 ? 502 : response.status(),
                    null, connection.apiUrl() + "/graphql");
        }
        Map<String, Optional<byte[]>> files = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            JsonNode blob = json.path("data").path("repository").path("f" + i);
            if (blob.isNull() || blob.isMissingNode()) {
                files.put(paths.get(i), Optional.empty());
            } else if (blob.path("isBinary").asBoolean(false) || blob.path("isTruncated").asBoolean(false)
                    || !blob.path("text").isTextual()) {
                files.put(paths.get(i), null);
            } else {
                files.put(paths.get(i), Optional.of(blob.path("text").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return files;
    }

    private GHRepository repository(PullRequestRef ref) throws IOException {
        GHRepository known = repositories.get(ref.repository());
        if (known != null) {
            return known;
        }
        GHRepository repository = connection.gitHub().getRepository(ref.repository());
        repositories.put(ref.repository(), repository);
        return repository;
    }

    /** Every conversation comment, inline review comment and review body on the pull request. */
    @Override
    public List<ExistingComment> comments(PullRequestRef ref) {
        return connection.call("listing the comments of " + ref, () -> {
            GHPullRequest pr = repository(ref).getPullRequest(ref.number());
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
        return connection.call("commenting on " + ref, () -> repository(ref)
                .getIssue(ref.number()).comment(body).getId());
    }

    @Override
    public void editComment(PullRequestRef ref, long commentId, String body) {
        connection.call("editing comment " + commentId + " on " + ref, () -> raw.sendOk("PATCH",
                repoPath(ref) + "/issues/comments/" + commentId, Map.of("body", body)));
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
            GHPermissionType permission = repository(ref).getPermission(login);
            return permission == GHPermissionType.ADMIN || permission == GHPermissionType.WRITE;
        });
    }

    /** Adds a reaction ({@code eyes}, {@code rocket}, {@code confused}, …) to a conversation comment. */
    @Override
    public void react(PullRequestRef ref, long commentId, String content) {
        connection.call("reacting to comment " + commentId + " on " + ref, () -> raw.sendOk("POST",
                repoPath(ref) + "/issues/comments/" + commentId + "/reactions", Map.of("content", content)));
    }

    @Override
    public List<Reaction> reviewCommentReactions(PullRequestRef ref, long reviewCommentId) {
        return connection.call("reading the reactions to comment " + reviewCommentId + " on " + ref, () -> {
            String path = repoPath(ref) + "/pulls/comments/" + reviewCommentId
                    + "/reactions?per_page=100";
            RawRequests.Response response = raw.send("GET", path, null);
            if (response.status() == 404) {
                return List.<Reaction>of(); // the comment was deleted meanwhile
            }
            List<Reaction> reactions = new ArrayList<>();
            for (JsonNode r : raw.ok(response, path)) {
                JsonNode user = r.path("user");
                reactions.add(new Reaction(r.path("id").asLong(), user.path("login").asText(""),
                        user.path("type").asText("").equals("Bot"), r.path("content").asText(""),
                        java.time.Instant.parse(r.path("created_at").asText("1970-01-01T00:00:00Z"))));
            }
            return reactions;
        });
    }

    @Override
    public void reactToReviewComment(PullRequestRef ref, long reviewCommentId, String content) {
        connection.call("reacting to review comment " + reviewCommentId + " on " + ref, () -> raw.sendOk("POST",
                repoPath(ref) + "/pulls/comments/" + reviewCommentId + "/reactions", Map.of("content", content)));
    }

    @Override
    public long replyInThread(PullRequestRef ref, long threadCommentId, String body) {
        return connection.call("replying in the thread of comment " + threadCommentId + " on " + ref, () -> raw.sendOk("POST",
                repoPath(ref) + "/pulls/" + ref.number() + "/comments/" + threadCommentId + "/replies", Map.of("body", body))
                .path("id").asLong());
    }

    @Override
    public List<ReviewThread> reviewThreads(PullRequestRef ref) {
        return connection.call("reading the review threads of " + ref, () -> threads.list(ref));
    }

    @Override
    public void resolveThread(PullRequestRef ref, String threadId) {
        connection.call("resolving review thread " + threadId + " on " + ref, () -> {
            threads.resolve(threadId);
            return null;
        });
    }

    @Override
    public List<String> filesIn(PullRequestRef ref, String directory, String commitish) {
        return connection.call("listing " + directory + " at " + commitish + " in " + ref.repository(), () -> {
            String path = repoPath(ref) + "/contents/" + directory + "?ref=" + java.net.URLEncoder.encode(commitish,
                    java.nio.charset.StandardCharsets.UTF_8);
            RawRequests.Response response = raw.send("GET", path, null);
            if (response.status() == 404) {
                return List.<String>of();
            }
            JsonNode listing = raw.ok(response, path);
            List<String> files = new ArrayList<>();
            if (listing.isArray()) {
                listing.forEach(entry -> {
                    if (entry.path("type").asText().equals("file")) {
                        files.add(entry.path("path").asText());
                    }
                });
            }
            return files;
        });
    }

    @Override
    public long startCheck(PullRequestRef ref, String name, String headSha, String title) {
        return connection.call("starting check run " + name + " on " + ref, () -> checks.start(ref, name, headSha, title));
    }

    @Override
    public void completeCheck(PullRequestRef ref, long checkRunId, CheckRun result) {
        connection.call("completing check run " + checkRunId + " on " + ref, () -> {
            checks.complete(ref, checkRunId, result);
            return null;
        });
    }

    static String repoPath(PullRequestRef ref) {
        return "/repos/" + ref.owner() + "/" + ref.repo();
    }

    /** The login this connection posts as, when GitHub can tell. */
    public Optional<String> login() {
        return connection.login();
    }

    private static String reviewsPath(PullRequestRef ref) {
        return repoPath(ref) + "/pulls/" + ref.number() + "/reviews";
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
