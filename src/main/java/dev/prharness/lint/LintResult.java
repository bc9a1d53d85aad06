package dev.prharness.lint;

import dev.prharness.review.Finding;
import java.util.ArrayList;
import java.util.List;

/** What linting produced: findings, files that could not be analysed, and how many results came from cache. */
public record LintResult(List<Finding> findings, List<LintFailure> failures, int filesLinted, int cacheHits) {

    public LintResult {
        findings = List.copyOf(findings);
        failures = List.copyOf(failures);
    }

    public static LintResult empty() {
        return new LintResult(List.of(), List.of(), 0, 0);
    }

    public LintResult plus(LintResult other) {
        List<Finding> allFindings = new ArrayList<>(findings);
        allFindings.addAll(other.findings);
        List<LintFailure> allFailures = new ArrayList<>(failures);
        allFailures.addAll(other.failures);
        return new LintResult(allFindings, allFailures, filesLinted + other.filesLinted, cacheHits + other.cacheHits);
    }
}
