package dev.prharness.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prharness.review.Plural;
import dev.prharness.safety.UntrustedText;
import dev.prharness.diff.Side;
import dev.prharness.harness.ToolException;
import dev.prharness.harness.ToolOutcome;
import dev.prharness.lint.LintEngine;
import dev.prharness.lint.LintResult;
import dev.prharness.lint.SourceFile;
import dev.prharness.review.Finding;
import java.util.ArrayList;
import java.util.List;

/** {@code run_linters(paths?)}: Checkstyle and PMD on changed Java files, findings marked on or off the diff. */
final class RunLintersTool extends ReviewTool {

    RunLintersTool(ReviewContext context) {
        super("run_linters", context);
    }

    @Override
    public boolean cacheable() {
        return true;
    }

    @Override
    public ToolOutcome execute(JsonNode arguments) {
        List<String> paths = new ArrayList<>();
        if (arguments.has("paths") && !arguments.get("paths").isEmpty()) {
            for (JsonNode path : arguments.get("paths")) {
                String checked = RepoPath.check(path.asText());
                if (!context.reviewPaths().contains(checked)) {
                    throw new ToolException(UntrustedText.quote(checked) + " is not a changed file in this review; run_linters takes changed files");
                }
                paths.add(checked);
            }
        } else {
            paths.addAll(context.reviewPaths());
        }
        List<SourceFile> sources = new ArrayList<>();
        for (String path : paths) {
            if (LintEngine.canLint(path)) {
                context.change().readAtHead(path).ifPresent(text -> sources.add(new SourceFile(path, text)));
            }
        }
        if (sources.isEmpty()) {
            return ToolOutcome.ok("No Java files among " + paths + "; the linters only check Java.");
        }
        LintResult result = context.lintEngine().lint(sources, context.lintRules());
        StringBuilder out = new StringBuilder(Plural.count(result.findings().size(), "finding") + " in "
                + Plural.count(sources.size(), "file") + ":\n");
        for (Finding f : result.findings()) {
            boolean onDiff = context.change().diff().isCommentable(f.path(), f.line(), Side.RIGHT);
            out.append("- ").append(UntrustedText.quote(f.path())).append(':').append(f.line()).append(' ').append(f.severity().label())
                    .append(' ').append(f.source()).append('/').append(f.rule()).append(": ").append(f.message())
                    .append(onDiff ? " (on the diff: already in the review)" : " (not on a diff line)").append('\n');
        }
        result.failures().forEach(f -> out.append("- ").append(UntrustedText.quote(f.path())).append(": ").append(f.linter())
                .append(" could not analyse it: ").append(f.message()).append('\n'));
        return ToolOutcome.ok(out.toString());
    }
}
