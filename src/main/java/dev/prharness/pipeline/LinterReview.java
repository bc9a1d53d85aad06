package dev.prharness.pipeline;

import dev.prharness.change.ChangeSet;
import dev.prharness.config.ReviewConfig;
import dev.prharness.diff.FileDiff;
import dev.prharness.lint.LintEngine;
import dev.prharness.lint.LintFailure;
import dev.prharness.lint.LintResult;
import dev.prharness.lint.LintRules;
import dev.prharness.lint.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the linters over the Java files in a review's scope, reading each at the head commit; with {@code only_new}
 * (the default) it keeps only the findings the change brought in ({@link NewFindings}).
 */
public final class LinterReview {

    private final LintEngine engine;

    public LinterReview(LintEngine engine) {
        this.engine = engine;
    }

    LintEngine engine() {
        return engine;
    }

    /** Loads {@code rules} into the linters, or throws {@code LintConfigException} saying why they cannot be. */
    public void load(LintRules rules) {
        engine.prepare(rules);
    }

    public LintResult run(ChangeSet change, ReviewScope scope, ReviewConfig config, ReviewProgress progress) {
        List<SourceFile> sources = new ArrayList<>();
        List<LintFailure> unreadable = new ArrayList<>();
        change.prefetch(scope.files().stream().map(FileDiff::path).filter(LintEngine::canLint).toList());
        for (FileDiff file : scope.files()) {
            if (!LintEngine.canLint(file.path())) {
                continue;
            }
            Optional<String> content = change.readAtHead(file.path());
            if (content.isPresent()) {
                sources.add(new SourceFile(file.path(), content.get()));
            } else {
                unreadable.add(new LintFailure(file.path(), "pr-harness", "not readable as UTF-8 text at the head commit"));
            }
        }
        if (sources.isEmpty()) {
            return new LintResult(List.of(), unreadable, 0, 0);
        }
        progress.step("linting " + sources.size() + (sources.size() == 1 ? " file" : " files"));
        LintResult result = engine.lint(sources, config.rules());
        if (config.onlyNew() && !result.findings().isEmpty()) {
            result = new LintResult(new NewFindings(engine).keep(change, scope, config, result.findings()), result.failures(),
                    result.filesLinted(), result.cacheHits());
        }
        return result.plus(new LintResult(List.of(), unreadable, 0, 0));
    }
}
