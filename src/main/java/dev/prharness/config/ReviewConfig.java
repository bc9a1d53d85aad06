package dev.prharness.config;

import dev.prharness.diff.FilterMode;
import dev.prharness.lint.LintRules;
import dev.prharness.review.Severity;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;

/**
 * How one repository is reviewed ({@code .github/pr-harness.yml}, or {@code --config}): on or off, which
 * files are ignored, where findings may go, the lowest severity worth a comment, the inline comment cap,
 * rulesets (already read and checked), extra instructions for the model, and rules whose findings maintainers
 * silenced for the whole repository ({@code ignore_rules}).
 */
public record ReviewConfig(
        boolean enabled,
        FilterMode filter,
        Severity minSeverity,
        int maxInlineComments,
        List<String> ignore,
        LintRules rules,
        String instructions,
        boolean reviewDrafts,
        int maxFiles,
        boolean onlyNew,
        List<String> ignoreRules) {

    public static final int DEFAULT_MAX_INLINE_COMMENTS = 20;
    /** Files read and reviewed in one run at most; a pull request may have 3,000. */
    public static final int DEFAULT_MAX_FILES = 300;

    public ReviewConfig {
        ignore = List.copyOf(ignore);
        ignoreRules = List.copyOf(ignoreRules);
    }

    public static ReviewConfig defaults() {
        return new ReviewConfig(true, FilterMode.ADDED, Severity.INFO, DEFAULT_MAX_INLINE_COMMENTS, List.of(),
                LintRules.defaults(), "", false, DEFAULT_MAX_FILES, true, List.of());
    }

    /** The first ignore glob that matches {@code path}, if any. */
    public Optional<String> ignoredBy(String path) {
        Path asPath = Path.of(path);
        for (String glob : ignore) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (matcher.matches(asPath) || (!glob.contains("/") && matcher.matches(asPath.getFileName()))) {
                return Optional.of(glob);
            }
        }
        return Optional.empty();
    }
}
