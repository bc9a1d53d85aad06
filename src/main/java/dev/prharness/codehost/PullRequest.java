package dev.prharness.codehost;

import dev.prharness.diff.FileDiff;
import java.util.List;

/**
 * A pull request as read from its code host: its identity, description, the commits it compares, whether it is
 * a draft, the repository's default branch, and its changed files as diffs.
 */
public record PullRequest(
        PullRequestRef ref,
        String title,
        String body,
        String author,
        boolean draft,
        String baseSha,
        String headSha,
        String defaultBranch,
        List<FileDiff> files) {

    public PullRequest {
        files = List.copyOf(files);
        body = body == null ? "" : body;
    }
}
