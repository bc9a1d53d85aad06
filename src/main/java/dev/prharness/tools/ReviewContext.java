package dev.prharness.tools;

import dev.prharness.change.ChangeSet;
import dev.prharness.lint.LintEngine;
import dev.prharness.lint.LintRules;
import dev.prharness.safety.UntrustedText;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** Bumped when a tool's output changes for the same inputs, so cached results of the old tools are not served. */
    private static final String TOOLS_VERSION = "tools-2";

    public ReviewContext {
        reviewPaths = List.copyOf(reviewPaths);
        skipped = Map.copyOf(skipped);
    }

    /**
     * Everything a tool result of this run depends on besides the tool's own arguments: the change (its
     * identity, base and head), the rules' content, which files are in the review and why the others are not,
     * and the tools' version. Two runs share cached results only when all of it is the same.
     */
    public String cacheScope() {
        return String.join("\n", TOOLS_VERSION, change.info().id(), change.baseSha(), change.headSha(), lintRules.hash(),
                String.join("\u0000", reviewPaths), new TreeMap<>(skipped).toString());
    }
}
