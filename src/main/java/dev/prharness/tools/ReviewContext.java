package dev.prharness.tools;

import dev.prharness.change.ChangeSet;
import dev.prharness.lint.LintEngine;
import dev.prharness.lint.LintRules;
import dev.prharness.safety.UntrustedText;
import java.util.List;
import java.util.Map;

/**
 * What the review tools of one run see: the change (read-only), which files are in the review and why the
 * others are not, the linters and their rules, and the draft the model stages comments into.
 */
public record ReviewContext(
        ChangeSet change,
        List<String> reviewPaths,
        Map<String, String> skipped,
        LintEngine lintEngine,
        LintRules lintRules,
        ReviewDraft draft,
        UntrustedText untrusted) {

    public ReviewContext {
        reviewPaths = List.copyOf(reviewPaths);
        skipped = Map.copyOf(skipped);
    }
}
