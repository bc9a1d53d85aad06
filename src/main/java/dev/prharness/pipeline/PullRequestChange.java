package dev.prharness.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.prharness.change.ChangeInfo;
import dev.prharness.change.ChangeSet;
import dev.prharness.change.TextContent;
import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.PullRequest;
import dev.prharness.diff.Diff;
import dev.prharness.diff.FileDiff;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A pull request seen as a change to review: the PR's own diff, or (incremental review) the diff between
 * the last reviewed head and the new head. Files are read from the code host at the head commit, once each.
 */
public final class PullRequestChange implements ChangeSet {

    private final CodeHost host;
    private final PullRequest pr;
    private final String baseSha;
    private final Diff diff;
    private final Cache<String, Optional<String>> contents = Caffeine.newBuilder().maximumSize(4_000).build();

    private PullRequestChange(CodeHost host, PullRequest pr, String baseSha, List<FileDiff> files) {
        this.host = host;
        this.pr = pr;
        this.baseSha = baseSha;
        this.diff = new Diff(files);
    }

    /** The whole pull request: its base against its head. */
    public static PullRequestChange whole(CodeHost host, PullRequest pr) {
        return new PullRequestChange(host, pr, pr.baseSha(), pr.files());
    }

    /** Only what changed between {@code reviewedHead} and the PR's head. */
    public static PullRequestChange since(CodeHost host, PullRequest pr, String reviewedHead, List<FileDiff> files) {
        return new PullRequestChange(host, pr, reviewedHead, files);
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
    public void prefetch(Collection<String> paths) {
        List<String> missing = paths.stream().filter(p -> contents.getIfPresent(p) == null).distinct().toList();
        if (missing.size() > 1) {
            host.filesAt(pr.ref(), missing, pr.headSha())
                    .forEach((path, bytes) -> contents.put(path, bytes.flatMap(TextContent::decode)));
        }
    }

    @Override
    public Optional<String> readAtBase(String path) {
        return contents.get(baseSha + ":" + path, key -> host.fileAt(pr.ref(), path, baseSha).flatMap(TextContent::decode));
    }

    @Override
    public Optional<String> readAtHead(String path) {
        return contents.get(path, key -> host.fileAt(pr.ref(), path, pr.headSha()).flatMap(TextContent::decode));
    }
}
