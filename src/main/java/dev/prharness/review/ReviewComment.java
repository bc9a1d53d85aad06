package dev.prharness.review;

import dev.prharness.diff.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An inline comment placed on a line of the diff (SPEC §4): {@code line} on {@code side}, optionally from
 * {@code startLine}. {@code fingerprint} identifies it across pushes and does not depend on line numbers.
 * The same finding of one rule on identical code elsewhere in the file is this one comment: {@code alsoLines}
 * are those places, each with its own fingerprint in {@code alsoFingerprints} (same order). {@code help}
 * explains a linter's rule.
 */
public record ReviewComment(
        String path,
        int line,
        Integer startLine,
        Side side,
        Severity severity,
        String source,
        String rule,
        String message,
        String suggestion,
        String fingerprint,
        List<Integer> alsoLines,
        List<String> alsoFingerprints,
        RuleHelp help) {

    public ReviewComment {
        alsoLines = List.copyOf(alsoLines);
        alsoFingerprints = List.copyOf(alsoFingerprints);
        help = help == null ? RuleHelp.NONE : help;
    }

    public ReviewComment(String path, int line, Integer startLine, Side side, Severity severity, String source, String rule,
            String message, String suggestion, String fingerprint) {
        this(path, line, startLine, side, severity, source, rule, message, suggestion, fingerprint, List.of(), List.of(),
                RuleHelp.NONE);
    }

    /** Every fingerprint this comment stands for: its own, then its other places'. */
    public List<String> fingerprints() {
        List<String> all = new ArrayList<>();
        all.add(fingerprint);
        all.addAll(alsoFingerprints);
        return all;
    }

    /**
     * This comment without the places whose fingerprint is already on the pull request: empty when every one
     * is; otherwise it moves to the first place left, so a new identical line is still reported.
     */
    public Optional<ReviewComment> without(Set<String> posted) {
        List<Integer> lines = new ArrayList<>();
        List<String> fingerprints = new ArrayList<>();
        if (!posted.contains(fingerprint)) {
            lines.add(line);
            fingerprints.add(fingerprint);
        }
        for (int i = 0; i < alsoLines.size(); i++) {
            if (!posted.contains(alsoFingerprints.get(i))) {
                lines.add(alsoLines.get(i));
                fingerprints.add(alsoFingerprints.get(i));
            }
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        if (lines.size() == 1 + alsoLines.size()) {
            return Optional.of(this);
        }
        boolean same = lines.get(0) == line;
        return Optional.of(new ReviewComment(path, lines.get(0), same ? startLine : null, side, severity, source, rule,
                message, same ? suggestion : null, fingerprints.get(0), lines.subList(1, lines.size()),
                fingerprints.subList(1, fingerprints.size()), help));
    }
}
