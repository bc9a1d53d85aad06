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
                number(body, line.newLine()).append(' ');
                number(body, line.oldLine()).append(' ').append(switch (line.kind()) {
                    case ADDED -> '+';
                    case REMOVED -> '-';
                    case CONTEXT -> ' ';
                }).append(' ').append(line.text()).append('\n');
            }
        }
        return ToolOutcome.ok("Diff of " + UntrustedText.quote(path) + ":\n"
                + UntrustedText.frame("diff of " + path, context.untrusted().code(body.toString())));
    }

    /** A line number right-aligned in five columns (blank when the line is not on that side). */
    private static StringBuilder number(StringBuilder out, int line) {
        String digits = line > 0 ? Integer.toString(line) : "";
        return out.append(" ".repeat(Math.max(0, 5 - digits.length()))).append(digits);
    }
}
