package dev.prharness.github;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.prharness.change.ChangeInfo;
import dev.prharness.change.ChangeSet;
import dev.prharness.change.TextContent;
import dev.prharness.diff.Diff;
import dev.prharness.diff.FileDiff;
import java.util.List;
import java.util.Optional;

/**
 * A pull request seen as a change to review: the PR's own diff, or (incremental review) the diff between
 * the last reviewed head and the new head. Files are read from GitHub at either commit, once each.
 */
public final class PullRequestChange implements ChangeSet {

    private final GitHubPullRequests github;
    private final PullRequest pr;
    private final String baseSha;
    private final Diff diff;
    private final Cache<String, Optional<String>> contents = Caffeine.newBuilder().maximumSize(2_000).build();

    private PullRequestChange(GitHubPullRequests github, PullRequest pr, String baseSha, List<FileDiff> files) {
        this.github = github;
        this.pr = pr;
        this.baseSha = baseSha;
        this.diff = new Diff(files);
    }

    /** The whole pull request: its base against its head. */
    public static PullRequestChange whole(GitHubPullRequests github, PullRequest pr) {
        return new PullRequestChange(github, pr, pr.baseSha(), pr.files());
    }

    /** Only what changed between {@code reviewedHead} and the PR's head. */
    public static PullRequestChange since(GitHubPullRequests github, PullRequest pr, String reviewedHead, List<FileDiff> files) {
        return new PullRequestChange(github, pr, reviewedHead, files);
    }

    @Override
    public String baseSha() {
        return baseSha;
    }

    @Override
    public String headSha() {
        return pr.headSha();
    }

    @Override
    public ChangeInfo info() {
        return new ChangeInfo(pr.ref().toString(), pr.title(), pr.body(), pr.author());
    }

    @Override
    public Diff diff() {
        return diff;
    }

    @Override
    public Optional<String> readAtHead(String path) {
        return read(path, pr.headSha());
    }

    @Override
    public Optional<String> readAtBase(String path) {
        return read(path, baseSha);
    }

    private Optional<String> read(String path, String sha) {
        return contents.get(sha + ":" + path, key -> github.fileAt(pr.ref(), path, sha).flatMap(TextContent::decode));
    }
}
