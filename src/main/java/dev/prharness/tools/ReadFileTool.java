package dev.prharness.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prharness.harness.ToolException;
import dev.prharness.harness.ToolOutcome;
import dev.prharness.safety.UntrustedText;
import java.util.List;

/** {@code read_file(path, start_line?, end_line?)}: a file at the head commit, numbered, at most 400 lines. */
final class ReadFileTool extends ReviewTool {

    static final int MAX_LINES = 400;

    ReadFileTool(ReviewContext context) {
        super("read_file", context);
    }

    @Override
    public boolean cacheable() {
        return true;
    }

    @Override
    public ToolOutcome execute(JsonNode arguments) {
        String path = RepoPath.check(arguments.get("path").asText());
        String content = context.change().readAtHead(path).orElseThrow(() -> new ToolException(
                UntrustedText.quote(path) + " does not exist at the head commit, or is not a text file"));
        List<String> lines = content.lines().toList();
        int start = arguments.path("start_line").asInt(1);
        int end = arguments.path("end_line").asInt(start + MAX_LINES - 1);
        if (start > lines.size()) {
            throw new ToolException(UntrustedText.quote(path) + " has " + lines.size() + " lines; start_line " + start + " is past its end");
        }
        if (end < start) {
            throw new ToolException("end_line " + end + " is before start_line " + start);
        }
        int last = Math.min(Math.min(end, lines.size()), start + MAX_LINES - 1);
        StringBuilder body = new StringBuilder();
        for (int i = start; i <= last; i++) {
            body.append(String.format("%5d| %s%n", i, lines.get(i - 1)));
        }
        String note = last < Math.min(end, lines.size())
                ? "\n(showing lines " + start + "-" + last + " of " + lines.size() + "; at most " + MAX_LINES
                        + " lines per call: ask for start_line " + (last + 1) + " to read on)"
                : "\n(lines " + start + "-" + last + " of " + lines.size() + ")";
        return ToolOutcome.ok(UntrustedText.quote(path) + " at head:\n" + UntrustedText.frame(path, context.untrusted().code(body.toString())) + note);
    }
}
