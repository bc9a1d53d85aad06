package dev.prharness.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prharness.diff.DiffLine;
import dev.prharness.diff.FileDiff;
import dev.prharness.diff.Hunk;
import dev.prharness.harness.ToolException;
import dev.prharness.harness.ToolOutcome;
import dev.prharness.safety.UntrustedText;

/**
 * {@code get_file_diff(path)}: the hunks of one file with new and old line numbers on every line, so the
 * model cites exactly the numbers a comment needs.
 */
final class GetFileDiffTool extends ReviewTool {

    GetFileDiffTool(ReviewContext context) {
        super("get_file_diff", context);
    }

    @Override
    public boolean cacheable() {
        return true;
    }

    @Override
    public ToolOutcome execute(JsonNode arguments) {
        String path = RepoPath.check(arguments.get("path").asText());
        FileDiff file = context.change().diff().file(path).orElseThrow(() -> new ToolException(
                UntrustedText.quote(path) + " is not one of the changed files; call list_changed_files for their paths"));
        if (file.binary()) {
            return ToolOutcome.ok(UntrustedText.quote(path) + " is a binary file; it has no diff to show.");
        }
        if (file.hunks().isEmpty()) {
            return ToolOutcome.ok(UntrustedText.quote(path) + " has no content change (" + file.type().name().toLowerCase(java.util.Locale.ROOT)
                    + " only).");
        }
        StringBuilder body = new StringBuilder("  new   old\n");
        for (Hunk hunk : file.hunks()) {
            body.append(hunk.header()).append('\n');
            for (DiffLine line : hunk.lines()) {
                body.append(String.format("%5s %5s %s %s%n",
                        line.newLine() > 0 ? line.newLine() : "",
                        line.oldLine() > 0 ? line.oldLine() : "",
                        switch (line.kind()) {
                            case ADDED -> "+";
                            case REMOVED -> "-";
                            case CONTEXT -> " ";
                        },
                        line.text()));
            }
        }
        return ToolOutcome.ok("Diff of " + UntrustedText.quote(path) + ":\n"
                + UntrustedText.frame("diff of " + path, context.untrusted().code(body.toString())));
    }
}
