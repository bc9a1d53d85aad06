package dev.prharness.git;

import dev.prharness.change.ChangeInfo;
import dev.prharness.change.ChangeSet;
import dev.prharness.change.TextContent;
import dev.prharness.diff.Diff;
import dev.prharness.diff.DiffCache;
import java.util.List;
import java.util.Optional;

/** A range of commits in a local git repository, seen as a change to review. */
public final class LocalChange implements ChangeSet {

    private final GitRepository repository;
    private final String baseSha;
    private final String headSha;
    private final Diff diff;

    public LocalChange(GitRepository repository, String baseSha, String headSha, Diff diff) {
        this.repository = repository;
        this.baseSha = baseSha;
        this.headSha = headSha;
        this.diff = diff;
    }

    /** Reads the diff of {@code base..head} from the repository, or from the cache when it was read before. */
    public static LocalChange of(GitRepository repository, String baseSha, String headSha, DiffCache cache) {
        return new LocalChange(repository, baseSha, headSha,
                cache.get(baseSha, headSha, () -> repository.diff(baseSha, headSha)));
    }

    @Override
    public String baseSha() {
        return baseSha;
    }

    @Override
    public String headSha() {
        return headSha;
    }

    @Override
    public ChangeInfo info() {
        List<String> subjects = repository.subjects(baseSha, headSha);
        String title = subjects.isEmpty() ? "" : subjects.get(subjects.size() - 1);
        return new ChangeInfo("local:" + repository.root().getFileName(), title, String.join("\n", subjects), "");
    }

    @Override
    public Diff diff() {
        return diff;
    }

    @Override
    public Optional<String> readAtHead(String path) {
        return repository.fileAt(headSha, path).flatMap(TextContent::decode);
    }

    @Override
    public Optional<String> readAtBase(String path) {
        return repository.fileAt(baseSha, path).flatMap(TextContent::decode);
    }
}
