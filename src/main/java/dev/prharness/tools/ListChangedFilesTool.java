package dev.prharness.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prharness.safety.UntrustedText;
import dev.prharness.diff.ChangeType;
import dev.prharness.diff.FileDiff;
import dev.prharness.harness.ToolOutcome;
import java.util.Locale;

/** {@code list_changed_files()}: every changed file with its kind of change, size, and review status. */
final class ListChangedFilesTool extends ReviewTool {

    ListChangedFilesTool(ReviewContext context) {
        super("list_changed_files", context);
    }

    @Override
    public boolean cacheable() {
        return true;
    }

    @Override
    public ToolOutcome execute(JsonNode arguments) {
        StringBuilder out = new StringBuilder();
        out.append(context.change().diff().files().size()).append(" changed files (base ")
                .append(context.change().baseSha(), 0, 7).append(", head ").append(context.change().headSha(), 0, 7)
                .append("):\n");
        for (FileDiff file : context.change().diff().files()) {
            out.append("- ").append(UntrustedText.quote(file.path())).append(" [")
                    .append(file.type().name().toLowerCase(Locale.ROOT));
            if (file.type() == ChangeType.RENAMED || file.type() == ChangeType.COPIED) {
                out.append(" from ").append(context.untrusted().code(file.oldPath()));
            }
            out.append(file.binary() ? ", binary" : ", +" + file.additions() + " -" + file.deletions()).append("] ");
            String skipped = context.skipped().get(file.path());
            out.append(skipped == null ? "in review" : "skipped: " + skipped).append('\n');
        }
        return ToolOutcome.ok(out.toString());
    }
}
