package dev.prharness.config;

import dev.prharness.diff.FilterMode;
import dev.prharness.diff.PathGlob;
import dev.prharness.instructions.TeamInstructions;
import dev.prharness.lint.LintRules;
import dev.prharness.review.Severity;
import java.util.List;
import java.util.Optional;

/**
 * How one repository is reviewed ({@code .github/pr-harness.yml}, or {@code --config}): on or off, which
 * files are ignored, where findings may go, the lowest severity worth a comment, the inline comment cap,
 * rulesets (already read and checked), extra instructions for the model, rules whose findings maintainers
 * silenced for the whole repository ({@code ignore_rules}), whether threads of fixed findings are resolved, whether the
 * team's instruction files reach the model (and, once read, those that apply to the change), and the lowest severity
 * that makes the check run fail ({@code fail_on}).
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
        List<IgnoredRule> ignoreRules,
        boolean resolveFixedThreads,
        boolean instructionsFiles,
        Optional<Severity> failOn,
        TeamInstructions teamInstructions) {

    public static final int DEFAULT_MAX_INLINE_COMMENTS = 20;
    /** Files read and reviewed in one run at most; a pull request may have 3,000. */
    public static final int DEFAULT_MAX_FILES = 300;

    public ReviewConfig {
        ignore = List.copyOf(ignore);
        ignoreRules = List.copyOf(ignoreRules);
    }

    public static ReviewConfig defaults() {
        return new ReviewConfig(true, FilterMode.ADDED, Severity.INFO, DEFAULT_MAX_INLINE_COMMENTS, List.of(),
                LintRules.defaults(), "", false, DEFAULT_MAX_FILES, true, List.of(), true, true, Optional.empty(),
                TeamInstructions.NONE);
    }

    /** The same config with the team's instruction files that apply to the change under review. */
    public ReviewConfig withTeamInstructions(TeamInstructions team) {
        return new ReviewConfig(enabled, filter, minSeverity, maxInlineComments, ignore, rules, instructions, reviewDrafts,
                maxFiles, onlyNew, ignoreRules, resolveFixedThreads, instructionsFiles, failOn, team);
    }

    /** The first ignore glob that matches {@code path}, if any. */
    public Optional<String> ignoredBy(String path) {
        return ignore.stream().filter(glob -> PathGlob.matches(glob, path)).findFirst();
    }
}
