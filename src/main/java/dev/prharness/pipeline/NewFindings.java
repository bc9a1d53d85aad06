package dev.prharness.pipeline;

import dev.prharness.change.ChangeSet;
import dev.prharness.config.ReviewConfig;
import dev.prharness.diff.FileDiff;
import dev.prharness.lint.LintEngine;
import dev.prharness.lint.LintResult;
import dev.prharness.lint.SourceFile;
import dev.prharness.review.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the linters' findings that the change brought in: a finding stays unless the base version of its file
 * (its old path, for a renamed file) has at least as many findings of the same rule on the same code (whitespace
 * ignored). Code that was only moved, renamed or reformatted is not commented on again. Only files with
 * findings are linted at the base, through the same cached engine, and only when the base has the code of a
 * flagged line at all.
 */
final class NewFindings {

    private final LintEngine engine;

    NewFindings(LintEngine engine) {
        this.engine = engine;
    }

    List<Finding> keep(ChangeSet change, ReviewScope scope, ReviewConfig config, List<Finding> head) {
        Map<String, FileDiff> byPath = new HashMap<>();
        scope.files().forEach(f -> byPath.put(f.path(), f));
        Map<String, List<Finding>> headByFile = new LinkedHashMap<>();
        head.forEach(f -> headByFile.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f));
        List<Finding> kept = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> file : headByFile.entrySet()) {
            FileDiff diff = byPath.get(file.getKey());
            Optional<String> baseText = diff == null || diff.oldPath() == null ? Optional.empty()
                    : change.readAtBase(diff.oldPath());
            Optional<String> headText = change.readAtHead(file.getKey());
            if (baseText.isEmpty() || headText.isEmpty()) {
                kept.addAll(file.getValue());
                continue;
            }
            String[] baseLines = baseText.get().split("\n", -1);
            String[] headLines = headText.get().split("\n", -1);
            if (noneFlaggedCodeIn(file.getValue(), headLines, baseLines)) {
                // The base has none of the flagged lines' code, so it cannot have these findings: no need to lint it.
                kept.addAll(file.getValue());
                continue;
            }
            LintResult base = engine.lint(List.of(new SourceFile(file.getKey(), baseText.get())), config.rules());
            Map<String, Integer> inBase = new HashMap<>();
            base.findings().forEach(f -> inBase.merge(key(f, baseLines), 1, Integer::sum));
            for (Finding finding : file.getValue()) {
                String key = key(finding, headLines);
                int left = inBase.getOrDefault(key, 0);
                if (left > 0) {
                    inBase.put(key, left - 1);
                } else {
                    kept.add(finding);
                }
            }
        }
        return kept;
    }

    /** Whether no flagged line's code (whitespace ignored) appears anywhere in the base version. */
    private static boolean noneFlaggedCodeIn(List<Finding> findings, String[] headLines, String[] baseLines) {
        Set<String> baseCode = new HashSet<>();
        for (String line : baseLines) {
            baseCode.add(code(line));
        }
        return findings.stream().noneMatch(f -> f.line() >= 1 && f.line() <= headLines.length
                && baseCode.contains(code(headLines[f.line() - 1])));
    }

    private static String code(String line) {
        return line.replaceAll("\\s+", "");
    }

    /** Rule and the flagged line's code without any whitespace: what a move, rename or reformat leaves alone. */
    private static String key(Finding finding, String[] lines) {
        int index = finding.line() - 1;
        String code = index >= 0 && index < lines.length ? code(lines[index]) : "";
        return finding.source() + "\u0000" + finding.rule() + "\u0000" + code;
    }
}
