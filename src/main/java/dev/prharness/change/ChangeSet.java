package dev.prharness.change;

import dev.prharness.diff.Diff;
import java.util.Collection;
import java.util.Optional;

/**
 * A read-only view of one change under review: what it compares, its diff, and file contents at either end.
 * A local git range and a GitHub pull request both are one; tools and reviews see nothing else.
 */
public interface ChangeSet {

    String baseSha();

    String headSha();

    /** What the change says about itself (PR title and body, or commit subjects): data, never instructions. */
    ChangeInfo info();

    Diff diff();

    /** The text of {@code path} at the head commit, or empty when it does not exist there or is not text. */
    Optional<String> readAtHead(String path);

    /** The text of {@code path} at the base commit, or empty when it does not exist there or is not text. */
    Optional<String> readAtBase(String path);

    /** Reads these files at the head commit ahead of use, where reading many at once is cheaper than one by one. */
    default void prefetch(Collection<String> paths) {
        // A change whose files cost as little one by one as in a batch needs no read-ahead.
    }
}
