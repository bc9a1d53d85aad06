package dev.prharness.pipeline;

import dev.prharness.config.ReviewConfig;
import dev.prharness.diff.ChangeType;
import dev.prharness.diff.Diff;
import dev.prharness.diff.FileDiff;
import dev.prharness.review.Review.SkippedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which changed files a review looks at, and why the others are skipped. */
public record ReviewScope(List<FileDiff> files, List<SkippedFile> skipped) {

    public ReviewScope {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }

    public static ReviewScope of(Diff diff, ReviewConfig config) {
        List<FileDiff> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (FileDiff file : diff.files()) {
            Optional<String> reason = reasonToSkip(file, config);
            if (reason.isPresent()) {
                skipped.add(new SkippedFile(file.path(), reason.get()));
            } else if (files.size() < config.maxFiles()) {
                files.add(file);
            } else {
                skipped.add(new SkippedFile(file.path(), OVER_MAX_FILES + " (" + config.maxFiles() + ") allows in one "
                        + "review; raise max_files in .github/pr-harness.yml or review the rest with the CLI"));
            }
        }
        return new ReviewScope(files, skipped);
    }

    /**
     * What this scope leaves out that a review should have covered: files over {@code max_files}, diffs that could not
     * be read (deleted, binary and ignored files are left out by design).
     */
    public List<String> shortfalls() {
        List<String> shortfalls = new ArrayList<>();
        long over = skipped.stream().filter(s -> s.reason().startsWith(OVER_MAX_FILES)).count();
        if (over > 0) {
            shortfalls.add(over + (over == 1 ? " file" : " files") + " not reviewed: more than max_files");
        }
        skipped.stream().filter(s -> s.reason().startsWith(UNREADABLE))
                .forEach(s -> shortfalls.add(s.path() + ": " + s.reason()));
        return shortfalls;
    }

    private static final String OVER_MAX_FILES = "not reviewed: the change has more files than max_files";
    private static final String UNREADABLE = "its diff could not be read";

    private static Optional<String> reasonToSkip(FileDiff file, ReviewConfig config) {
        if (file.type() == ChangeType.DELETED) {
            return Optional.of("deleted");
        }
        if (file.unreadable() != null) {
            return Optional.of(UNREADABLE + " (" + file.unreadable() + ")");
        }
        if (file.binary()) {
            return Optional.of("binary file");
        }
        Optional<String> glob = config.ignoredBy(file.path());
        if (glob.isPresent()) {
            return Optional.of("matches ignore pattern `" + glob.get() + "`");
        }
        if (file.hunks().isEmpty()) {
            return Optional.of(file.type() == ChangeType.RENAMED ? "renamed without changes" : "no content change");
        }
        return Optional.empty();
    }
}
